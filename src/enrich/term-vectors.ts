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

/** An article's terms and their counts as they are stored and sent between threads: JSON of `[terms, counts]`. */
export type TermsJson = string;

/** An article's terms as stored (see TermsJson). */
export function termsJson({ terms, counts }: Pick<ArticleTerms, 'terms' | 'counts'>): TermsJson {
  return JSON.stringify([terms, counts]);
}

/** The terms and counts a TermsJson holds. */
export function parseTermsJson(json: TermsJson): Pick<ArticleTerms, 'terms' | 'counts'> {
  const [terms, counts] = JSON.parse(json) as [string, number[]];
  return { terms, counts };
}

/**
 * Between two terms of ArticleTerms.terms: no word (letters and digits) and no entity slug holds it.
 * Like ENTITY_PREFIX, a character JSON does not escape: the terms are most of what a rebuild reads
 * back from the article cache, and V8 parses a JSON string without escapes at copying speed (a 25x
 * rebuild's terms parsed in 0.31 s instead of 0.52 with a newline and a control character).
 */
export const TERM_SEPARATOR = ' ';

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
 * Interns the terms of an archive once, from each article's terms counted apart (readArticle or
 * articleTerms): its word hashes feed near-copy detection and its counts feed the vectors.
 */
export class TermTable {
  /** Terms by id, and an open-addressing table over them: hash, length and id + 1 per slot (0 empty). */
  #terms: string[] = [];
  #slots = new Int32Array(3 * 4096);
  /** Whether each id (by id) names an entity rather than a word. */
  #entityKey: boolean[] = [];
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
  #rowChunk: number[] = [];
  #rowStart: number[] = [];
  #rowEnd: number[] = [];
  /** Whether reorder() renumbered the terms: the look-up table is stale, so no more rows. */
  #reordered = false;
  /**
   * The current article's count per term id, at 2·id + 1, valid where 2·id holds its stamp: side by
   * side, so a word's look-up touches one cache line, not two arrays' (the tables outgrow the cache).
   */
  #scratch = new Int32Array(2 * 1024);
  /** The stamp of the article being recorded: one more per article. */
  #stamp = 0;
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
    const read = readArticle(article);
    this.addTerms(read);
    return read.words;
  }

  /**
   * Records the term counts of an article read elsewhere (articleTerms). Its terms take ids in the order
   * given, which is the order `add` would have met them in, so the vectors come out the same.
   */
  addTerms(read: { readonly terms: string; readonly counts: ArrayLike<number> }): void {
    if (this.#reordered) throw new Error('TermTable: no rows can be added after reorder()');
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

  /**
   * Keeps the rows `order` names (by the order they were added in), in that order, and numbers the
   * terms afresh in the order first met over them: the table that adding those articles alone, in
   * that order, would have made, so the vectors come out the same. Lets a thread count articles as
   * they come, in any order, before the archive's order is known. The table takes no rows after.
   */
  reorder(order: ArrayLike<number>): void {
    const rows = this.#rowChunk.length;
    const seen = new Uint8Array(rows);
    const renumbered = new Int32Array(this.#terms.length).fill(-1);
    const terms: string[] = [];
    const entityKey: boolean[] = [];
    const rowChunk: number[] = [];
    const rowStart: number[] = [];
    const rowEnd: number[] = [];
    // Checked before any row is renumbered, so a refused order leaves the table as it was.
    for (let r = 0; r < order.length; r++) {
      const row = order[r]!;
      // A row taken twice would be renumbered twice.
      if (!(Number.isInteger(row) && row >= 0 && row < rows) || seen[row] === 1) throw new RangeError(`TermTable.reorder: row ${row} is not a row of the table, or is named twice`);
      seen[row] = 1;
    }
    for (let r = 0; r < order.length; r++) {
      const row = order[r]!;
      const ids = this.#chunks[this.#rowChunk[row]!]!.ids;
      for (let k = this.#rowStart[row]!; k < this.#rowEnd[row]!; k++) {
        const old = ids[k]!;
        let id = renumbered[old]!;
        if (id === -1) {
          id = renumbered[old] = terms.length;
          terms.push(this.#terms[old]!);
          entityKey.push(this.#entityKey[old]!);
        }
        ids[k] = id;
      }
      rowChunk.push(this.#rowChunk[row]!);
      rowStart.push(this.#rowStart[row]!);
      rowEnd.push(this.#rowEnd[row]!);
    }
    this.#terms = terms;
    this.#entityKey = entityKey;
    this.#rowChunk = rowChunk;
    this.#rowStart = rowStart;
    this.#rowEnd = rowEnd;
    // The look-up table still holds the old numbers.
    this.#reordered = true;
  }

  /** Ends the current article's row at `end` of the chunk being filled: its counts are written from the scratch list. */
  #endRow(end: number): void {
    const first = this.#rowFirst;
    for (let k = first; k < end; k++) this.#termCounts[k] = this.#scratch[2 * this.#termIds[k]! + 1]!;
    if (this.#chunks.at(-1)?.ids !== this.#termIds) this.#chunks.push({ ids: this.#termIds, counts: this.#termCounts });
    this.#rowChunk.push(this.#chunks.length - 1);
    this.#rowStart.push(first);
    this.#rowEnd.push(end);
    this.#rowFirst = end;
  }

  /** Adds `count` to a term's count for the article stamped `stamp`, listing the term at `end` the first time; returns the new end. */
  #count(end: number, stamp: number, id: number, count: number): number {
    if (this.#scratch.length <= 2 * id) this.#scratch = grown(this.#scratch, Math.max(this.#scratch.length * 2, 2 * id + 2));
    const scratch = this.#scratch;
    if (scratch[2 * id] !== stamp) {
      scratch[2 * id] = stamp;
      scratch[2 * id + 1] = 0;
      if (end === this.#termIds.length) end = this.#nextChunk(end);
      this.#termIds[end++] = id;
    }
    scratch[2 * id + 1]! += count;
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
      if (slots[slot] === hash && slots[slot + 1] === length && sameUnits(this.#terms[entry - 1]!, 0, text, start, length)) return entry - 1;
      slot = slot + 3 === slots.length ? 0 : slot + 3;
    }
    const id = this.#terms.length;
    // A slice of an article's text may keep the whole text alive; a kept term is a copy of its own.
    const term = text.slice(start, end);
    this.#terms.push(length >= 13 ? (JSON.parse(JSON.stringify(term)) as string) : term);
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

/**
 * One article's relate terms, counts and signature, read where it is parsed. Nothing of the archive
 * is needed: the article's words are counted in a table of its own, small enough to stay in the
 * processor's cache, which a table of the archive's words is not.
 */
export function articleTerms(article: Article): ArticleTerms {
  const { terms, counts, words } = readArticle(article);
  const signature = minhashSignature(words);
  return { terms, counts, signature: signature === null ? null : Array.from(signature) };
}

/**
 * Lets go of readArticle's scratch, once a thread's parsing is done: it grows with the longest
 * text read (4 bytes a character for the word hashes), and would otherwise live as long as the process.
 */
export function releaseArticleReading(): void {
  wordHashes = new Uint32Array(FIRST_READ);
  wordSlots = new Int32Array(3 * FIRST_READ_SLOTS);
  wordHash = new Int32Array(FIRST_READ_WORDS);
  wordStart = new Int32Array(FIRST_READ_WORDS);
  wordEnd = new Int32Array(FIRST_READ_WORDS);
  wordCount = new Int32Array(FIRST_READ_WORDS);
}

/** One article's terms and counts (as ArticleTerms has them) and its words as hashes (see TermTable.add). */
interface ReadArticle {
  readonly terms: string;
  readonly counts: number[];
  /** A view of a buffer the next read overwrites. */
  readonly words: Uint32Array;
}

/** The first sizes of readArticle's scratch: word hashes, slots of its table of words, and words. */
const FIRST_READ = 4096;
const FIRST_READ_SLOTS = 1024;
const FIRST_READ_WORDS = 512;

/**
 * The scratch of readArticle, one per thread and reused by every article: word hashes; an
 * open-addressing table of the article's counted words (stamp, hash, order + 1 per slot; a slot of
 * another stamp is empty, so nothing is cleared between articles); and by order, each word's hash,
 * where it was first met and how often.
 */
let wordHashes = new Uint32Array(FIRST_READ);
let wordSlots = new Int32Array(3 * FIRST_READ_SLOTS);
let wordHash = new Int32Array(FIRST_READ_WORDS);
let wordStart = new Int32Array(FIRST_READ_WORDS);
let wordEnd = new Int32Array(FIRST_READ_WORDS);
let wordCount = new Int32Array(FIRST_READ_WORDS);
let readStamp = 0;

/**
 * Reads an article's words: the runs of letters, marks and digits of its lower-cased title and
 * text (what /[\p{L}\p{M}\p{N}]+/gu matches), read in place. Counted words (see MIN_WORD_LENGTH) are listed once
 * each in the order first met, then the entity keys; every word's hash goes to the words.
 */
function readArticle(article: Article): ReadArticle {
  const text = `${article.title}\n${article.bodyText}`.toLowerCase();
  if (wordHashes.length < (text.length + 1) >> 1) wordHashes = new Uint32Array(text.length);
  const words = wordHashes;
  const stamp = ++readStamp;
  let found = 0;
  let distinct = 0;
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
    words[found++] = hash >>> 0;
    // Short words are function words; words starting with a digit are figures, not subjects.
    if (stop - i >= MIN_WORD_LENGTH && text.charCodeAt(i) > 57) {
      const slots = wordSlots;
      const mask = slots.length / 3 - 1;
      let slot = (hash & mask) * 3;
      let order = -1;
      for (; slots[slot] === stamp; slot = slot + 3 === slots.length ? 0 : slot + 3) {
        const o = slots[slot + 2]! - 1;
        if (slots[slot + 1] === hash && wordEnd[o]! - wordStart[o]! === stop - i && sameUnits(text, wordStart[o]!, text, i, stop - i)) {
          order = o;
          break;
        }
      }
      if (order >= 0) wordCount[order]! += 1;
      else {
        if (distinct === wordStart.length) {
          wordHash = grown(wordHash, distinct * 2);
          wordStart = grown(wordStart, distinct * 2);
          wordEnd = grown(wordEnd, distinct * 2);
          wordCount = grown(wordCount, distinct * 2);
        }
        wordHash[distinct] = hash;
        wordStart[distinct] = i;
        wordEnd[distinct] = stop;
        wordCount[distinct] = 1;
        slots[slot] = stamp;
        slots[slot + 1] = hash;
        slots[slot + 2] = ++distinct;
        if (distinct * 2 > slots.length / 3) growWordSlots(distinct, stamp);
      }
    }
    i = stop;
  }
  const terms: string[] = [];
  const counts: number[] = [];
  for (let o = 0; o < distinct; o++) {
    terms.push(text.slice(wordStart[o]!, wordEnd[o]!));
    counts.push(wordCount[o]!);
  }
  // Entities live in another namespace than words (ENTITY_PREFIX cannot be in a word); a key
  // met twice (two declared names with one slug) is one term, as a word met twice is.
  const firstEntity = terms.length;
  for (const [kind, list] of ENTITY_KINDS) {
    for (const e of article[list]) {
      const key = `${ENTITY_PREFIX}${kind}${e.slug}`;
      const known = terms.indexOf(key, firstEntity);
      if (known >= 0) counts[known]! += e.mentions;
      else {
        terms.push(key);
        counts.push(e.mentions);
      }
    }
  }
  return { terms: terms.join(TERM_SEPARATOR), counts, words: words.subarray(0, found) };
}

/** Doubles readArticle's table of words, so it stays at most half full; its `distinct` words (stamped `stamp`) move over. */
function growWordSlots(distinct: number, stamp: number): void {
  const slots = new Int32Array(wordSlots.length * 2);
  const mask = slots.length / 3 - 1;
  for (let o = 0; o < distinct; o++) {
    let slot = (wordHash[o]! & mask) * 3;
    while (slots[slot] === stamp) slot = slot + 3 === slots.length ? 0 : slot + 3;
    slots[slot] = stamp;
    slots[slot + 1] = wordHash[o]!;
    slots[slot + 2] = o + 1;
  }
  wordSlots = slots;
}

/** A copy of `array` with room for `size` entries. */
function grown(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(size);
  copy.set(array);
  return copy;
}

/** 1 + ln tf for the counts most terms have. */
const TF_TABLE = Float64Array.from({ length: 64 }, (_, count) => 1 + Math.log(count));

/** Whether `a` from `aStart` and `b` from `bStart` hold the same `length` UTF-16 units. */
function sameUnits(a: string, aStart: number, b: string, bStart: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (a.charCodeAt(aStart + k) !== b.charCodeAt(bStart + k)) return false;
  return true;
}

/** The first character of an entity key: no word (letters and digits) starts with it. */
export const ENTITY_PREFIX = '#';
const ENTITY_MARK = ENTITY_PREFIX.charCodeAt(0);
const SEPARATOR_CODE = TERM_SEPARATOR.charCodeAt(0);
/** Entries in the first chunk of term counts (enough for a small archive), and the most any later chunk is given beyond what a row needs. */
const FIRST_CHUNK = 1 << 16;
const MAX_CHUNK = 1 << 20;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
