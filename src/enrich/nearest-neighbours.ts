/** The most similar articles of each article by cosine over TF-IDF vectors, through an inverted index: near-linear. */
import type { TermVectors } from './term-vectors.ts';

/**
 * Every article's neighbours in compressed rows: article a's neighbour indexes and cosine
 * similarities, best first (ties by index), are at starts[a]..starts[a + 1].
 */
export interface Neighbours {
  readonly starts: Int32Array;
  readonly indexes: Int32Array;
  readonly similarities: Float64Array;
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
export function nearestNeighbours(vectors: TermVectors, k: number, minSimilarity: number, active: (index: number) => boolean = () => true): Neighbours {
  const { starts, features, weights, featureRange } = vectors;
  const n = starts.length - 1;
  const isActive = new Uint8Array(n);
  for (let a = 0; a < n; a++) isActive[a] = active(a) ? 1 : 0;
  // Postings in compressed rows (one typed array of articles and one of weights, sliced by feature):
  // no object per entry, so large archives stay cheap in memory and time.
  const start = new Int32Array(featureRange + 1);
  for (let a = 0; a < n; a++) if (isActive[a]) for (let f = starts[a]!; f < starts[a + 1]!; f++) start[features[f]! + 1]! += 1;
  for (let f = 0; f < featureRange; f++) start[f + 1]! += start[f]!;
  const fill = start.slice(0, featureRange);
  const postingArticle = new Int32Array(start[featureRange]!);
  const postingWeight = new Float64Array(start[featureRange]!);
  for (let a = 0; a < n; a++) {
    if (!isActive[a]) continue;
    for (let f = starts[a]!; f < starts[a + 1]!; f++) {
      const at = fill[features[f]!]!++;
      postingArticle[at] = a;
      postingWeight[at] = weights[f]!;
    }
  }
  // A feature gathers candidates when 2 to `cap` articles have it: one byte per feature, read per query feature.
  const cap = postingCap(n);
  const usable = new Uint8Array(featureRange);
  for (let f = 0; f < featureRange; f++) {
    const length = start[f + 1]! - start[f]!;
    usable[f] = length >= 2 && length <= cap ? 1 : 0;
  }
  // Per-query scratch, reused: partial scores by article, the articles touched, the query's weights by feature.
  const scores = new Float64Array(n);
  const touched = new Int32Array(n);
  const query = new Float64Array(featureRange);
  const strongest = new Int32Array(QUERY_FEATURES);
  const candidates = new Int32Array(k * RESCORED_PER_RESULT);
  const similarities = new Float64Array(k * RESCORED_PER_RESULT);
  const indexes = new Int32Array(k * RESCORED_PER_RESULT);
  const rowStarts = new Int32Array(n + 1);
  const found = { indexes: new Int32Array(n * k), similarities: new Float64Array(n * k) };
  for (let index = 0; index < n; index++) {
    rowStarts[index + 1] = rowStarts[index]!;
    if (!isActive[index]) continue;
    const first = starts[index]!;
    const end = starts[index + 1]!;
    let touchedCount = 0;
    const queryCount = strongestFeatures(weights, features, first, end, usable, strongest);
    for (let q = 0; q < queryCount; q++) {
      const f = strongest[q]!;
      const weight = weights[f]!;
      const feature = features[f]!;
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
    for (let f = first; f < end; f++) query[features[f]!] = weights[f]!;
    // Exact scores, kept when high enough, ranked best first (ties by index) by insertion: a few dozen at most.
    let kept = 0;
    for (let c = 0; c < count; c++) {
      const other = candidates[c]!;
      // The exact cosine of two unit vectors, the query spread by feature (0 where it has none): one
      // read per feature of `other` instead of a merge of two lists (or a test per feature: a branch
      // mispredicted about as often as taken costs more than the read). Summed in ascending feature
      // order, so the cosine of a pair is the same number to the last bit whichever side asks.
      let similarity = 0;
      for (let j = starts[other]!; j < starts[other + 1]!; j++) similarity += query[features[j]!]! * weights[j]!;
      if (similarity < minSimilarity) continue;
      let at = kept++;
      for (; at > 0 && ranksBefore(similarity, other, similarities[at - 1]!, indexes[at - 1]!); at--) {
        similarities[at] = similarities[at - 1]!;
        indexes[at] = indexes[at - 1]!;
      }
      similarities[at] = similarity;
      indexes[at] = other;
    }
    for (let f = first; f < end; f++) query[features[f]!] = 0;
    const row = rowStarts[index]!;
    const taken = Math.min(kept, k);
    for (let r = 0; r < taken; r++) {
      found.indexes[row + r] = indexes[r]!;
      found.similarities[row + r] = similarities[r]!;
    }
    rowStarts[index + 1] = row + taken;
  }
  const total = rowStarts[n]!;
  return { starts: rowStarts, indexes: found.indexes.slice(0, total), similarities: found.similarities.slice(0, total) };
}

/**
 * Writes to `best` the positions (in first..end) of a vector's heaviest usable features, at most
 * best.length, and returns how many. With room for all, they stay in position order; otherwise
 * they are the heaviest, heaviest first (ties by position), kept sorted by insertion.
 */
function strongestFeatures(weights: Float64Array, features: Int32Array, first: number, end: number, usable: Uint8Array, best: Int32Array): number {
  let usableCount = 0;
  for (let f = first; f < end; f++) if (usable[features[f]!]) usableCount += 1;
  let size = 0;
  if (usableCount <= best.length) {
    for (let f = first; f < end; f++) if (usable[features[f]!]) best[size++] = f;
    return size;
  }
  for (let f = first; f < end; f++) {
    if (!usable[features[f]!]) continue;
    const weight = weights[f]!;
    // Positions ascend, so a later one ranks before another only by a strictly heavier weight.
    if (size === best.length && !(weight > weights[best[size - 1]!]!)) continue;
    let at = size < best.length ? size++ : size - 1;
    for (; at > 0 && weight > weights[best[at - 1]!]!; at--) best[at] = best[at - 1]!;
    best[at] = f;
  }
  return size;
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
