/** Grouping articles by taxonomy term: topics, people, places, organisations, sources. */
import type { Article, Entity } from '../content/article.ts';
import type { Term } from './archive.ts';
import type { Taxonomy } from '../urls.ts';
import { slugify } from '../text/slugify.ts';
import { compareCodePoints } from '../text/compare.ts';
import { shortHash } from '../text/short-hash.ts';

/** An article's topics, entities or source in a taxonomy, as they are (names, or entities that have one). */
function namedIn(article: Article, taxonomy: Taxonomy): ReadonlyArray<string | Entity> {
  switch (taxonomy) {
    case 'topics':
      return article.topics;
    case 'people':
    case 'places':
    case 'organizations':
      return article[taxonomy];
    case 'sources':
      return article.source === null ? NO_NAMES : [article.source];
  }
}

const NO_NAMES: readonly string[] = [];

function nameOf(named: string | Entity): string {
  return typeof named === 'string' ? named : named.name;
}

/** One term being gathered: its articles' ids and the spelling each used, side by side, and the last article's place in the order. */
interface TermGroup {
  readonly ids: string[];
  readonly names: string[];
  last: number;
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
  // Spellings are counted after copies are left out, so each group keeps them beside the ids.
  const bySlug = new Map<string, TermGroup>();
  // A name recurs across many articles: its group (by its slug) is found once, then by the name.
  // The lists are read as they are, and an article already in a group is told by its place in
  // the order: no array or set is made per article (52k articles times five taxonomies).
  const groupOf = new Map<string, TermGroup>();
  for (let i = 0; i < sorted.length; i++) {
    const article = sorted[i]!;
    for (const named of namedIn(article, taxonomy)) {
      const name = nameOf(named);
      let group = groupOf.get(name);
      if (group === undefined) {
        const slug = termSlug(name);
        group = bySlug.get(slug);
        if (group === undefined) bySlug.set(slug, (group = { ids: [], names: [], last: -1 }));
        groupOf.set(name, group);
      }
      // Two spellings with one slug in one article: the article is listed once, under the first.
      if (group.last === i) continue;
      group.last = i;
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
  // Each name lower-cased once, not twice per comparison: tens of thousands of terms, ~17 comparisons each.
  const keyed = terms.map((term) => ({ term, count: term.articleIds.length, lower: term.name.toLowerCase() }));
  keyed.sort((a, b) => b.count - a.count || compareCodePoints(a.lower, b.lower) || compareCodePoints(a.term.slug, b.term.slug));
  return keyed.map((k) => k.term);
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
