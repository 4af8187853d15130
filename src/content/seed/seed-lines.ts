/** Splitting raw text into lines that keep what the reflow and header rules need. */

/** One physical line of a seed. */
export interface SeedLine {
  /** The line without leading or trailing whitespace. */
  readonly text: string;
  /** Width of the leading whitespace (a tab counts as four columns). */
  readonly indent: number;
  /** True when the line holds only whitespace. */
  readonly blank: boolean;
}

const LEADING_SPACE = /^[ \t\u00a0\u3000]*/;

/** Splits LF-normalised text into lines. Linear in the text length. */
export function seedLines(text: string): SeedLine[] {
  return text.split('\n').map((raw): SeedLine => {
    const lead = LEADING_SPACE.exec(raw)?.[0] ?? '';
    const body = raw.trim();
    let indent = 0;
    for (const ch of lead) indent += ch === '\t' ? 4 : 1;
    return { text: body, indent, blank: body === '' };
  });
}

/** The first word of a line (up to its first whitespace); linear, no regex backtracking. */
export function firstWord(text: string): string {
  const space = text.search(/\s/);
  return space === -1 ? text : text.slice(0, space);
}
