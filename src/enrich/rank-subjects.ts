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
 * repeats), and a filter that rules out most words before that look-up. Only about one word in
 * eight starts a keyword, and a hash look-up per word was most of the ranking's cost.
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

/** Bits set for the first four characters of keyword words (fewer for a short word); prefixes under four characters go in `short`. */
interface FirstWordFilter {
  readonly four: Uint8Array;
  readonly short: Uint8Array | null;
}

const FILTER_BITS = 1 << 16;

/** A hash of the first `length` characters of a word (missing ones count as 0), below FILTER_BITS. */
function headHash(word: string, length: number): number {
  let hash = length;
  for (let k = 0; k < length; k++) hash = (Math.imul(hash, 31) + (k < word.length ? word.charCodeAt(k) : 0)) | 0;
  return (hash ^ (hash >>> 16)) & (FILTER_BITS - 1);
}

function setBit(bits: Uint8Array, hash: number): void {
  bits[hash >>> 3]! |= 1 << (hash & 7);
}

function hasBit(bits: Uint8Array, hash: number): boolean {
  return (bits[hash >>> 3]! & (1 << (hash & 7))) !== 0;
}

/**
 * A word can start a keyword only if its first four characters (the whole word when shorter) are
 * those of an exact keyword word or of a prefix of four or more characters, or it starts with a
 * shorter prefix. False positives only cost the look-up the filter saves.
 */
function firstWordFilter(taxonomy: SubjectTaxonomy): FirstWordFilter {
  const four = new Uint8Array(FILTER_BITS / 8);
  let short: Uint8Array | null = null;
  for (const word of taxonomy.byWord.keys()) setBit(four, headHash(word, 4));
  for (const prefix of taxonomy.byPrefix.keys()) {
    if (prefix.length >= 4) setBit(four, headHash(prefix, 4));
    else setBit((short ??= new Uint8Array(FILTER_BITS / 8)), headHash(prefix, prefix.length));
  }
  return { four, short };
}

function mayStartKeyword(filter: FirstWordFilter, word: string): boolean {
  if (hasBit(filter.four, headHash(word, 4))) return true;
  if (filter.short === null) return false;
  for (let n = 1; n <= 3 && n <= word.length; n++) if (hasBit(filter.short, headHash(word, n))) return true;
  return false;
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
  // One entry per subject and matched words: two keywords of a subject matching the same word
  // ("diplomat*", "diplomatic") are one piece of evidence, not two. Entries are found by subject,
  // then by words (no key string built per match), and kept in the order first matched.
  // Maps only for subjects that match (an article touches a few of them).
  const bySubject: Array<Map<string, Hit> | undefined> = new Array(taxonomy.subjects.length);
  const hits: Hit[] = [];
  const seenHere: Hit[] = [];
  const index = keywordIndex(taxonomy);
  const scan = (tokens: readonly Token[], weight: number): void => {
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const keywords = keywordsStartingWith(taxonomy, index, token.lower);
      if (keywords.length === 0) continue;
      seenHere.length = 0;
      for (const keyword of keywords) {
        const end = keyword.words.length === 1 ? i + 1 : phraseEnd(tokens, i, keyword);
        if (end < 0) continue;
        const surface = end === i + 1 ? token.lower : tokens.slice(i, end).map((t) => t.lower).join(' ');
        const subjectHits = (bySubject[keyword.subject] ??= new Map<string, Hit>());
        const hit = subjectHits.get(surface);
        if (hit === undefined) {
          const created = { subject: keyword.subject, surface, weight: keyword.weight, count: weight };
          subjectHits.set(surface, created);
          hits.push(created);
          seenHere.push(created);
        } else if (!seenHere.includes(hit)) {
          hit.count += weight;
          seenHere.push(hit);
        }
      }
    }
  };
  scan(titleTokens, TITLE_WEIGHT);
  paragraphs.forEach((paragraph, index) => scan(paragraph, index === 0 ? LEDE_WEIGHT : 1));

  const scores: Array<{ score: number; evidence: Map<string, number> } | undefined> = new Array(taxonomy.subjects.length);
  for (const hit of hits) {
    const share = hit.weight * (1 + Math.log(hit.count));
    const entry = (scores[hit.subject] ??= { score: 0, evidence: new Map<string, number>() });
    entry.score += share;
    entry.evidence.set(hit.surface, share);
  }
  const ranked: Subject[] = [];
  scores.forEach((entry, index) => {
    if (entry === undefined || entry.score <= 0) return;
    const definition = taxonomy.subjects[index]!;
    const evidence = [...entry.evidence]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, MAX_EVIDENCE)
      .map(([surface]) => surface);
    ranked.push({ id: definition.id, label: definition.label, score: Math.round(entry.score * 100) / 100, evidence });
  });
  // Stable sort keeps taxonomy order among equal scores.
  return ranked.sort((a, b) => b.score - a.score);
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
