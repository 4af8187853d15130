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
  // Postings in compressed rows (one typed array of articles and one of weights, sliced by feature):
  // no object per entry, so large archives stay cheap in memory and time.
  let featureCount = 0;
  for (const vector of vectors) for (const feature of vector.features) featureCount = Math.max(featureCount, feature + 1);
  const start = new Int32Array(featureCount + 1);
  vectors.forEach((vector, index) => {
    if (active(index)) for (const feature of vector.features) start[feature + 1]! += 1;
  });
  for (let f = 0; f < featureCount; f++) start[f + 1]! += start[f]!;
  const fill = start.slice(0, featureCount);
  const postingArticle = new Int32Array(start[featureCount]!);
  const postingWeight = new Float64Array(start[featureCount]!);
  vectors.forEach((vector, index) => {
    if (!active(index)) return;
    for (let f = 0; f < vector.features.length; f++) {
      const at = fill[vector.features[f]!]!++;
      postingArticle[at] = index;
      postingWeight[at] = vector.weights[f]!;
    }
  });
  const cap = postingCap(vectors.length);
  const usable = (feature: number): boolean => {
    const length = start[feature + 1]! - start[feature]!;
    return length >= 2 && length <= cap;
  };
  const scores = new Float64Array(vectors.length);
  return vectors.map((vector, index) => {
    if (!active(index)) return [];
    const touched: number[] = [];
    for (const f of strongest(vector, QUERY_FEATURES, usable)) {
      const weight = vector.weights[f]!;
      const feature = vector.features[f]!;
      for (let at = start[feature]!; at < start[feature + 1]!; at++) {
        const other = postingArticle[at]!;
        if (other === index) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other]! += weight * postingWeight[at]!;
      }
    }
    // The partial scores pick the candidates; the best of them are scored exactly over all features.
    const candidates = topByScore(touched, scores, k * RESCORED_PER_RESULT);
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

/** The `count` indexes with the highest scores, best first (ties by index): one pass, no full sort. */
function topByScore(indexes: readonly number[], scores: Float64Array, count: number): number[] {
  const best: number[] = [];
  const before = (a: number, b: number): boolean => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  for (const index of indexes) {
    if (best.length === count && !before(index, best[count - 1]!)) continue;
    let at = best.length;
    while (at > 0 && before(index, best[at - 1]!)) at--;
    best.splice(at, 0, index);
    if (best.length > count) best.pop();
  }
  return best;
}
