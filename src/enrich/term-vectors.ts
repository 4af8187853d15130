/** TF-IDF vectors of articles: their most distinctive words plus the entities they name. */
import type { Article } from '../content/article.ts';
import { classAt, LATIN1_CLASSES, widthAt, WORD } from '../content/char-classes.ts';

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
  /** Terms by id, and an open-addressing table over them: hash, length and id + 1 per slot (0 empty). */
  readonly #terms: string[] = [];
  #slots = new Int32Array(3 * 4096);
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
    // The words are the runs of letters and digits of the lower-cased text (what /[\p{L}\p{N}]+/gu
    // matches), read in place: a known word is found in the table without making its string.
    const text = `${article.title}\n${article.bodyText}`.toLowerCase();
    const ids = new Int32Array((text.length + 1) >> 1);
    let wordCount = 0;
    // This article's term counts in scratch lists indexed by id (no map per article), terms in first-seen order.
    const stamp = this.#counts.length + 1;
    const touched: number[] = [];
    for (let i = 0; i < text.length; ) {
      let end = i;
      while (end < text.length) {
        const code = text.charCodeAt(end);
        if (code < 256 ? (LATIN1_CLASSES[code]! & WORD) === 0 : (classAt(text, end) & WORD) === 0) break;
        end += code < 0xd800 ? 1 : widthAt(text, end);
      }
      if (end === i) {
        i += text.charCodeAt(i) < 0xd800 ? 1 : widthAt(text, i);
        continue;
      }
      const id = this.#intern(text, i, end, true);
      ids[wordCount++] = id;
      if (this.#counted[id]) this.#count(touched, stamp, id, 1);
      i = end;
    }
    // Entities live in another namespace than words (a control character cannot be in a word).
    for (const [kind, list] of ENTITY_KINDS) {
      for (const e of article[list]) {
        const key = `\u0001${kind}${e.slug}`;
        this.#count(touched, stamp, this.#intern(key, 0, key.length, false), e.mentions);
      }
    }
    const counts = new Int32Array(touched.length);
    const entity = new Uint8Array(touched.length);
    for (let k = 0; k < touched.length; k++) {
      counts[k] = this.#scratch[touched[k]!]!;
      entity[k] = this.#entityKey[touched[k]!]! ? 1 : 0;
    }
    this.#counts.push({ ids: Int32Array.from(touched), counts, entity });
    return ids.subarray(0, wordCount);
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
    const df = new Int32Array(this.#terms.length);
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

  /** The id of the term text[start, end), interned on first sight. */
  #intern(text: string, start: number, end: number, isWord: boolean): number {
    let hash = FNV_OFFSET;
    for (let k = start; k < end; k++) hash = Math.imul(hash ^ text.charCodeAt(k), FNV_PRIME);
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
    this.hashes.push(hash >>> 0);
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

/** Whether `text` holds `term` at `start` (their lengths are known to be equal). */
function sameText(term: string, text: string, start: number): boolean {
  for (let k = 0; k < term.length; k++) if (term.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
