/** Turning lines back into paragraphs: hard-wrapped text is rejoined, one-paragraph-per-line text kept. */
import { firstWord, type SeedLine } from './seed-lines.ts';

/** Widest column a hard-wrapped text is assumed to use; wider lines mean the writer never wrapped. */
const MAX_WRAP_WIDTH = 110;
/** Narrowest wrap width taken seriously; below it, short lines are lists or verse, not wrapping. */
const MIN_WRAP_WIDTH = 30;
/** Share of lines allowed past the wrap width (a URL, a table row) before the text counts as unwrapped. */
const MAX_WIDER_SHARE = 0.05;
/** Fewest line-to-line continuations that can show wrapping; a header's few short lines cannot. */
const MIN_CONTINUED = 3;
/** Share of continued lines that must be "full" for a text to count as hard-wrapped. */
const FULL_LINE_SHARE = 0.5;

/** A line ending that can close a paragraph (sentence end, closing quote or bracket). */
const PARAGRAPH_END = /[.!?…:;"'”’»)\]]$/;
/** Whitespace other than single spaces, which a paragraph's text should not keep. */
const MESSY_SPACE = /[^\S ]/;
/** A letter then a hyphen at the end of a line: a compound split by the wrap ("Iran-\nbacked"). */
const SPLIT_COMPOUND = /\p{L}-$/u;

/**
 * The column a hard-wrapped text was wrapped at, or null when it was not hard-wrapped.
 * A greedy wrapper breaks a line only when the next word would not fit, so in wrapped text most
 * lines followed by another line are "full"; in one-paragraph-per-line text they are not.
 */
export function wrapWidth(lines: readonly SeedLine[]): number | null {
  const widths: number[] = [];
  for (const line of lines) if (!line.blank) widths.push(line.indent + line.text.length);
  if (widths.length < 3) return null;
  const sorted = [...widths].sort((a, b) => a - b);
  const p90 = sorted[Math.floor((sorted.length - 1) * 0.9)] ?? 0;
  // A stray long line (a URL, a table row) must not set the width of everything else.
  const width = sorted.filter((w) => w <= p90 * 1.25).at(-1) ?? 0;
  if (width > MAX_WRAP_WIDTH || width < MIN_WRAP_WIDTH) return null;
  // Wrapped text has almost no line past its width; one-paragraph-per-line text has many.
  const wider = widths.filter((w) => w > width).length;
  if (wider > Math.floor(widths.length * MAX_WIDER_SHARE)) return null;
  let continued = 0;
  let full = 0;
  for (let i = 0; i + 1 < lines.length; i += 1) {
    const line = lines[i];
    const next = lines[i + 1];
    if (line === undefined || next === undefined || line.blank || next.blank) continue;
    continued += 1;
    if (!nextWordFits(line, next, width)) full += 1;
  }
  return continued >= MIN_CONTINUED && full / continued >= FULL_LINE_SHARE ? width : null;
}

/** Whether the next line's first word would have fitted on this line within `width` columns. */
export function nextWordFits(line: SeedLine, next: SeedLine, width: number): boolean {
  return line.indent + line.text.length + 1 + firstWord(next.text).length <= width;
}

/**
 * Paragraphs from lines. Blank lines always end a paragraph. In hard-wrapped text (`width` not
 * null) a line continues the paragraph unless it is indented past the text's usual margin or the
 * line before ends a sentence short of the wrap width; otherwise every line is its own paragraph.
 * Runs of whitespace inside a paragraph become one space.
 */
export function reflowParagraphs(lines: readonly SeedLine[], width: number | null = wrapWidth(lines)): string[] {
  const margin = width === null ? 0 : usualIndent(lines);
  const paragraphs: string[] = [];
  let text = '';
  let previous: SeedLine | null = null;
  for (const line of lines) {
    if (line.blank) {
      addParagraph(paragraphs, text);
      text = '';
      previous = null;
      continue;
    }
    if (previous !== null && (width === null || startsParagraph(previous, line, width, margin))) {
      addParagraph(paragraphs, text);
      text = '';
    }
    if (text === '') text = line.text;
    else text += SPLIT_COMPOUND.test(previous?.text.slice(-2) ?? '') ? line.text : ` ${line.text}`;
    previous = line;
  }
  addParagraph(paragraphs, text);
  return paragraphs;
}

/** Adds a paragraph's text, whitespace runs made single spaces (a module function, not a closure per seed). */
function addParagraph(paragraphs: string[], text: string): void {
  // Most lines need no clean-up; testing first avoids copying every paragraph.
  if (text !== '') paragraphs.push(text.includes('  ') || MESSY_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text);
}

function startsParagraph(previous: SeedLine, line: SeedLine, width: number, margin: number): boolean {
  // First-line indents mark paragraphs, even two one-line paragraphs in a row.
  if (line.indent > previous.indent || line.indent > margin) return true;
  return PARAGRAPH_END.test(previous.text) && nextWordFits(previous, line, width);
}

/** The indent most lines have: continuation lines share it, paragraph openings go past it. */
function usualIndent(lines: readonly SeedLine[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) if (!line.blank) counts.set(line.indent, (counts.get(line.indent) ?? 0) + 1);
  let usual = 0;
  let most = 0;
  for (const [indent, count] of counts) if (count > most || (count === most && indent < usual)) [usual, most] = [indent, count];
  return usual;
}
