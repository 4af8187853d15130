/** Story clusters: reports of one event across sources, from the similarity graph of the related search. */
import type { Article } from '../content/article.ts';
import { DisjointSets } from './disjoint-sets.ts';
import type { Neighbour } from './nearest-neighbours.ts';

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
export function clusterStories(articles: readonly Article[], neighbours: readonly (readonly Neighbour[])[]): number[][] {
  const named = articles.map((a) => new Set([...a.people.map((e) => `p${e.slug}`), ...a.organizations.map((e) => `o${e.slug}`)]));
  const day = articles.map((a) => (a.date === null ? null : Date.parse(`${a.date}T00:00:00Z`) / DAY_MS));
  const sets = new DisjointSets(articles.length);
  neighbours.forEach((list, i) => {
    for (const { index: j, similarity } of list) {
      if (similarity < STORY_SIMILARITY) break;
      const di = day[i];
      const dj = day[j];
      if (di != null && dj != null && Math.abs(di - dj) > STORY_DAYS) continue;
      if (![...named[i]!].some((key) => named[j]!.has(key))) continue;
      sets.union(i, j);
    }
  });
  return sets.groups();
}
