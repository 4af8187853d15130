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
  /** A stable 32-bit hash of each interned word (by id), independent of the order words were met. */
  readonly hashes: number[] = [];

  /** Reads one article: returns its words as ids, in order, and records its term counts. */
  add(article: Article): Int32Array {
    const words = `${article.title}\n${article.bodyText}`.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const ids = new Int32Array(words.length);
    const tf = new Map<number, number>();
    for (let i = 0; i < words.length; i++) {
      const id = this.#intern(words[i]!, true);
      ids[i] = id;
      if (this.#counted[id]) tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    // Entities live in another namespace than words (a control character cannot be in a word).
    const entities: Array<[string, number]> = [
      ...article.people.map((e): [string, number] => [`\u0001p${e.slug}`, e.mentions]),
      ...article.organizations.map((e): [string, number] => [`\u0001o${e.slug}`, e.mentions]),
      ...article.places.map((e): [string, number] => [`\u0001l${e.slug}`, e.mentions]),
    ];
    const entityIds = new Set<number>();
    for (const [key, mentions] of entities) {
      const id = this.#intern(key, false);
      tf.set(id, (tf.get(id) ?? 0) + mentions);
      entityIds.add(id);
    }
    const keys = [...tf.keys()];
    this.#counts.push({ ids: Int32Array.from(keys), counts: Int32Array.from(keys, (k) => tf.get(k)!), entity: Uint8Array.from(keys, (k) => (entityIds.has(k) ? 1 : 0)) });
    return ids;
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
    return this.#counts.map(({ ids, counts, entity }) => {
      const weighted: Array<[number, number]> = [];
      for (let k = 0; k < ids.length; k++) {
        const d = df[ids[k]!]!;
        if (d === n) continue;
        weighted.push([ids[k]!, (1 + Math.log(counts[k]!)) * Math.log(n / d) * (entity[k] ? ENTITY_BOOST : 1)]);
      }
      weighted.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      const kept = weighted.slice(0, MAX_FEATURES).sort((a, b) => a[0] - b[0]);
      const norm = Math.sqrt(kept.reduce((s, [, w]) => s + w * w, 0)) || 1;
      return { features: Int32Array.from(kept, ([id]) => id), weights: Float64Array.from(kept, ([, w]) => w / norm) };
    });
  }

  #intern(term: string, isWord: boolean): number {
    let id = this.#ids.get(term);
    if (id === undefined) {
      id = this.#ids.size;
      this.#ids.set(term, id);
      // Short words are function words; words starting with a digit are figures, not subjects.
      this.#counted.push(!isWord || (term.length >= MIN_WORD_LENGTH && term.charCodeAt(0) > 57));
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
