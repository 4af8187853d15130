/** TF-IDF vectors of articles: their most distinctive words plus the entities they name. */
import type { Article } from '../content/article.ts';

/** A sparse, unit-length vector: feature ids ascending, with their weights. */
export interface TermVector {
  readonly features: Int32Array;
  readonly weights: Float64Array;
}

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

/** An article's term counts: feature ids with counts, and which of them are entities. */
interface TermCounts {
  readonly ids: Int32Array;
  readonly counts: Int32Array;
  readonly entity: Uint8Array;
}

/**
 * Interns the words of an archive once, so that each article is read in a single pass: its word ids
 * feed near-copy detection and its counts feed the vectors; nothing per word is kept afterwards.
 */
export class TermTable {
  readonly #ids = new Map<string, number>();
  readonly #counted: boolean[] = [];
  readonly #counts: TermCounts[] = [];
  /** Whether each id (by id) names an entity rather than a word. */
  readonly #entityKey: boolean[] = [];
  /** The current article's count per term id, valid where #stamps holds its stamp. */
  #scratch = new Int32Array(1024);
  #stamps = new Int32Array(1024);
  /** A stable 32-bit hash of each interned word (by id), independent of the order words were met. */
  readonly hashes: number[] = [];

  /** Reads one article: returns its words as ids, in order, and records its term counts. */
  add(article: Article): Int32Array {
    const words = `${article.title}\n${article.bodyText}`.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const ids = new Int32Array(words.length);
    // This article's term counts in scratch lists indexed by id (no map per article), terms in first-seen order.
    const stamp = this.#counts.length + 1;
    const touched: number[] = [];
    for (let i = 0; i < words.length; i++) {
      const id = this.#intern(words[i]!, true);
      ids[i] = id;
      if (this.#counted[id]) this.#count(touched, stamp, id, 1);
    }
    // Entities live in another namespace than words (a control character cannot be in a word).
    for (const [kind, list] of ENTITY_KINDS) for (const e of article[list]) this.#count(touched, stamp, this.#intern(`\u0001${kind}${e.slug}`, false), e.mentions);
    const counts = new Int32Array(touched.length);
    const entity = new Uint8Array(touched.length);
    for (let k = 0; k < touched.length; k++) {
      counts[k] = this.#scratch[touched[k]!]!;
      entity[k] = this.#entityKey[touched[k]!]! ? 1 : 0;
    }
    this.#counts.push({ ids: Int32Array.from(touched), counts, entity });
    return ids;
  }

  /** Adds `count` to a term's count for the article stamped `stamp`, noting the term the first time. */
  #count(touched: number[], stamp: number, id: number, count: number): void {
    if (this.#scratch.length <= id) {
      const size = Math.max(this.#scratch.length * 2, id + 1);
      const scratch = new Int32Array(size);
      scratch.set(this.#scratch);
      this.#scratch = scratch;
      const stamps = new Int32Array(size);
      stamps.set(this.#stamps);
      this.#stamps = stamps;
    }
    if (this.#stamps[id] !== stamp) {
      this.#stamps[id] = stamp;
      this.#scratch[id] = 0;
      touched.push(id);
    }
    this.#scratch[id]! += count;
  }

  /**
   * One vector per article read, in order. Weights are (1 + ln tf) · ln(N / df); terms found in
   * all articles (they say nothing) are left out. Terms of one article alone match nothing but
   * still count in its length, so small archives do not look alike for sharing a few words.
   */
  vectors(): TermVector[] {
    const df = new Int32Array(this.#ids.size);
    for (const { ids } of this.#counts) for (const id of ids) df[id]! += 1;
    const n = this.#counts.length;
    // Typed scratch lists sized for the longest article, not an [id, weight] array per term.
    let longest = 0;
    for (const { ids } of this.#counts) longest = Math.max(longest, ids.length);
    const termIds = new Int32Array(longest);
    const termWeights = new Float64Array(longest);
    const order = new Int32Array(longest);
    return this.#counts.map(({ ids, counts, entity }) => {
      let m = 0;
      for (let k = 0; k < ids.length; k++) {
        const d = df[ids[k]!]!;
        if (d === n) continue;
        termIds[m] = ids[k]!;
        termWeights[m] = (1 + Math.log(counts[k]!)) * Math.log(n / d) * (entity[k] ? ENTITY_BOOST : 1);
        m += 1;
      }
      // Heaviest first, ties by id (a total order), then the kept ones by id.
      const byWeight = order.subarray(0, m);
      for (let k = 0; k < m; k++) byWeight[k] = k;
      byWeight.sort((a, b) => termWeights[b]! - termWeights[a]! || termIds[a]! - termIds[b]!);
      const kept = byWeight.subarray(0, Math.min(m, MAX_FEATURES)).sort((a, b) => termIds[a]! - termIds[b]!);
      let sum = 0;
      for (const k of kept) sum += termWeights[k]! * termWeights[k]!;
      const norm = Math.sqrt(sum) || 1;
      const features = new Int32Array(kept.length);
      const weights = new Float64Array(kept.length);
      for (let k = 0; k < kept.length; k++) {
        features[k] = termIds[kept[k]!]!;
        weights[k] = termWeights[kept[k]!]! / norm;
      }
      return { features, weights };
    });
  }

  #intern(term: string, isWord: boolean): number {
    let id = this.#ids.get(term);
    if (id === undefined) {
      id = this.#ids.size;
      this.#ids.set(term, id);
      // Short words are function words; words starting with a digit are figures, not subjects.
      this.#counted.push(!isWord || (term.length >= MIN_WORD_LENGTH && term.charCodeAt(0) > 57));
      this.#entityKey.push(!isWord);
      this.hashes.push(fnv1a(term));
    }
    return id;
  }
}

/** FNV-1a, 32 bits: a fast, stable string hash. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
