/** Turning an input file's bytes into clean text, or a reason it cannot be an article. */
import { withoutControlCharacters } from '../text/control-characters.ts';

/** Decoded text plus what was repaired on the way. */
export type DecodedInput =
  | { readonly ok: true; readonly text: string; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly reason: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lossyUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** Decodes bytes into text: TextDecoder's one method, named so without the DOM library's types. */
interface Decoder {
  decode(input: Uint8Array): string;
}

/**
 * The UTF-16 a byte order mark announces (FF FE, FE FF): what Windows PowerShell 5's `>` writes,
 * and Notepad's "Unicode". Their ASCII letters hold NUL bytes, so such a file was refused as binary.
 * Strict and lossy decoders, as for UTF-8.
 */
function utf16Of(bytes: Uint8Array): { readonly strict: Decoder; readonly lossy: Decoder } | null {
  const label = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  return label === null ? null : { strict: new TextDecoder(label, { fatal: true }), lossy: new TextDecoder(label) };
}

/**
 * Decodes UTF-8 (dropping a BOM), or UTF-16 after its BOM, and normalises CRLF and lone CR to LF.
 * Binary files (NUL bytes, or NUL characters in UTF-16) are refused; invalid UTF-8 or UTF-16 is
 * decoded with U+FFFD replacements and a warning naming the line; control characters are removed (see withoutControlCharacters), with a
 * warning naming the line.
 */
export function decodeInput(bytes: Uint8Array): DecodedInput {
  const utf16 = utf16Of(bytes);
  const nul = utf16 === null ? bytes.indexOf(0) : -1;
  if (nul !== -1) {
    // NULs at every other byte of the start: UTF-16 saved without its mark.
    const hint = bytes.length >= 4 && (bytes[0] === 0) !== (bytes[1] === 0) && (bytes[2] === 0) !== (bytes[3] === 0) ? ' (UTF-16 without a byte order mark? save it as UTF-8)' : '';
    return { ok: false, reason: `binary file (NUL byte at offset ${nul}), not text${hint}` };
  }
  const encoding = utf16 === null ? 'UTF-8' : 'UTF-16';
  const warnings: string[] = [];
  let valid = true;
  let text: string;
  try {
    text = (utf16?.strict ?? strictUtf8).decode(bytes);
  } catch {
    text = (utf16?.lossy ?? lossyUtf8).decode(bytes);
    valid = false;
  }
  // In UTF-16 a NUL is two zero bytes, as common in binary files as one is: a file that merely starts with FF FE is no text.
  const nulCharacter = utf16 === null ? -1 : text.indexOf('\0');
  if (nulCharacter !== -1) return { ok: false, reason: `binary file (NUL character at offset ${2 * nulCharacter + 2}), not UTF-16 text despite its byte order mark` };
  text = text.replace(/\r\n?/g, '\n');
  if (!valid) warnings.push(`invalid ${encoding} from line ${lineAt(text, text.indexOf('\uFFFD'))}: undecodable bytes shown as \uFFFD; save the file as UTF-8`);
  const cleaned = withoutControlCharacters(text);
  if (cleaned.removed > 0) {
    warnings.push(`${cleaned.removed} control character${cleaned.removed === 1 ? '' : 's'} removed, from line ${lineAt(text, cleaned.firstAt)} (a page cannot show them)`);
    text = cleaned.text;
  }
  if (text.trim() === '') return { ok: false, reason: text === '' ? 'empty file' : 'file holds only whitespace' };
  return { ok: true, text, warnings };
}

/** The 1-based line of `index` in `text` (LF line endings). */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line += 1;
  return line;
}
