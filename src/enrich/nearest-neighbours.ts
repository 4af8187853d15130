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
  return Math.max(64, Math.ceil(Math.sqrt(count)));
}

/** Candidates are gathered through an article's strongest shared features only; the rest still count in the exact score. */
const QUERY_FEATURES = 20;
/** Candidates scored exactly per neighbour wanted. */
const RESCORED_PER_RESULT = 4;

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
  const usable = (feature: number): boolean => {
    const length = postings.get(feature)?.length ?? 0;
    return length >= 2 && length <= cap;
  };
  const scores = new Float64Array(vectors.length);
  return vectors.map((vector, index) => {
    if (!active(index)) return [];
    const touched: number[] = [];
    for (const f of strongest(vector, QUERY_FEATURES, usable)) {
      const weight = vector.weights[f]!;
      for (const [other, otherWeight] of postings.get(vector.features[f]!)!) {
        if (other === index) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other]! += weight * otherWeight;
      }
    }
    // The partial scores pick the candidates; the best of them are scored exactly over all features.
    const wanted = k * RESCORED_PER_RESULT;
    let floor = -Infinity;
    if (touched.length > wanted) {
      const partial = Float64Array.from(touched, (other) => scores[other]!).sort();
      floor = partial[partial.length - wanted]!;
    }
    const candidates = touched.filter((other) => scores[other]! >= floor).sort((a, b) => scores[b]! - scores[a]! || a - b).slice(0, wanted);
    for (const other of touched) scores[other] = 0;
    return candidates
      .map((other) => ({ index: other, similarity: cosine(vector, vectors[other]!) }))
      .filter((n) => n.similarity >= minSimilarity)
      .sort((a, b) => b.similarity - a.similarity || a.index - b.index)
      .slice(0, k);
  });
}

/** Exact cosine of two unit vectors: a merge of their ascending feature lists. */
export function cosine(a: TermVector, b: TermVector): number {
  let dot = 0;
  for (let i = 0, j = 0; i < a.features.length && j < b.features.length; ) {
    const fa = a.features[i]!;
    const fb = b.features[j]!;
    if (fa === fb) dot += a.weights[i++]! * b.weights[j++]!;
    else if (fa < fb) i++;
    else j++;
  }
  return dot;
}

/** Positions of a vector's `count` heaviest usable features (ties by position). */
function strongest(vector: TermVector, count: number, usable: (feature: number) => boolean): number[] {
  const positions: number[] = [];
  for (let f = 0; f < vector.features.length; f++) if (usable(vector.features[f]!)) positions.push(f);
  if (positions.length <= count) return positions;
  return positions.sort((a, b) => vector.weights[b]! - vector.weights[a]! || a - b).slice(0, count);
}
