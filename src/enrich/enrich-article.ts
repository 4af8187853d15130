/** Stage 2: a ParsedArticle plus what the enricher finds (entities, subjects, topics) → Article. */
import type { Article, Entity } from '../content/article.ts';
import type { ParsedArticle } from '../content/parsed-article.ts';
import { slugify } from '../text/slugify.ts';

/** Fills the enriched fields. Declared lists (front matter, overrides) always win. Pure. */
export function enrichArticle(parsed: ParsedArticle): Article {
  const { paragraphs: _paragraphs, declared, ...rest } = parsed;
  const entities = (names: readonly string[] | undefined): Entity[] =>
    (names ?? []).map((name) => ({ name, slug: slugify(name), role: null, mentions: 1 })).filter((e) => e.slug !== '');
  return {
    ...rest,
    topics: declared.topics ?? [],
    subjects: [],
    people: entities(declared.people),
    places: entities(declared.places),
    organizations: entities(declared.organizations),
  };
}
