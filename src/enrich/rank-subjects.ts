/** Ranking an article's IPTC subjects by the taxonomy's keywords, keeping the matched words as evidence. */
import type { Subject } from '../content/article.ts';
import type { Token } from './tokenize.ts';
import { matchesWord, type Keyword, type SubjectTaxonomy } from './subject-taxonomy.ts';

/** A headline word says more about the subject than a body word, and so does a word of the lede (news puts the point first). */
const TITLE_WEIGHT = 3;
const LEDE_WEIGHT = 2;

/** Most matched words kept as evidence per subject. */
const MAX_EVIDENCE = 8;

/** Keywords whose first word matches a lower-case word, memoised per taxonomy: news vocabulary repeats. */
const firstWordCache = new WeakMap<SubjectTaxonomy, Map<string, readonly Keyword[]>>();

function keywordCache(taxonomy: SubjectTaxonomy): Map<string, readonly Keyword[]> {
  let cache = firstWordCache.get(taxonomy);
  if (cache === undefined) firstWordCache.set(taxonomy, (cache = new Map()));
  return cache;
}

function keywordsStartingWith(taxonomy: SubjectTaxonomy, cache: Map<string, readonly Keyword[]>, word: string): readonly Keyword[] {
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
  // ("diplomat*", "diplomatic") are one piece of evidence, not two.
  const hits = new Map<string, { subject: number; surface: string; weight: number; count: number }>();
  const cache = keywordCache(taxonomy);
  const scan = (tokens: readonly Token[], weight: number): void => {
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const keywords = keywordsStartingWith(taxonomy, cache, token.lower);
      if (keywords.length === 0) continue;
      const seenHere = keywords.length === 1 ? null : new Set<string>();
      for (const keyword of keywords) {
        const end = phraseEnd(tokens, i, keyword);
        if (end < 0) continue;
        const surface = end === i + 1 ? token.lower : tokens.slice(i, end).map((t) => t.lower).join(' ');
        const key = `${keyword.subject}\u0000${surface}`;
        const hit = hits.get(key);
        if (hit === undefined) hits.set(key, { subject: keyword.subject, surface, weight: keyword.weight, count: weight });
        else if (seenHere === null || !seenHere.has(key)) hit.count += weight;
        seenHere?.add(key);
      }
    }
  };
  scan(titleTokens, TITLE_WEIGHT);
  paragraphs.forEach((paragraph, index) => scan(paragraph, index === 0 ? LEDE_WEIGHT : 1));

  const scores = taxonomy.subjects.map(() => ({ score: 0, evidence: new Map<string, number>() }));
  for (const hit of hits.values()) {
    const share = hit.weight * (1 + Math.log(hit.count));
    const entry = scores[hit.subject]!;
    entry.score += share;
    entry.evidence.set(hit.surface, share);
  }
  const ranked: Subject[] = [];
  scores.forEach((entry, index) => {
    if (entry.score <= 0) return;
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
