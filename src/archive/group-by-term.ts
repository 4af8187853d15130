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
 */
export function groupByTerm(sorted: readonly Article[], taxonomy: Taxonomy): Term[] {
  const bySlug = new Map<string, { ids: string[]; spellings: Map<string, number> }>();
  for (const article of sorted) {
    const seen = new Set<string>();
    for (const name of namesIn(article, taxonomy)) {
      const slug = termSlug(name);
      if (seen.has(slug)) continue;
      seen.add(slug);
      let group = bySlug.get(slug);
      if (group === undefined) {
        group = { ids: [], spellings: new Map() };
        bySlug.set(slug, group);
      }
      group.ids.push(article.id);
      group.spellings.set(name, (group.spellings.get(name) ?? 0) + 1);
    }
  }
  const terms: Term[] = [];
  for (const [slug, group] of bySlug) {
    const name = [...group.spellings].sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0]))[0]?.[0] ?? slug;
    terms.push({ taxonomy, slug, name, articleIds: group.ids });
  }
  return terms.sort((a, b) => b.articleIds.length - a.articleIds.length || compareCodePoints(a.name.toLowerCase(), b.name.toLowerCase()) || compareCodePoints(a.slug, b.slug));
}
