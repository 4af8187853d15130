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
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<string, number>();
    signatures.forEach((signature, index) => {
      if (signature === null) return;
      const key = bandKey(signature, band * rows, rows);
      const first = buckets.get(key);
      // Compare with the bucket's first member only: union-find joins the rest transitively.
      if (first === undefined) buckets.set(key, index);
      else if (resemblance(signatures[first]!, signature) >= DUPLICATE_RESEMBLANCE) sets.union(first, index);
    });
  }
  return sets.groups();
}

/** A band's bins as a string key, two UTF-16 code units per 32-bit bin: equal keys for equal bins, no number formatting. */
function bandKey(signature: Uint32Array, from: number, rows: number): string {
  let key = '';
  for (let r = from; r < from + rows; r++) key += String.fromCharCode(signature[r]! >>> 16, signature[r]! & 0xffff);
  return key;
}

function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
