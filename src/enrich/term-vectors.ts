/** TF-IDF vectors of articles: their most distinctive words plus the entities they name. */
import type { Article } from '../content/article.ts';
import { classAt, LATIN1_CLASSES, widthAt, WORD } from '../content/char-classes.ts';
import { minhashSignature } from './find-near-duplicates.ts';

/**
 * Every article's sparse, unit-length vector in compressed rows: vector a's feature ids (ascending)
 * and weights are at starts[a]..starts[a + 1]. Three typed arrays for the archive, not two per
 * article (~100k small buffers at 52k articles, each a malloc and a finaliser for the collector).
 */
export interface TermVectors {
  readonly starts: Int32Array;
  readonly features: Int32Array;
  readonly weights: Float64Array;
  /** One more than the largest feature id: the size of an array indexed by feature. */
  readonly featureRange: number;
}

/**
 * Term counts of every article and what weighs them into vectors, in typed arrays only (so
 * threads can share one copy): weighVectors writes vector a to features and weights at
 * starts[a]..starts[a + 1].
 */
export interface VectorJob {
  /** Chunks of term ids and counts: article a's row is chunks[rowChunk[a]] at rowStart[a]..rowEnd[a]. */
  readonly chunks: ReadonlyArray<{ readonly ids: Int32Array; readonly counts: Int32Array }>;
  readonly rowChunk: Int32Array;
  readonly rowStart: Int32Array;
  readonly rowEnd: Int32Array;
  /** In how many articles each term is (one in all of them is left out). */
  readonly df: Int32Array;
  /** Each term's ln(N / df), boosted for an entity. */
  readonly idf: Float64Array;
  /** The most terms an article has besides those in all articles. */
  readonly longest: number;
  readonly starts: Int32Array;
  readonly features: Int32Array;
  readonly weights: Float64Array;
}

/** Makes typed arrays (zero-filled): this thread's own, or in shared memory for arrays other threads read. */
export interface Allocate {
  int32(length: number): Int32Array;
  float64(length: number): Float64Array;
  uint8(length: number): Uint8Array;
}

/** Arrays of this thread only. */
export const allocateHere: Allocate = {
  int32: (length) => new Int32Array(length),
  float64: (length) => new Float64Array(length),
  uint8: (length) => new Uint8Array(length),
};

/**
 * What one article gives the archive's term table, made where the article is parsed (any thread)
 * so that the relate stage need not read its text again. Plain data, so it crosses threads and
 * sits in the article cache as JSON.
 */
export interface ArticleTerms {
  /** The article's counted words, each once in the order first met, then its entity keys; joined by TERM_SEPARATOR. */
  readonly terms: string;
  /** How often each of those terms occurs (an entity: its mentions), in the same order. */
  readonly counts: readonly number[];
  /** The MinHash signature of its word shingles (see minhashSignature), or null for a text too short to compare. */
  readonly signature: readonly number[] | null;
}

/** Between two terms of ArticleTerms.terms: no word (letters and digits) and no entity slug holds it. */
export const TERM_SEPARATOR = '\n';

/** Features kept per article: its most distinctive terms say what it is about; the long tail is noise and cost. */
const MAX_FEATURES = 60;
/** Words shorter than this are function words in most languages. */
const MIN_WORD_LENGTH = 3;
/** A named person, place or organisation counts as much as this many distinct words: shared names relate news best. */
const ENTITY_BOOST = 2;

/** Entity lists read into term counts, with the letter that keeps each kind's keys apart. */
const ENTITY_KINDS = [
  ['p', 'people'],
  ['o', 'organizations'],
  ['l', 'places'],
] as const;

/**
 * Interns the words of an archive once, so that each article is read in a single pass: its word
 * hashes feed near-copy detection and its counts feed the vectors; nothing per word is kept afterwards.
 */
export class TermTable {
  /** Terms by id, and an open-addressing table over them: hash, length and id + 1 per slot (0 empty). */
  readonly #terms: string[] = [];
  #slots = new Int32Array(3 * 4096);
  readonly #counted: boolean[] = [];
  /** Whether each id (by id) names an entity rather than a word. */
  readonly #entityKey: boolean[] = [];
  /**
   * Every article's term counts in a few large chunks of two lists (term ids in first-seen order,
   * counts), not typed arrays per article; a row never spans two chunks. Chunks are added, never
   * grown: a list grown by doubling would hold its old and new copies at once (~200 MB at 52k).
   */
  readonly #chunks: Array<{ readonly ids: Int32Array; readonly counts: Int32Array }> = [];
  /** The chunk being filled, and where its next row starts. */
  #termIds: Int32Array;
  #termCounts: Int32Array;
  #rowFirst = 0;
  /** Article a's row: chunk, first and end position. */
  readonly #rowChunk: number[] = [];
  readonly #rowStart: number[] = [];
  readonly #rowEnd: number[] = [];
  /** The current article's count per term id, valid where #stamps holds its stamp. */
  #scratch = new Int32Array(1024);
  #stamps = new Int32Array(1024);
  /** The stamp of the article being read: one more per article (termsOf forgets rows, so not the row count). */
  #stamp = 0;
  /** The words of the article last read, as hashes: one buffer for all articles, not one per article (~420 MB at 52k). */
  #words = new Uint32Array(4096);
  /** Memory for the chunks of term counts. */
  readonly #allocate: Allocate;

  /** A table whose term counts are in memory from `allocate`: shared memory lets other threads weigh the vectors (vectorJob). */
  constructor(allocate: Allocate = allocateHere) {
    this.#allocate = allocate;
    this.#termIds = allocate.int32(FIRST_CHUNK);
    this.#termCounts = allocate.int32(FIRST_CHUNK);
  }

  /**
   * Reads one article and records its term counts. Returns its words in order as stable 32-bit
   * hashes (FNV-1a, independent of the order words were met), for near-copy detection: a view of
   * a buffer the next call overwrites.
   */
  add(article: Article): Uint32Array {
    // The words are the runs of letters and digits of the lower-cased text (what /[\p{L}\p{N}]+/gu
    // matches), read in place: a known word is found in the table without making its string.
    const text = `${article.title}\n${article.bodyText}`.toLowerCase();
    if (this.#words.length < (text.length + 1) >> 1) this.#words = new Uint32Array(text.length);
    const words = this.#words;
    let wordCount = 0;
    // This article's term counts in scratch lists indexed by id (no map per article), terms in first-seen order.
    const stamp = ++this.#stamp;
    let end = this.#rowFirst;
    for (let i = 0; i < text.length; ) {
      // The word's hash is made as it is scanned, so its characters are read once before the table.
      let stop = i;
      let hash = FNV_OFFSET;
      while (stop < text.length) {
        const code = text.charCodeAt(stop);
        if (code < 256 ? (LATIN1_CLASSES[code]! & WORD) === 0 : (classAt(text, stop) & WORD) === 0) break;
        hash = Math.imul(hash ^ code, FNV_PRIME);
        if (code < 0xd800 || widthAt(text, stop) === 1) stop += 1;
        else {
          hash = Math.imul(hash ^ text.charCodeAt(stop + 1), FNV_PRIME);
          stop += 2;
        }
      }
      if (stop === i) {
        i += text.charCodeAt(i) < 0xd800 ? 1 : widthAt(text, i);
        continue;
      }
      const id = this.#intern(text, i, stop, hash, true);
      words[wordCount++] = hash >>> 0;
      if (this.#counted[id]) end = this.#count(end, stamp, id, 1);
      i = stop;
    }
    // Entities live in another namespace than words (a control character cannot be in a word).
    for (const [kind, list] of ENTITY_KINDS) {
      for (const e of article[list]) {
        const key = `${ENTITY_PREFIX}${kind}${e.slug}`;
        end = this.#count(end, stamp, this.#intern(key, 0, key.length, fnv(key), false), e.mentions);
      }
    }
    this.#endRow(end);
    return words.subarray(0, wordCount);
  }

  /**
   * Reads one article as another thread's table does for the archive's: its terms, counts and
   * signature, keeping nothing of the article once read (only the words met, so the next article
   * finds them without making their strings).
   */
  termsOf(article: Article): ArticleTerms {
    const words = this.add(article);
    const signature = minhashSignature(words);
    const first = this.#rowStart.pop()!;
    const end = this.#rowEnd.pop()!;
    this.#rowChunk.pop();
    const terms: string[] = [];
    const counts: number[] = [];
    for (let k = first; k < end; k++) {
      terms.push(this.#terms[this.#termIds[k]!]!);
      counts.push(this.#termCounts[k]!);
    }
    // The row is forgotten: the next article's row takes its place (and a chunk no row is in is let go).
    this.#rowFirst = first;
    if (this.#rowChunk.length === 0) this.#chunks.length = 0;
    return { terms: terms.join(TERM_SEPARATOR), counts, signature: signature === null ? null : Array.from(signature) };
  }

  /**
   * Records the term counts of an article read elsewhere (termsOf). Its terms take ids in the order
   * given, which is the order `add` would have met them in, so the vectors come out the same.
   */
  addTerms(read: ArticleTerms): void {
    const text = read.terms;
    const stamp = ++this.#stamp;
    let end = this.#rowFirst;
    let term = 0;
    for (let i = 0; i < text.length; term++) {
      let stop = i;
      let hash = FNV_OFFSET;
      while (stop < text.length) {
        const code = text.charCodeAt(stop);
        if (code === SEPARATOR_CODE) break;
        hash = Math.imul(hash ^ code, FNV_PRIME);
        stop += 1;
      }
      const isWord = text.charCodeAt(i) !== ENTITY_MARK;
      end = this.#count(end, stamp, this.#intern(text, i, stop, hash, isWord), read.counts[term]!);
      i = stop + 1;
    }
    this.#endRow(end);
  }

  /** Ends the current article's row at `end` of the chunk being filled: its counts are written from the scratch list. */
  #endRow(end: number): void {
    const first = this.#rowFirst;
    for (let k = first; k < end; k++) this.#termCounts[k] = this.#scratch[this.#termIds[k]!]!;
    if (this.#chunks.at(-1)?.ids !== this.#termIds) this.#chunks.push({ ids: this.#termIds, counts: this.#termCounts });
    this.#rowChunk.push(this.#chunks.length - 1);
    this.#rowStart.push(first);
    this.#rowEnd.push(end);
    this.#rowFirst = end;
  }

  /** Adds `count` to a term's count for the article stamped `stamp`, listing the term at `end` the first time; returns the new end. */
  #count(end: number, stamp: number, id: number, count: number): number {
    if (this.#scratch.length <= id) {
      const size = Math.max(this.#scratch.length * 2, id + 1);
      this.#scratch = grown(this.#scratch, size);
      this.#stamps = grown(this.#stamps, size);
    }
    if (this.#stamps[id] !== stamp) {
      this.#stamps[id] = stamp;
      this.#scratch[id] = 0;
      if (end === this.#termIds.length) end = this.#nextChunk(end);
      this.#termIds[end++] = id;
    }
    this.#scratch[id]! += count;
    return end;
  }

  /**
   * Starts a chunk when the current one is full at `end`, moving the row being filled to its start
   * (chunks double up to MAX_CHUNK, and hold at least twice that row); returns the row's new end.
   */
  #nextChunk(end: number): number {
    const length = end - this.#rowFirst;
    const size = Math.max(Math.min(this.#termIds.length * 2, MAX_CHUNK), length * 2);
    const ids = this.#allocate.int32(size);
    ids.set(this.#termIds.subarray(this.#rowFirst, end));
    this.#termIds = ids;
    this.#termCounts = this.#allocate.int32(size);
    this.#rowFirst = 0;
    return length;
  }

  /**
   * One vector per article read, in order, in memory from `allocate`. Weights are (1 + ln tf) ·
   * ln(N / df); terms found in all articles (they say nothing) are left out. Terms of one article
   * alone match nothing but still count in its length, so small archives do not look alike for
   * sharing a few words.
   */
  vectors(allocate: Allocate = allocateHere): TermVectors {
    const job = this.vectorJob(allocate);
    weighVectors(job)(0, job.rowChunk.length);
    return vectorsOf(job);
  }

  /**
   * What weighing the vectors reads and where it writes them, in typed arrays (from `allocate`)
   * that threads can share: any thread may then weigh any rows (weighVectors). The terms' document
   * frequencies and the rows' sizes are counted here, once for all rows.
   */
  vectorJob(allocate: Allocate = allocateHere): VectorJob {
    const chunks = this.#chunks;
    const n = this.#rowChunk.length;
    const rowChunk = allocate.int32(n);
    const rowStart = allocate.int32(n);
    const rowEnd = allocate.int32(n);
    rowChunk.set(this.#rowChunk);
    rowStart.set(this.#rowStart);
    rowEnd.set(this.#rowEnd);
    const df = allocate.int32(this.#terms.length);
    for (let a = 0; a < n; a++) {
      const ids = chunks[rowChunk[a]!]!.ids;
      for (let k = rowStart[a]!; k < rowEnd[a]!; k++) df[ids[k]!]! += 1;
    }
    // The rows' sizes first, so the archive's vectors fill three arrays of the exact size.
    let longest = 0;
    const starts = allocate.int32(n + 1);
    for (let a = 0; a < n; a++) {
      const ids = chunks[rowChunk[a]!]!.ids;
      let m = 0;
      for (let k = rowStart[a]!; k < rowEnd[a]!; k++) if (df[ids[k]!] !== n) m += 1;
      longest = Math.max(longest, m);
      starts[a + 1] = starts[a]! + Math.min(m, MAX_FEATURES);
    }
    // Logarithms once per term and per small count, not per (article, term): the same numbers.
    const entityKey = this.#entityKey;
    const idf = allocate.float64(this.#terms.length);
    for (let id = 0; id < idf.length; id++) idf[id] = Math.log(n / df[id]!) * (entityKey[id] ? ENTITY_BOOST : 1);
    const features = allocate.int32(starts[n]!);
    const weights = allocate.float64(starts[n]!);
    return { chunks: chunks.slice(), rowChunk, rowStart, rowEnd, df, idf, longest, starts, features, weights };
  }

  /** The id of the term text[start, end), whose FNV-1a hash is `hash`, interned on first sight. */
  #intern(text: string, start: number, end: number, hash: number, isWord: boolean): number {
    const length = end - start;
    const slots = this.#slots;
    let slot = (hash & (slots.length / 3 - 1)) * 3;
    for (let entry = slots[slot + 2]!; entry !== 0; entry = slots[slot + 2]!) {
      if (slots[slot] === hash && slots[slot + 1] === length && sameText(this.#terms[entry - 1]!, text, start)) return entry - 1;
      slot = slot + 3 === slots.length ? 0 : slot + 3;
    }
    const id = this.#terms.length;
    // A slice of an article's text may keep the whole text alive; a kept term is a copy of its own.
    const term = text.slice(start, end);
    this.#terms.push(length >= 13 ? (JSON.parse(JSON.stringify(term)) as string) : term);
    // Short words are function words; words starting with a digit are figures, not subjects.
    this.#counted.push(!isWord || (length >= MIN_WORD_LENGTH && text.charCodeAt(start) > 57));
    this.#entityKey.push(!isWord);
    slots[slot] = hash;
    slots[slot + 1] = length;
    slots[slot + 2] = id + 1;
    if (this.#terms.length * 2 > slots.length / 3) this.#grow();
    return id;
  }

  /** Doubles the term table, so it stays at most half full. */
  #grow(): void {
    const old = this.#slots;
    const slots = new Int32Array(old.length * 2);
    const size = slots.length / 3;
    for (let o = 0; o < old.length; o += 3) {
      if (old[o + 2] === 0) continue;
      let s = (old[o]! & (size - 1)) * 3;
      while (slots[s + 2] !== 0) s = s + 3 === slots.length ? 0 : s + 3;
      slots[s] = old[o]!;
      slots[s + 1] = old[o + 1]!;
      slots[s + 2] = old[o + 2]!;
    }
    this.#slots = slots;
  }
}

/**
 * Weighs vectors of a VectorJob: each call writes the vectors of rows from..to (exclusive). A
 * vector depends on its row and the job's counts only, so any thread may weigh any rows.
 */
export function weighVectors(job: VectorJob): (from: number, to: number) => void {
  const { chunks, rowChunk, rowStart, rowEnd, df, idf, longest, starts, features, weights } = job;
  const n = rowChunk.length;
  // Scratch lists sized for the longest article, and a weight per term id: no array per term or per article.
  const termIds = new Int32Array(longest);
  const ranked = new Float64Array(longest);
  const ties = new Int32Array(longest);
  const weightOf = new Float64Array(idf.length);
  return (from, to) => {
    for (let a = from; a < to; a++) {
      let m = 0;
      const { ids: chunkIds, counts: chunkCounts } = chunks[rowChunk[a]!]!;
      for (let k = rowStart[a]!; k < rowEnd[a]!; k++) {
        const id = chunkIds[k]!;
        const d = df[id]!;
        if (d === n) continue;
        termIds[m] = id;
        const count = chunkCounts[k]!;
        const weight = (count < TF_TABLE.length ? TF_TABLE[count]! : 1 + Math.log(count)) * idf[id]!;
        weightOf[id] = weight;
        ranked[m++] = weight;
      }
      // The MAX_FEATURES heaviest terms, ties by id: the heaviest weight left out is the cut; terms
      // above it are kept, and as many at it as there is room for, smallest ids first. The cut is
      // selected, not sorted for, and only the kept ids are sorted (native numeric sorts).
      const row = starts[a]!;
      let kept = 0;
      if (m <= MAX_FEATURES) {
        for (let k = 0; k < m; k++) features[row + kept++] = termIds[k]!;
      } else {
        const cut = selectRank(ranked, m, m - MAX_FEATURES);
        let tied = 0;
        for (let k = 0; k < m; k++) {
          const w = weightOf[termIds[k]!]!;
          if (w > cut) features[row + kept++] = termIds[k]!;
          else if (w === cut) ties[tied++] = termIds[k]!;
        }
        if (kept + tied > MAX_FEATURES) ties.subarray(0, tied).sort();
        for (let t = 0; kept < MAX_FEATURES; t++) features[row + kept++] = ties[t]!;
      }
      const ids = features.subarray(row, row + kept).sort();
      let sum = 0;
      for (let k = 0; k < kept; k++) sum += weightOf[ids[k]!]! * weightOf[ids[k]!]!;
      const norm = Math.sqrt(sum) || 1;
      for (let k = 0; k < kept; k++) weights[row + k] = weightOf[ids[k]!]! / norm;
    }
  };
}

/** The vectors a VectorJob's rows were all weighed into. */
export function vectorsOf(job: VectorJob): TermVectors {
  const { starts, features } = job;
  // A vector's features ascend: the range is one more than the largest last feature.
  let featureRange = 0;
  for (let a = 0; a + 1 < starts.length; a++) if (starts[a + 1]! > starts[a]!) featureRange = Math.max(featureRange, features[starts[a + 1]! - 1]! + 1);
  return { starts, features, weights: job.weights, featureRange };
}

/**
 * The value at position `rank` of the first `length` numbers of `values` once sorted ascending,
 * found by quickselect (reorders them): the same number a sort would put there, in linear time.
 */
function selectRank(values: Float64Array, length: number, rank: number): number {
  let low = 0;
  let high = length - 1;
  while (low < high) {
    // Three-way partition around the middle value: runs of equal weights (common) cost one pass.
    const pivot = values[(low + high) >> 1]!;
    let lt = low;
    let gt = high;
    for (let i = low; i <= gt; ) {
      const v = values[i]!;
      if (v < pivot) {
        values[i] = values[lt]!;
        values[lt++] = v;
        i++;
      } else if (v > pivot) {
        values[i] = values[gt]!;
        values[gt--] = v;
      } else i++;
    }
    if (rank < lt) high = lt - 1;
    else if (rank > gt) low = gt + 1;
    else return pivot;
  }
  return values[rank]!;
}

/** A copy of `array` with room for `size` entries. */
function grown(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(size);
  copy.set(array);
  return copy;
}

/** 1 + ln tf for the counts most terms have. */
const TF_TABLE = Float64Array.from({ length: 64 }, (_, count) => 1 + Math.log(count));

/** The FNV-1a hash of a string's UTF-16 code units, as a signed 32-bit number. */
function fnv(text: string): number {
  let hash = FNV_OFFSET;
  for (let k = 0; k < text.length; k++) hash = Math.imul(hash ^ text.charCodeAt(k), FNV_PRIME);
  return hash;
}

/** Whether `text` holds `term` at `start` (their lengths are known to be equal). */
function sameText(term: string, text: string, start: number): boolean {
  for (let k = 0; k < term.length; k++) if (term.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

/** The first character of an entity key: a control character, so no word can be one. */
const ENTITY_PREFIX = '\u0001';
const ENTITY_MARK = ENTITY_PREFIX.charCodeAt(0);
const SEPARATOR_CODE = TERM_SEPARATOR.charCodeAt(0);
/** Entries in the first chunk of term counts (enough for a small archive), and the most any later chunk is given beyond what a row needs. */
const FIRST_CHUNK = 1 << 16;
const MAX_CHUNK = 1 << 20;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
