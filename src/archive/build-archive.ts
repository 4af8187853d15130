/** Stage 3: grouping enriched articles into the Archive the pages are made from. Pure. */
import type { Article } from '../content/article.ts';
import type { Archive, Neighbours, Term } from './archive.ts';
import { TAXONOMIES, type Taxonomy } from '../urls.ts';
import { sortNewestFirst } from './sort-articles.ts';
import { groupByMonth } from './group-by-month.ts';
import { groupByTerm } from './group-by-term.ts';

/** Groups articles (any order, unique ids) by term and date; `related` comes from the enricher. */
export function buildArchive(articles: readonly Article[], related: ReadonlyMap<string, readonly string[]>): Archive {
  const sorted = sortNewestFirst(articles);
  const terms = Object.fromEntries(TAXONOMIES.map((t) => [t, groupByTerm(sorted, t)])) as Record<Taxonomy, Term[]>;
  return {
    articles: sorted,
    byId: new Map(sorted.map((a) => [a.id, a])),
    terms,
    years: groupByMonth(sorted),
    undated: sorted.filter((a) => a.date === null).map((a) => a.id),
    neighbours: neighboursInTime(sorted),
    related,
  };
}

/**
 * Older/newer links along one reading order: dated articles oldest to newest, then the undated
 * ones by id, so every article can be reached by paging through.
 */
function neighboursInTime(sortedNewestFirst: readonly Article[]): Map<string, Neighbours> {
  const dated = sortedNewestFirst.filter((a) => a.date !== null).reverse();
  const undated = sortedNewestFirst.filter((a) => a.date === null);
  const order = [...dated, ...undated];
  const neighbours = new Map<string, Neighbours>();
  order.forEach((article, i) => {
    neighbours.set(article.id, { older: order[i - 1]?.id ?? null, newer: order[i + 1]?.id ?? null });
  });
  return neighbours;
}
