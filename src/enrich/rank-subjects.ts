/** Ranking an article's IPTC subjects by the taxonomy's keywords, keeping the matched words as evidence. */
import type { Subject } from '../content/article.ts';
import type { Token } from './tokenize.ts';
import { matchesWord, type Keyword, type SubjectTaxonomy } from './subject-taxonomy.ts';

/** A headline word says more about the subject than a body word, and so does a word of the lede (news puts the point first). */
const TITLE_WEIGHT = 3;
const LEDE_WEIGHT = 2;

/** One subject's evidence from one matched word or phrase. */
interface Hit {
  readonly subject: number;
  readonly surface: string;
  readonly weight: number;
  count: number;
}

/** Most matched words kept as evidence per subject. */
const MAX_EVIDENCE = 8;

/**
 * Per taxonomy: keywords by the lower-case word they may start at (memoised: news vocabulary
 * repeats), and a filter that rules out most words before that look-up. Few words start a keyword,
 * and a hash look-up per word was most of the ranking's cost.
 */
interface KeywordIndex {
  readonly byFirstWord: Map<string, readonly Keyword[]>;
  readonly filter: FirstWordFilter;
}

const keywordIndexes = new WeakMap<SubjectTaxonomy, KeywordIndex>();

function keywordIndex(taxonomy: SubjectTaxonomy): KeywordIndex {
  let index = keywordIndexes.get(taxonomy);
  if (index === undefined) keywordIndexes.set(taxonomy, (index = { byFirstWord: new Map(), filter: firstWordFilter(taxonomy) }));
  return index;
}

/**
 * Bit sets (one hash, like a one-function Bloom filter) of the keywords' exact first words and of
 * their first-word prefixes. A word may start a keyword only if it is in the first set or one of
 * its leading parts is in the second; false positives only cost the look-up the filter saves.
 */
interface FirstWordFilter {
  readonly words: Uint8Array;
  readonly prefixes: Uint8Array;
  /** Shortest and longest prefix, so a word's leading parts outside them are not tested. */
  readonly minPrefix: number;
  readonly maxPrefix: number;
}

const FILTER_BITS = 1 << 17;
const HASH_SEED = 0x811c9dc5;

/** One step of the rolling hash of a word's leading characters (FNV-1a). */
function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

/** The bit of a rolling hash, below FILTER_BITS. */
function bitOf(hash: number): number {
  return (hash ^ (hash >>> 15)) & (FILTER_BITS - 1);
}

function hashOf(text: string): number {
  let hash = HASH_SEED;
  for (let k = 0; k < text.length; k++) hash = hashStep(hash, text.charCodeAt(k));
  return hash;
}

function setBit(bits: Uint8Array, bit: number): void {
  bits[bit >>> 3]! |= 1 << (bit & 7);
}

function hasBit(bits: Uint8Array, bit: number): boolean {
  return (bits[bit >>> 3]! & (1 << (bit & 7))) !== 0;
}

function firstWordFilter(taxonomy: SubjectTaxonomy): FirstWordFilter {
  const words = new Uint8Array(FILTER_BITS / 8);
  const prefixes = new Uint8Array(FILTER_BITS / 8);
  let maxPrefix = 0;
  for (const word of taxonomy.byWord.keys()) setBit(words, bitOf(hashOf(word)));
  for (const prefix of taxonomy.byPrefix.keys()) {
    setBit(prefixes, bitOf(hashOf(prefix)));
    maxPrefix = Math.max(maxPrefix, prefix.length);
  }
  return { words, prefixes, minPrefix: taxonomy.minPrefix, maxPrefix };
}

/** One scan of the word's characters: each leading part's hash is tested as the scan passes its end. */
function mayStartKeyword(filter: FirstWordFilter, word: string): boolean {
  let hash = HASH_SEED;
  const last = Math.min(word.length, filter.maxPrefix);
  for (let k = 0; k < word.length; k++) {
    hash = hashStep(hash, word.charCodeAt(k));
    if (k + 1 >= filter.minPrefix && k < last && hasBit(filter.prefixes, bitOf(hash))) return true;
  }
  return hasBit(filter.words, bitOf(hash));
}

const NO_KEYWORDS: readonly Keyword[] = [];

function keywordsStartingWith(taxonomy: SubjectTaxonomy, index: KeywordIndex, word: string): readonly Keyword[] {
  if (!mayStartKeyword(index.filter, word)) return NO_KEYWORDS;
  const cache = index.byFirstWord;
  let found = cache.get(word);
  if (found === undefined) {
    const list: Keyword[] = [...(taxonomy.byWord.get(word) ?? [])];
    for (let n = taxonomy.minPrefix; n <= word.length; n++) {
      const byPrefix = taxonomy.byPrefix.get(word.slice(0, n));
      if (byPrefix !== undefined) list.push(...byPrefix);
    }
    found = list;
    cache.set(word, found);
  }
  return found;
}

/**
 * Subjects with a score above zero, strongest first (ties in taxonomy order). A keyword's share grows
 * with the log of its count, so one word repeated cannot outweigh many different signals. Pure.
 */
export function rankSubjects(titleTokens: readonly Token[], paragraphs: ReadonlyArray<readonly Token[]>, taxonomy: SubjectTaxonomy): Subject[] {
  const matching: Matching = { taxonomy, index: keywordIndex(taxonomy), bySubject: new Array(taxonomy.subjects.length), hits: [], seenHere: [] };
  scan(matching, titleTokens, TITLE_WEIGHT);
  for (let index = 0; index < paragraphs.length; index++) scan(matching, paragraphs[index]!, index === 0 ? LEDE_WEIGHT : 1);
  const { hits } = matching;

  const scores: Array<{ score: number; evidence: Map<string, number> } | undefined> = new Array(taxonomy.subjects.length);
  for (const hit of hits) {
    const share = hit.weight * (1 + Math.log(hit.count));
    const entry = (scores[hit.subject] ??= { score: 0, evidence: new Map<string, number>() });
    entry.score += share;
    entry.evidence.set(hit.surface, share);
  }
  const ranked: Subject[] = [];
  for (let index = 0; index < scores.length; index++) {
    const entry = scores[index];
    if (entry === undefined || entry.score <= 0) continue;
    const definition = taxonomy.subjects[index]!;
    const strongest = [...entry.evidence].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const evidence: string[] = [];
    for (let k = 0; k < strongest.length && k < MAX_EVIDENCE; k++) evidence.push(strongest[k]![0]);
    ranked.push({ id: definition.id, label: definition.label, score: Math.round(entry.score * 100) / 100, evidence });
  }
  // Stable sort keeps taxonomy order among equal scores.
  return ranked.sort((a, b) => b.score - a.score);
}

/** The lower-case words of tokens[start, end), joined by spaces. */
function phraseText(tokens: readonly Token[], start: number, end: number): string {
  let text = tokens[start]!.lower;
  for (let k = start + 1; k < end; k++) text += ` ${tokens[k]!.lower}`;
  return text;
}

/**
 * One rankSubjects call's matches so far. One entry per subject and matched words: two keywords of a
 * subject matching the same word ("diplomat*", "diplomatic") are one piece of evidence, not two.
 * Entries are found by subject, then by words (no key string built per match), and kept in the
 * order first matched; maps only for subjects that match (an article touches a few of them).
 */
interface Matching {
  readonly taxonomy: SubjectTaxonomy;
  readonly index: KeywordIndex;
  readonly bySubject: Array<Map<string, Hit> | undefined>;
  readonly hits: Hit[];
  /** Hits already counted for the current token. */
  readonly seenHere: Hit[];
}

/** Adds the keyword matches of one span of tokens, each counted `weight` times (a module function, not a closure per article). */
function scan(m: Matching, tokens: readonly Token[], weight: number): void {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const keywords = keywordsStartingWith(m.taxonomy, m.index, token.lower);
    if (keywords.length === 0) continue;
    m.seenHere.length = 0;
    for (const keyword of keywords) {
      const end = keyword.words.length === 1 ? i + 1 : phraseEnd(tokens, i, keyword);
      if (end < 0) continue;
      const surface = end === i + 1 ? token.lower : phraseText(tokens, i, end);
      const subjectHits = (m.bySubject[keyword.subject] ??= new Map<string, Hit>());
      const hit = subjectHits.get(surface);
      if (hit === undefined) {
        const created = { subject: keyword.subject, surface, weight: keyword.weight, count: weight };
        subjectHits.set(surface, created);
        m.hits.push(created);
        m.seenHere.push(created);
      } else if (!m.seenHere.includes(hit)) {
        hit.count += weight;
        m.seenHere.push(hit);
      }
    }
  }
}

/** Where a keyword matching at token `i` ends (exclusive), or -1; a phrase does not run across a comma or sentence end. */
function phraseEnd(tokens: readonly Token[], i: number, keyword: Keyword): number {
  let end = i + 1;
  for (let w = 1; w < keyword.words.length; w++, end++) {
    const next = tokens[end];
    if (next === undefined || tokens[end - 1]!.breakAfter || !matchesWord(keyword.words[w]!, next.lower)) return -1;
  }
  return end;
}
