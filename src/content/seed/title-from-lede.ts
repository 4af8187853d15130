/** A readable title from a lede when the text has no headline. */
import { isAbbreviation } from './sentence-end.ts';

/** How far into a lede its first sentence is looked for; keeps huge one-line texts cheap. */
const SENTENCE_WINDOW = 600;
/** Shortest clause worth ending a title at. */
const MIN_CLAUSE = 40;
/** Words a cut title must not end on: they promise more. */
const DANGLING = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'by', 'for', 'from', 'with', 'as', 'that', 'which', 'who', 'whose', 'its', 'their', 'his', 'her', 'our', 'is', 'are', 'was', 'were', 'be', 'has', 'have', 'had', 'will', 'would', 'after', 'before', 'about', 'over', 'into', 'than', 'when', 'while', 'between', 'against', 'among', 'amid', 'despite', 'during', 'through', 'under', 'without', 'within', 'towards', 'toward', 'upon', 'not']);

/** The lede's first sentence without its closing full stop, cut at a word boundary near `max` characters. */
export function titleFromLede(lede: string, max = 90): string {
  const sentence = firstSentence(lede.slice(0, SENTENCE_WINDOW).trim());
  // A question or exclamation keeps its mark; a statement loses its full stop (inside a closing quote too).
  const clean = sentence.replace(/(?<!\.)\.(["”’']?)$/, '$1').trim();
  if (clean.length <= max) return clean;
  return `${cutAtWord(clean, max)}…`;
}

/** The first sentence: up to a . ! or ? (and closing quote) followed by a space and a capital, or the end. */
function firstSentence(text: string): string {
  const ends = /[.!?]["”’']?(?=\s+["“‘'(\p{Lu}\p{N}]|$)/gu;
  for (let m = ends.exec(text); m !== null; m = ends.exec(text)) {
    const word = /(\S+)$/.exec(text.slice(0, m.index))?.[1] ?? '';
    // "U.S. Defense Secretary", "Mr. Peskov", "Jan. 30": a full stop inside a name or date.
    if (m[0].startsWith('.') && isAbbreviation(`${word}.`)) continue;
    return text.slice(0, m.index + m[0].length);
  }
  return text;
}

/**
 * Cuts at a clause break (comma, colon, dash) when one falls late enough, else at a word boundary
 * that does not split a capitalised name ("the United | States") or end on a dangling word.
 */
function cutAtWord(text: string, max: number): string {
  const window = text.slice(0, max + 1);
  const words = window.slice(0, window.lastIndexOf(' ') > 0 ? window.lastIndexOf(' ') : max).split(' ');
  const nextWord = text.slice(words.join(' ').length + 1).split(' ')[0] ?? '';
  // Drop a trailing name fragment: the word after the cut continues it.
  if (/^\p{Lu}/u.test(nextWord)) {
    while (words.length > 1 && /^\p{Lu}/u.test(words.at(-1) ?? '') && !/[,;:]$/.test(words.at(-1) ?? '')) words.pop();
  }
  while (words.length > 1 && DANGLING.has((words.at(-1) ?? '').toLowerCase().replace(/[,;:]$/, ''))) words.pop();
  const cut = words.join(' ').replace(/[\s,;:—–-]+$/, '');
  const clause = Math.max(window.lastIndexOf(': '), window.lastIndexOf('; '), window.lastIndexOf(' — '), window.lastIndexOf(', '));
  if (clause >= MIN_CLAUSE && clause > cut.length - 15) return window.slice(0, clause).trim();
  return cut.length >= MIN_CLAUSE / 2 ? cut : text.slice(0, max).trim();
}
