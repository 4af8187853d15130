/** Telling a sentence-ending full stop from one inside an abbreviation. */

/** Abbreviations whose full stop does not end a sentence ("Mr.", "Jan.", "Inc."). */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'sgt', 'prof', 'rev', 'inc', 'corp', 'ltd', 'co', 'bros', 'no', 'vs', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/** True when a word ending in a full stop is an abbreviation: "U.S.", "A.", "Mr.", "Jan.". */
export function isAbbreviation(word: string): boolean {
  const bare = word.replace(/^["“‘'(]+/, '').replace(/\.$/, '');
  return /^\p{L}$/u.test(bare) || /^(?:\p{L}\.)+\p{L}$/u.test(bare) || ABBREVIATIONS.has(bare.toLowerCase());
}

/** True when a line ends with a full stop, comma, colon or semicolon (closing quotes aside), not an abbreviation or ellipsis. */
export function endsWithStop(text: string): boolean {
  const trimmed = text.replace(/["”’')\]]+$/, '');
  if (/[,;:]$/.test(trimmed)) return true;
  if (!trimmed.endsWith('.') || trimmed.endsWith('..')) return false;
  return !isAbbreviation(/(\S+)$/.exec(trimmed)?.[1] ?? '');
}
