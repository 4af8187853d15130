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
  /** What the hit adds to its subject's score, once every word is counted. */
  share: number;
  /** The next hit with the same surface (another subject's), or null: hits are found by surface, then subject. */
  sameSurface: Hit | null;
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
  const matching: Matching = { taxonomy, index: keywordIndex(taxonomy), bySurface: new Map(), hits: [], seenHere: [] };
  scan(matching, titleTokens, TITLE_WEIGHT);
  for (let index = 0; index < paragraphs.length; index++) scan(matching, paragraphs[index]!, index === 0 ? LEDE_WEIGHT : 1);
  const { hits } = matching;

  // Each subject's score summed in the order its words were first matched, and its hits (one per
  // surface) as its evidence: plain lists, not a map per subject copied into pairs to be sorted.
  const subjectCount = taxonomy.subjects.length;
  const scores: number[] = [];
  const evidenceHits: Hit[][] = [];
  for (let index = 0; index < subjectCount; index++) {
    scores.push(0);
    evidenceHits.push([]);
  }
  for (const hit of hits) {
    hit.share = hit.weight * (1 + Math.log(hit.count));
    scores[hit.subject] = scores[hit.subject]! + hit.share;
    evidenceHits[hit.subject]!.push(hit);
  }
  const ranked: Subject[] = [];
  for (let index = 0; index < subjectCount; index++) {
    const matched = evidenceHits[index]!;
    const score = scores[index]!;
    if (matched.length === 0 || score <= 0) continue;
    const definition = taxonomy.subjects[index]!;
    const strongest = matched.sort(byShare);
    const evidence: string[] = [];
    for (let k = 0; k < strongest.length && k < MAX_EVIDENCE; k++) evidence.push(strongest[k]!.surface);
    ranked.push({ id: definition.id, label: definition.label, score: Math.round(score * 100) / 100, evidence });
  }
  // Stable sort keeps taxonomy order among equal scores.
  return ranked.sort((a, b) => b.score - a.score);
}

/** Strongest evidence first; equal shares in the order of their words (a subject's surfaces are distinct). */
function byShare(a: Hit, b: Hit): number {
  return b.share - a.share || (a.surface < b.surface ? -1 : a.surface > b.surface ? 1 : 0);
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
 * Entries are found by words, then subject along the words' short chain (no key string built per
 * match, one map per article), and kept in the order first matched.
 */
interface Matching {
  readonly taxonomy: SubjectTaxonomy;
  readonly index: KeywordIndex;
  /** The first hit of each surface; the others follow its `sameSurface` chain. */
  readonly bySurface: Map<string, Hit>;
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
      const first = m.bySurface.get(surface);
      let hit = first;
      while (hit !== undefined && hit.subject !== keyword.subject) hit = hit.sameSurface ?? undefined;
      if (hit === undefined) {
        const created: Hit = { subject: keyword.subject, surface, weight: keyword.weight, count: weight, share: 0, sameSurface: first ?? null };
        m.bySurface.set(surface, created);
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
