/** Stage 3's output: the articles grouped by taxonomy term and by date, by id (lists hold ids, not records). */
import type { Article } from '../content/article.ts';
import type { Taxonomy } from '../urls.ts';

/** One term of a taxonomy ("Iran" in places) and its articles, newest first. */
export interface Term {
  readonly taxonomy: Taxonomy;
  /** URL key; unique within the taxonomy. */
  readonly slug: string;
  /** Display name (the most used spelling). */
  readonly name: string;
  /** Article ids, newest first. */
  readonly articleIds: readonly string[];
}

/** One month of the timeline. */
export interface MonthGroup {
  /** "2024". */
  readonly year: string;
  /** "01".."12". */
  readonly month: string;
  /** Article ids, newest first. */
  readonly articleIds: readonly string[];
}

/** One year of the timeline, its months newest first. */
export interface YearGroup {
  readonly year: string;
  readonly months: readonly MonthGroup[];
  /** Articles in the year. */
  readonly count: number;
}

/** Neighbours of an article in time: `older` came before it, `newer` after. */
export interface Neighbours {
  readonly older: string | null;
  readonly newer: string | null;
}

/**
 * The whole archive, ready to be turned into pages. Every article has a page, but a near-copy of
 * another article (`duplicateOf`) is not listed as news of its own: its original stands for the
 * story on the home page, the timeline, the feeds and every term that lists the original.
 */
export interface Archive {
  /** All articles, newest first; undated ones last, by id. Each gets a page, near-copies included. */
  readonly articles: readonly Article[];
  /** Ids of the articles listed as news, newest first: all but the near-copies, so each story once. */
  readonly listed: readonly string[];
  /** Near-copies of each original, by the original's id, in reading order (oldest first). */
  readonly copies: ReadonlyMap<string, readonly string[]>;
  /** Lookup by id. */
  readonly byId: ReadonlyMap<string, Article>;
  /**
   * Terms of each taxonomy, most articles first, then by name. A near-copy is left out of a term
   * that lists its original and kept in one that does not (its own source, a name only it gives).
   */
  readonly terms: Readonly<Record<Taxonomy, readonly Term[]>>;
  /** Years with dated listed articles, newest first: a story is filed once, under its original's date. */
  readonly years: readonly YearGroup[];
  /** Ids of listed articles without a date. */
  readonly undated: readonly string[];
  /** Older/newer article of each article, in reading order of time; listed articles only, a near-copy gets its original's. */
  readonly neighbours: ReadonlyMap<string, Neighbours>;
  /** Related article ids of each article, best first. */
  readonly related: ReadonlyMap<string, readonly string[]>;
}
