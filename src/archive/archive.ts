/** Stage 3's output: the articles grouped by taxonomy term and by date, by id (no copies). */
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

/** The whole archive, ready to be turned into pages. */
export interface Archive {
  /** All articles, newest first; undated ones last, by id. */
  readonly articles: readonly Article[];
  /** Lookup by id. */
  readonly byId: ReadonlyMap<string, Article>;
  /** Terms of each taxonomy, most articles first, then by name. */
  readonly terms: Readonly<Record<Taxonomy, readonly Term[]>>;
  /** Years with dated articles, newest first. */
  readonly years: readonly YearGroup[];
  /** Ids of articles without a date. */
  readonly undated: readonly string[];
  /** Older/newer article of each article, in reading order of time. */
  readonly neighbours: ReadonlyMap<string, Neighbours>;
  /** Related article ids of each article, best first. */
  readonly related: ReadonlyMap<string, readonly string[]>;
}
