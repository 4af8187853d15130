/** Stage 3: grouping enriched articles into the Archive the pages are made from. Pure. */
import type { Article } from '../content/article.ts';
import type { Archive, Neighbours, Term } from './archive.ts';
import { TAXONOMIES, type Taxonomy } from '../urls.ts';
import { sortNewestFirst } from './sort-articles.ts';
import { groupByMonth } from './group-by-month.ts';
import { groupByTerm } from './group-by-term.ts';
import { originalOf } from './original-of.ts';

/** Groups articles (any order, unique ids) by term and date; `related` comes from the enricher. */
export function buildArchive(articles: readonly Article[], related: ReadonlyMap<string, readonly string[]>): Archive {
  const sorted = sortNewestFirst(articles);
  const byId = new Map(sorted.map((a) => [a.id, a]));
  // Near-copy id → original id: a copy keeps its page, but the story is listed once, by its original.
  const originals = new Map<string, string>();
  for (const article of sorted) {
    const original = originalOf(article, byId);
    if (original !== null) originals.set(article.id, original);
  }
  const listed = originals.size === 0 ? sorted : sorted.filter((a) => !originals.has(a.id));
  const terms = Object.fromEntries(TAXONOMIES.map((t) => [t, groupByTerm(sorted, t, originals)])) as Record<Taxonomy, Term[]>;
  return {
    articles: sorted,
    listed: listed.map((a) => a.id),
    copies: copiesByOriginal(readingOrder(sorted), originals),
    byId,
    terms,
    years: groupByMonth(listed),
    undated: listed.filter((a) => a.date === null).map((a) => a.id),
    neighbours: neighboursInTime(readingOrder(listed), originals),
    related,
  };
}

/** Dated articles oldest to newest, then the undated ones by id: the order a reader pages through. */
function readingOrder(sortedNewestFirst: readonly Article[]): Article[] {
  const dated = sortedNewestFirst.filter((a) => a.date !== null).reverse();
  return [...dated, ...sortedNewestFirst.filter((a) => a.date === null)];
}

/** The near-copies of each original, in the order given. */
function copiesByOriginal(order: readonly Article[], originals: ReadonlyMap<string, string>): Map<string, string[]> {
  const copies = new Map<string, string[]>();
  for (const article of order) {
    const original = originals.get(article.id);
    if (original === undefined) continue;
    let list = copies.get(original);
    if (list === undefined) copies.set(original, (list = []));
    list.push(article.id);
  }
  return copies;
}

/**
 * Older/newer links along the reading order of the listed articles, so paging through reaches
 * every story once; a near-copy gets its original's links, so its page still leads on.
 */
function neighboursInTime(order: readonly Article[], originals: ReadonlyMap<string, string>): Map<string, Neighbours> {
  const neighbours = new Map<string, Neighbours>();
  order.forEach((article, i) => {
    neighbours.set(article.id, { older: order[i - 1]?.id ?? null, newer: order[i + 1]?.id ?? null });
  });
  for (const [copy, original] of originals) neighbours.set(copy, neighbours.get(original) ?? { older: null, newer: null });
  return neighbours;
}
