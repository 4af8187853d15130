/** Near-duplicate detection (copies of one wire story) by MinHash over word shingles, bucketed by LSH: linear, no all-pairs. */
import { DisjointSets } from './disjoint-sets.ts';

/** Words per shingle: long enough that shared phrases of ordinary language rarely match. */
const SHINGLE_WORDS = 5;
/** MinHash bins (one-permutation hashing: one hash per shingle, its top bits pick the bin). */
const BINS = 32;
const BIN_BITS = 5;
/** LSH bands of BINS / BANDS bins each: pairs above ~0.7 similarity share a band with high probability. */
const BANDS = 8;
/** Estimated resemblance (share of equal bins) above which two texts are copies of one story. */
export const DUPLICATE_RESEMBLANCE = 0.75;
/** Texts shorter than this many words are too short to call copies. */
const MIN_WORDS = 30;

/**
 * A MinHash signature of a text's word shingles, or null for texts too short to compare. `words`
 * are the text's words in order as stable 32-bit hashes (TermTable.add gives them).
 */
export function minhashSignature(words: Uint32Array): Uint32Array | null {
  if (words.length < MIN_WORDS) return null;
  const bins = new Uint32Array(BINS).fill(0xffffffff);
  const filled = new Uint8Array(BINS);
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    let h = 0x811c9dc5;
    for (let k = 0; k < SHINGLE_WORDS; k++) h = Math.imul(h ^ words[i + k]!, 0x01000193);
    h = fmix32(h);
    const bin = h >>> (32 - BIN_BITS);
    const value = h & ((1 << (32 - BIN_BITS)) - 1);
    if (value < bins[bin]!) bins[bin] = value;
    filled[bin] = 1;
  }
  // Empty bins borrow the next filled bin's value, salted by distance, so short texts still compare fairly.
  for (let b = 0; b < BINS; b++) {
    if (filled[b]) continue;
    for (let d = 1; d < BINS; d++) {
      const from = (b + d) % BINS;
      if (filled[from]) {
        bins[b] = (bins[from]! ^ Math.imul(d, 0x9e3779b1)) >>> 0;
        break;
      }
    }
  }
  return bins;
}

/** Estimated resemblance of two signatures: the share of equal bins. */
export function resemblance(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < BINS; i++) if (a[i] === b[i]) same++;
  return same / BINS;
}

/** Groups of indexes whose signatures say their texts are near-copies of each other; each group ascending. */
export function findNearDuplicates(signatures: ReadonlyArray<Uint32Array | null>): number[][] {
  const sets = new DisjointSets(signatures.length);
  const rows = BINS / BANDS;
  // Buckets in an open-addressing table of index + 1 (0 empty), at most half full, keyed by the
  // band's bins themselves: no string key per article and band.
  let size = 1024;
  while (size < signatures.length * 2) size *= 2;
  const buckets = new Int32Array(size);
  for (let band = 0; band < BANDS; band++) {
    const from = band * rows;
    buckets.fill(0);
    for (let index = 0; index < signatures.length; index++) {
      const signature = signatures[index];
      if (signature == null) continue;
      let hash = 0;
      for (let r = from; r < from + rows; r++) hash = Math.imul(hash ^ signature[r]!, 0x9e3779b1) ^ (hash >>> 15);
      let slot = hash & (size - 1);
      while (buckets[slot] !== 0 && !sameBand(signatures[buckets[slot]! - 1]!, signature, from, rows)) slot = (slot + 1) & (size - 1);
      const first = buckets[slot]! - 1;
      // Compare with the bucket's first member only: union-find joins the rest transitively.
      if (first === -1) buckets[slot] = index + 1;
      else if (resemblance(signatures[first]!, signature) >= DUPLICATE_RESEMBLANCE) sets.union(first, index);
    }
  }
  return sets.groups();
}

/** Whether two signatures hold the same bins in one band. */
function sameBand(a: Uint32Array, b: Uint32Array, from: number, rows: number): boolean {
  for (let r = from; r < from + rows; r++) if (a[r] !== b[r]) return false;
  return true;
}

function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
