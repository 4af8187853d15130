/** TF-IDF vectors of articles: their most distinctive words plus the entities they name. */
import type { Article } from '../content/article.ts';

/** A sparse, unit-length vector: feature ids ascending, with their weights. */
export interface TermVector {
  readonly features: Int32Array;
  readonly weights: Float64Array;
}

/** Features kept per article: its most distinctive terms say what it is about; the long tail is noise and cost. */
const MAX_FEATURES = 60;
/** Words shorter than this are function words in most languages. */
const MIN_WORD_LENGTH = 3;
/** A named person, place or organisation counts as much as this many distinct words: shared names relate news best. */
const ENTITY_BOOST = 2;

/**
 * One vector per article, in order. Weights are (1 + ln tf) · ln(N / df); terms found in all
 * articles (they say nothing) are left out. Pure.
 */
export function termVectors(articles: readonly Article[], words: ReadonlyArray<readonly string[]> = articles.map(articleWords)): TermVector[] {
  const ids = new Map<string, number>();
  const idOf = (term: string): number => {
    let id = ids.get(term);
    if (id === undefined) ids.set(term, (id = ids.size));
    return id;
  };
  const counts = articles.map((article, index) => {
    const tf = new Map<number, number>();
    for (const word of words[index]!) {
      // Short words are function words; words starting with a digit are figures, not subjects.
      if (word.length < MIN_WORD_LENGTH || word.charCodeAt(0) <= 57) continue;
      const id = idOf(word);
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    // Entities live in another namespace than words (a control character cannot be in a word).
    const entityFeatures: Array<[string, number]> = [
      ...article.people.map((e): [string, number] => [`\u0001p${e.slug}`, e.mentions]),
      ...article.organizations.map((e): [string, number] => [`\u0001o${e.slug}`, e.mentions]),
      ...article.places.map((e): [string, number] => [`\u0001l${e.slug}`, e.mentions]),
    ];
    const entities = new Set<number>();
    for (const [key, mentions] of entityFeatures) {
      const id = idOf(key);
      tf.set(id, (tf.get(id) ?? 0) + mentions);
      entities.add(id);
    }
    return { tf, entities };
  });
  const df = new Int32Array(ids.size);
  for (const { tf } of counts) for (const id of tf.keys()) df[id]! += 1;
  const n = articles.length;
  return counts.map(({ tf, entities }) => {
    const weighted: Array<[number, number]> = [];
    for (const [id, count] of tf) {
      const d = df[id]!;
      // Terms of this article alone match nothing but still count in its length, so that small
      // archives do not look alike only because they share few words.
      if (d === n) continue;
      const weight = (1 + Math.log(count)) * Math.log(n / d) * (entities.has(id) ? ENTITY_BOOST : 1);
      weighted.push([id, weight]);
    }
    weighted.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const kept = weighted.slice(0, MAX_FEATURES).sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(kept.reduce((s, [, w]) => s + w * w, 0)) || 1;
    return { features: Int32Array.from(kept, ([id]) => id), weights: Float64Array.from(kept, ([, w]) => w / norm) };
  });
}

/** An article's title and body as lower-case words, in order: what term vectors and near-copy detection read. */
export function articleWords(article: Article): string[] {
  return `${article.title}\n${article.bodyText}`.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
