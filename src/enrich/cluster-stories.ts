/** Story clusters: reports of one event across sources, from the similarity graph of the related search. */
import type { Article } from '../content/article.ts';
import { DisjointSets } from './disjoint-sets.ts';
import type { Neighbours } from './nearest-neighbours.ts';

/** Cosine similarity above which two reports that share a named person or organisation cover one story. */
export const STORY_SIMILARITY = 0.4;
/** Dated reports of one story are at most this many days apart. */
export const STORY_DAYS = 4;

const DAY_MS = 86_400_000;

/**
 * Groups of article indexes reporting the same event: two articles are linked when their
 * similarity is high, they name at least one person or organisation in common, and their dates (when
 * both are known) are close; groups are the connected parts of those links. Each group ascending.
 */
export function clusterStories(articles: readonly Article[], neighbours: Neighbours): number[][] {
  // Names are gathered only for articles with a neighbour close enough, a small share of a large archive.
  const named: Array<Set<string> | undefined> = [];
  const namesOf = (i: number): Set<string> => (named[i] ??= new Set([...articles[i]!.people.map((e) => `p${e.slug}`), ...articles[i]!.organizations.map((e) => `o${e.slug}`)]));
  // Undated is NaN, which no distance exceeds.
  const day = new Float64Array(articles.length);
  for (let i = 0; i < articles.length; i++) {
    const date = articles[i]!.date;
    day[i] = date === null ? NaN : Date.parse(`${date}T00:00:00Z`) / DAY_MS;
  }
  const { starts, indexes, similarities } = neighbours;
  const sets = new DisjointSets(articles.length);
  for (let i = 0; i < articles.length; i++) {
    for (let r = starts[i]!; r < starts[i + 1]!; r++) {
      if (similarities[r]! < STORY_SIMILARITY) break;
      const j = indexes[r]!;
      if (Math.abs(day[i]! - day[j]!) > STORY_DAYS) continue;
      const names = namesOf(j);
      if (![...namesOf(i)].some((key) => names.has(key))) continue;
      sets.union(i, j);
    }
  }
  return sets.groups();
}
