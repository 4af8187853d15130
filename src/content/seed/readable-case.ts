/** ALL-CAPS wire headlines and labels shown in readable title case. */

/** Short words a title keeps in lower case unless they open it. */
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'into', 'nor', 'of', 'off', 'on', 'onto', 'or', 'over', 'per', 'the', 'to', 'up', 'via', 'vs', 'with']);
/** Two-letter English words; any other two-letter word in caps is taken as an acronym (UN, EU, US). */
const TWO_LETTER_WORDS = new Set(['am', 'an', 'as', 'at', 'be', 'by', 'do', 'go', 'he', 'if', 'in', 'is', 'it', 'me', 'my', 'no', 'of', 'oh', 'ok', 'on', 'or', 'so', 'to', 'up', 'we']);

/** True for text with at least four capital letters and no lower-case letter. */
export function isAllCaps(text: string): boolean {
  if (/\p{Ll}/u.test(text)) return false;
  let capitals = 0;
  for (const ch of text) if (/\p{Lu}/u.test(ch) && (capitals += 1) >= 4) return true;
  return false;
}

/**
 * Title case for text written in capitals. Kept in capitals: dotted abbreviations ("U.S."),
 * words with digits ("G7"), words without vowels ("BBC", "NFL") and two-letter non-words ("UN").
 */
export function readableCase(text: string): string {
  let first = true;
  return text.replace(/[\p{L}\p{N}][\p{L}\p{N}'’.]*/gu, (word, offset: number) => {
    const opensTitle = first || /[:—–]\s*$/.test(text.slice(Math.max(0, offset - 3), offset));
    first = false;
    return caseWord(word, opensTitle);
  });
}

function caseWord(word: string, opensTitle: boolean): string {
  const bare = word.replace(/[.'’]+$/, '');
  const lower = word.toLowerCase();
  if (/\p{L}\.\p{L}/u.test(word) || /\d/.test(word)) return word;
  if (bare.length >= 2 && !/[AEIOUY]/i.test(bare)) return word;
  if (bare.length === 2 && !TWO_LETTER_WORDS.has(bare.toLowerCase())) return word;
  if (!opensTitle && SMALL_WORDS.has(bare.toLowerCase())) return lower;
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}
