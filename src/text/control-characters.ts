/**
 * Control characters in text from outside (files, their names, front matter): a page cannot hold
 * them and a terminal obeys them. Pages get them removed, terminal lines get them escaped.
 */

/**
 * Those HTML forbids in a page (the validator stops at them): C0 but tab and line feed (NUL is
 * refused as binary and CR normalised before text gets here), DEL and C1. Pasted or scraped text
 * carries them (a terminal's colour codes, a Word file's vertical tab), and so can YAML's "\x1b".
 */
const NOT_IN_PAGES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Those a terminal line shows escaped: every C0 (a newline would split the line), DEL and C1. */
const NOT_IN_TERMINAL_LINES = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * `text` without the control characters a page cannot hold: a vertical tab or form feed (a line
 * or page break in old word processors) becomes a line feed, so words either side stay apart; the
 * others are dropped. `removed` counts them, `firstAt` is the first one's index (-1 for none).
 */
export function withoutControlCharacters(text: string): { readonly text: string; readonly removed: number; readonly firstAt: number } {
  NOT_IN_PAGES.lastIndex = 0;
  const first = NOT_IN_PAGES.exec(text);
  if (first === null) return { text, removed: 0, firstAt: -1 };
  let removed = 0;
  const cleaned = text.replace(NOT_IN_PAGES, (c) => {
    removed += 1;
    return c === '\u000b' || c === '\u000c' ? '\n' : '';
  });
  return { text: cleaned, removed, firstAt: first.index };
}

/** `text` with every control character written as an escape ("\n", "\t", "\u001b"), for one line in a terminal. */
export function escapeControlCharacters(text: string): string {
  return text.replace(NOT_IN_TERMINAL_LINES, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
