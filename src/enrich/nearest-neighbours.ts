/** The most similar articles of each article by cosine over TF-IDF vectors, through an inverted index: near-linear. */
import type { TermVector } from './term-vectors.ts';

/** A neighbour: its index and cosine similarity. */
export interface Neighbour {
  readonly index: number;
  readonly similarity: number;
}

/**
 * Features in more vectors than this are skipped when gathering candidates: a common feature would
 * make the search quadratic, and a pair sharing only common features is not worth relating.
 */
export function postingCap(count: number): number {
  return Math.max(64, Math.ceil(2 * Math.sqrt(count)));
}

/**
 * For each vector, up to `k` others with similarity above `minSimilarity`, best first (ties by
 * index). Only vectors marked `active` are searched and returned as neighbours. Deterministic.
 */
export function nearestNeighbours(vectors: readonly TermVector[], k: number, minSimilarity: number, active: (index: number) => boolean = () => true): Neighbour[][] {
  const postings = new Map<number, Array<[number, number]>>();
  vectors.forEach((vector, index) => {
    if (!active(index)) return;
    for (let f = 0; f < vector.features.length; f++) {
      const feature = vector.features[f]!;
      let list = postings.get(feature);
      if (list === undefined) postings.set(feature, (list = []));
      list.push([index, vector.weights[f]!]);
    }
  });
  const cap = postingCap(vectors.length);
  const scores = new Float64Array(vectors.length);
  return vectors.map((vector, index) => {
    if (!active(index)) return [];
    const touched: number[] = [];
    for (let f = 0; f < vector.features.length; f++) {
      const list = postings.get(vector.features[f]!);
      if (list === undefined || list.length > cap) continue;
      const weight = vector.weights[f]!;
      for (const [other, otherWeight] of list) {
        if (other === index) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other]! += weight * otherWeight;
      }
    }
    const found: Neighbour[] = [];
    for (const other of touched) {
      if (scores[other]! >= minSimilarity) found.push({ index: other, similarity: scores[other]! });
      scores[other] = 0;
    }
    return found.sort((a, b) => b.similarity - a.similarity || a.index - b.index).slice(0, k);
  });
}
