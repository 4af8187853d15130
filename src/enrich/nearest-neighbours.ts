/** The most similar articles of each article by cosine over TF-IDF vectors, through an inverted index: near-linear. */
import { type Allocate, allocateHere, type TermVectors } from './term-vectors.ts';

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
 * What a search for neighbours reads: the vectors and an inverted index over them, typed arrays
 * only, so that threads can share one copy (on SharedArrayBuffers) and each search any of its
 * articles (searchNeighbours).
 */
export interface NeighbourIndex {
  readonly vectors: TermVectors;
  /** Neighbours wanted per article. */
  readonly k: number;
  /** Below this similarity an article is no neighbour. */
  readonly minSimilarity: number;
  /** 1 for the articles searched and found as neighbours, 0 for the others. */
  readonly active: Uint8Array;
  /**
   * The postings of feature f (the active articles that have it, ascending, and their weights) are
   * at postingStarts[f]..postingStarts[f + 1]; only features that gather candidates (`usable`) have any.
   */
  readonly postingStarts: Int32Array;
  readonly postingArticles: Int32Array;
  readonly postingWeights: Float64Array;
  /** 1 for a feature that 2 to postingCap(n) active articles have: only those gather candidates. */
  readonly usable: Uint8Array;
}

/** Every article's neighbours in rows of k: article a's `counts[a]` neighbours, best first, at a * k. */
export interface NeighbourRows {
  readonly counts: Int32Array;
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
  const index = neighbourIndex(vectors, k, minSimilarity, active);
  const rows = neighbourRows(index);
  searchNeighbours(index, rows)(0, vectors.starts.length - 1);
  return compressRows(rows, k);
}

/** The inverted index of `vectors` for a search of `k` neighbours per active article, in memory from `allocate`. */
export function neighbourIndex(vectors: TermVectors, k: number, minSimilarity: number, active: (index: number) => boolean, allocate: Allocate = allocateHere): NeighbourIndex {
  const { starts, features, weights, featureRange } = vectors;
  const n = starts.length - 1;
  const isActive = allocate.uint8(n);
  for (let a = 0; a < n; a++) isActive[a] = active(a) ? 1 : 0;
  // How many active articles have each feature, then which features gather candidates: only
  // theirs are posted (a common feature's list, never read, would be most of the postings).
  const count = new Int32Array(featureRange);
  for (let a = 0; a < n; a++) if (isActive[a]) for (let f = starts[a]!; f < starts[a + 1]!; f++) count[features[f]!]! += 1;
  const cap = postingCap(n);
  const usable = allocate.uint8(featureRange);
  // Postings in compressed rows (one typed array of articles and one of weights, sliced by feature):
  // no object per entry, so large archives stay cheap in memory and time.
  const postingStarts = allocate.int32(featureRange + 1);
  for (let f = 0; f < featureRange; f++) {
    const length = count[f]!;
    usable[f] = length >= 2 && length <= cap ? 1 : 0;
    postingStarts[f + 1] = postingStarts[f]! + (usable[f] ? length : 0);
  }
  const fill = postingStarts.slice(0, featureRange);
  const postingArticles = allocate.int32(postingStarts[featureRange]!);
  const postingWeights = allocate.float64(postingStarts[featureRange]!);
  for (let a = 0; a < n; a++) {
    if (!isActive[a]) continue;
    for (let f = starts[a]!; f < starts[a + 1]!; f++) {
      const feature = features[f]!;
      if (!usable[feature]) continue;
      const at = fill[feature]!++;
      postingArticles[at] = a;
      postingWeights[at] = weights[f]!;
    }
  }
  return { vectors, k, minSimilarity, active: isActive, postingStarts, postingArticles, postingWeights, usable };
}

/** Empty rows for the neighbours of an index's articles, in memory from `allocate`. */
export function neighbourRows(index: NeighbourIndex, allocate: Allocate = allocateHere): NeighbourRows {
  const n = index.active.length;
  return {
    counts: allocate.int32(n),
    indexes: allocate.int32(n * index.k),
    similarities: allocate.float64(n * index.k),
  };
}

/**
 * A search of `index` writing to `rows`: each call fills the rows of the active articles from..to
 * (exclusive). A row depends on its article and the index only, so any thread may fill any rows.
 */
export function searchNeighbours(index: NeighbourIndex, rows: NeighbourRows): (from: number, to: number) => void {
  const { vectors, k, minSimilarity, active, postingStarts, postingArticles, postingWeights, usable } = index;
  const { starts, features, weights, featureRange } = vectors;
  const n = active.length;
  // Per-query scratch, reused: partial scores by article, the articles touched, the query's weights by feature.
  const scores = new Float64Array(n);
  const touched = new Int32Array(n);
  const query = new Float64Array(featureRange);
  const strongest = new Int32Array(QUERY_FEATURES);
  const candidates = new Int32Array(k * RESCORED_PER_RESULT);
  const similarities = new Float64Array(k * RESCORED_PER_RESULT);
  const indexes = new Int32Array(k * RESCORED_PER_RESULT);
  return (from, to) => {
    for (let a = from; a < to; a++) {
      if (!active[a]) continue;
      const first = starts[a]!;
      const end = starts[a + 1]!;
      let touchedCount = 0;
      const queryCount = strongestFeatures(weights, features, first, end, usable, strongest);
      for (let q = 0; q < queryCount; q++) {
        const f = strongest[q]!;
        const weight = weights[f]!;
        const feature = features[f]!;
        for (let at = postingStarts[feature]!; at < postingStarts[feature + 1]!; at++) {
          const other = postingArticles[at]!;
          if (other === a) continue;
          if (scores[other] === 0) touched[touchedCount++] = other;
          scores[other]! += weight * postingWeights[at]!;
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
      const taken = Math.min(kept, k);
      rows.counts[a] = taken;
      for (let r = 0; r < taken; r++) {
        rows.indexes[a * k + r] = indexes[r]!;
        rows.similarities[a * k + r] = similarities[r]!;
      }
    }
  };
}

/** Rows of k as compressed rows (the rows of inactive articles are empty). */
export function compressRows(rows: NeighbourRows, k: number): Neighbours {
  const n = rows.counts.length;
  const starts = new Int32Array(n + 1);
  for (let a = 0; a < n; a++) starts[a + 1] = starts[a]! + rows.counts[a]!;
  const indexes = new Int32Array(starts[n]!);
  const similarities = new Float64Array(starts[n]!);
  for (let a = 0; a < n; a++) {
    const count = rows.counts[a]!;
    indexes.set(rows.indexes.subarray(a * k, a * k + count), starts[a]!);
    similarities.set(rows.similarities.subarray(a * k, a * k + count), starts[a]!);
  }
  return { starts, indexes, similarities };
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
