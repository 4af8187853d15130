/** Grouping articles by taxonomy term: topics, people, places, organisations, sources. */
import type { Article } from '../content/article.ts';
import type { Term } from './archive.ts';
import type { Taxonomy } from '../urls.ts';
import { slugify } from '../text/slugify.ts';
import { compareCodePoints } from '../text/compare.ts';
import { shortHash } from '../text/short-hash.ts';

/** The display names an article has in a taxonomy. */
export function namesIn(article: Article, taxonomy: Taxonomy): readonly string[] {
  switch (taxonomy) {
    case 'topics':
      return article.topics;
    case 'people':
      return article.people.map((e) => e.name);
    case 'places':
      return article.places.map((e) => e.name);
    case 'organizations':
      return article.organizations.map((e) => e.name);
    case 'sources':
      return article.source === null ? [] : [article.source];
  }
}

/** The URL key of a term name; names with no letters or digits get a stable hashed key. */
export function termSlug(name: string): string {
  return slugify(name) || `term-${shortHash(name)}`;
}

/**
 * Terms of one taxonomy: names are merged by slug (the most used spelling is shown), each term
 * lists its articles in the order of `sorted` (newest first). Terms: most articles first, then name.
 * `originals` maps near-copies to their originals: a copy is left out of a term that lists its
 * original, so each story counts once there, and kept where it is the story's only article.
 */
export function groupByTerm(sorted: readonly Article[], taxonomy: Taxonomy, originals: ReadonlyMap<string, string> = new Map()): Term[] {
  // Ids and the spelling each used, side by side: spellings are counted after copies are left out.
  const bySlug = new Map<string, { ids: string[]; names: string[] }>();
  // A name recurs across many articles: its slug is worked out once.
  const slugOf = new Map<string, string>();
  for (const article of sorted) {
    const seen = new Set<string>();
    for (const name of namesIn(article, taxonomy)) {
      let slug = slugOf.get(name);
      if (slug === undefined) slugOf.set(name, (slug = termSlug(name)));
      if (seen.has(slug)) continue;
      seen.add(slug);
      let group = bySlug.get(slug);
      if (group === undefined) {
        group = { ids: [], names: [] };
        bySlug.set(slug, group);
      }
      group.ids.push(article.id);
      group.names.push(name);
    }
  }
  const terms: Term[] = [];
  for (const [slug, group] of bySlug) {
    const keep = storiesOnce(group.ids, originals);
    const ids = keep === null ? group.ids : group.ids.filter((_, i) => keep[i]);
    const spellings = new Map<string, number>();
    group.names.forEach((name, i) => {
      if (keep === null || keep[i]) spellings.set(name, (spellings.get(name) ?? 0) + 1);
    });
    const name = [...spellings].sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0]))[0]?.[0] ?? slug;
    terms.push({ taxonomy, slug, name, articleIds: ids });
  }
  return terms.sort((a, b) => b.articleIds.length - a.articleIds.length || compareCodePoints(a.name.toLowerCase(), b.name.toLowerCase()) || compareCodePoints(a.slug, b.slug));
}

/** Which ids of one list to keep: all but the near-copies whose original is in the same list; null keeps all. */
function storiesOnce(ids: readonly string[], originals: ReadonlyMap<string, string>): boolean[] | null {
  // Most lists hold no copy at all: they are kept as they are, without a set of their ids.
  if (originals.size === 0 || !ids.some((id) => originals.has(id))) return null;
  const inList = new Set(ids);
  return ids.map((id) => {
    const original = originals.get(id);
    return original === undefined || !inList.has(original);
  });
}
