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
  // Per-query scratch, reused: partial scores by article, the articles touched, the query's weights by feature.
  const scores = new Float64Array(vectors.length);
  const touched = new Int32Array(vectors.length);
  const query = new Float64Array(featureCount);
  const candidates = new Int32Array(k * RESCORED_PER_RESULT);
  const similarities = new Float64Array(k * RESCORED_PER_RESULT);
  const indexes = new Int32Array(k * RESCORED_PER_RESULT);
  return vectors.map((vector, index) => {
    if (!active(index)) return [];
    let touchedCount = 0;
    for (const f of strongest(vector, QUERY_FEATURES, usable)) {
      const weight = vector.weights[f]!;
      const feature = vector.features[f]!;
      for (let at = start[feature]!; at < start[feature + 1]!; at++) {
        const other = postingArticle[at]!;
        if (other === index) continue;
        if (scores[other] === 0) touched[touchedCount++] = other;
        scores[other]! += weight * postingWeight[at]!;
      }
    }
    // The partial scores pick the candidates; the best of them are scored exactly over all features.
    const count = topByScore(touched, touchedCount, scores, candidates);
    for (let t = 0; t < touchedCount; t++) scores[touched[t]!] = 0;
    for (let f = 0; f < vector.features.length; f++) query[vector.features[f]!] = vector.weights[f]!;
    // Exact scores, kept when high enough, ranked best first (ties by index) by insertion: a few dozen at most.
    let found = 0;
    for (let c = 0; c < count; c++) {
      const other = candidates[c]!;
      const similarity = dotWith(query, vectors[other]!);
      if (similarity < minSimilarity) continue;
      let at = found++;
      for (; at > 0 && ranksBefore(similarity, other, similarities[at - 1]!, indexes[at - 1]!); at--) {
        similarities[at] = similarities[at - 1]!;
        indexes[at] = indexes[at - 1]!;
      }
      similarities[at] = similarity;
      indexes[at] = other;
    }
    for (let f = 0; f < vector.features.length; f++) query[vector.features[f]!] = 0;
    const best: Neighbour[] = [];
    for (let r = 0; r < Math.min(found, k); r++) best.push({ index: indexes[r]!, similarity: similarities[r]! });
    return best;
  });
}

/**
 * The exact cosine of two unit vectors, the query spread by feature in `query` (0 where it has
 * none): one read per feature of `other` instead of a merge of two lists. The same products added in the same (ascending
 * feature) order, plus exact zeros, so the same number to the last bit.
 */
function dotWith(query: Float64Array, other: TermVector): number {
  let dot = 0;
  for (let j = 0; j < other.features.length; j++) dot += query[other.features[j]!]! * other.weights[j]!;
  return dot;
}

/** Positions of a vector's `count` heaviest usable features (ties by position). */
function strongest(vector: TermVector, count: number, usable: (feature: number) => boolean): number[] {
  const positions: number[] = [];
  for (let f = 0; f < vector.features.length; f++) if (usable(vector.features[f]!)) positions.push(f);
  if (positions.length <= count) return positions;
  return positions.sort((a, b) => vector.weights[b]! - vector.weights[a]! || a - b).slice(0, count);
}

/**
 * Fills `best` with the first `length` indexes' top `best.length` by score (ties by lower index), in
 * no particular order, and returns how many it holds: a heap with the weakest at its root, so a
 * better index costs a few swaps, not a shift of the whole list.
 */
function topByScore(indexes: Int32Array, length: number, scores: Float64Array, best: Int32Array): number {
  let size = 0;
  for (let t = 0; t < length; t++) {
    const index = indexes[t]!;
    const score = scores[index]!;
    if (size < best.length) {
      // Sift up: the new entry rises while it is weaker than its parent.
      let at = size++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!ranksBefore(scores[best[parent]!]!, best[parent]!, score, index)) break;
        best[at] = best[parent]!;
        at = parent;
      }
      best[at] = index;
    } else if (ranksBefore(score, index, scores[best[0]!]!, best[0]!)) {
      // Replaces the weakest, then sifts down past any weaker child.
      let at = 0;
      for (;;) {
        let child = 2 * at + 1;
        if (child >= size) break;
        if (child + 1 < size && ranksBefore(scores[best[child]!]!, best[child]!, scores[best[child + 1]!]!, best[child + 1]!)) child += 1;
        if (!ranksBefore(score, index, scores[best[child]!]!, best[child]!)) break;
        best[at] = best[child]!;
        at = child;
      }
      best[at] = index;
    }
  }
  return size;
}

/** Whether index a (scored sa) ranks before index b (scored sb): higher score, then lower index. */
function ranksBefore(sa: number, a: number, sb: number, b: number): boolean {
  return sa > sb || (sa === sb && a < b);
}
