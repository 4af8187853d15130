/** Turning an input file's bytes into clean text, or a reason it cannot be an article. */

/** Decoded text plus what was repaired on the way. */
export type DecodedInput =
  | { readonly ok: true; readonly text: string; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly reason: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lossyUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/**
 * Decodes UTF-8 (dropping a BOM), normalises CRLF and lone CR to LF. Binary files (NUL bytes) are
 * refused; invalid UTF-8 is decoded with U+FFFD replacements and a warning naming the line;
 * control characters are removed (see withoutControlCharacters), with a warning naming the line.
 */
export function decodeInput(bytes: Uint8Array): DecodedInput {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { ok: false, reason: `binary file (NUL byte at offset ${nul}), not text` };
  }
  const warnings: string[] = [];
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    text = lossyUtf8.decode(bytes);
    const line = text.slice(0, text.indexOf('\uFFFD')).split(/\r\n|\r|\n/).length;
    warnings.push(`invalid UTF-8 from line ${line}: undecodable bytes shown as \uFFFD; save the file as UTF-8`);
  }
  text = text.replace(/\r\n?/g, '\n');
  const cleaned = withoutControlCharacters(text);
  if (cleaned.removed > 0) {
    const line = text.slice(0, cleaned.firstAt).split('\n').length;
    warnings.push(`${cleaned.removed} control character${cleaned.removed === 1 ? '' : 's'} removed, from line ${line} (a page cannot show them)`);
    text = cleaned.text;
  }
  if (text.trim() === '') return { ok: false, reason: text === '' ? 'empty file' : 'file holds only whitespace' };
  return { ok: true, text, warnings };
}

/**
 * Control characters, which HTML forbids in a page (the validator stops at them) and a terminal
 * obeys: C0 but tab and line feed (NUL is refused as binary, CR normalised before), DEL and C1.
 * Pasted or scraped text carries them (a terminal's colour codes, a Word file's vertical tab),
 * and so can YAML's "\x1b" escapes in front matter.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * `text` without control characters: a vertical tab or form feed (a line or page break in old
 * word processors) becomes a line feed, so words either side stay apart; the others are dropped.
 * `removed` counts them, `firstAt` is the first one's index in `text` (-1 for none).
 */
export function withoutControlCharacters(text: string): { readonly text: string; readonly removed: number; readonly firstAt: number } {
  CONTROL_CHARACTERS.lastIndex = 0;
  const first = CONTROL_CHARACTERS.exec(text);
  if (first === null) return { text, removed: 0, firstAt: -1 };
  let removed = 0;
  const cleaned = text.replace(CONTROL_CHARACTERS, (c) => {
    removed += 1;
    return c === '\u000b' || c === '\u000c' ? '\n' : '';
  });
  return { text: cleaned, removed, firstAt: first.index };
}
