/** Stage 2: a ParsedArticle plus what the enricher finds (entities, subjects, topics) → Article. */
import type { Article, Entity } from '../content/article.ts';
import type { ParsedArticle } from '../content/parsed-article.ts';
import { slugify } from '../text/slugify.ts';
import { chooseTopics } from './choose-topics.ts';
import { defaultEnrichResources, type EnrichResources } from './enrich-resources.ts';
import { findEntities } from './find-entities.ts';
import { rankSubjects } from './rank-subjects.ts';
import { tokenize, type Token } from './tokenize.ts';

/** Fills the enriched fields. Declared lists (front matter, overrides) always win. Pure given its resources. */
export function enrichArticle(parsed: ParsedArticle, resources: EnrichResources = defaultEnrichResources()): Article {
  const { declared } = parsed;
  const title = tokenize(parsed.title);
  // Built by push, not map: map's result array has one layout run by the builtin and another inlined in
  // compiled code, and the readers of this list were deoptimised by the switch.
  const body: Token[][] = [];
  for (const paragraph of parsed.paragraphs) body.push(tokenize(paragraph));
  const found = findEntities({ title, paragraphs: body }, resources);
  const subjects = rankSubjects(title, body, resources.taxonomy);
  // Every field written out, in the parsed record's order (JSON outputs keep it): copying the record
  // by rest-and-spread took a generic runtime path that cost a tenth of enriching an article.
  return {
    title: parsed.title,
    titleOrigin: parsed.titleOrigin,
    date: parsed.date,
    dateOrigin: parsed.dateOrigin,
    source: parsed.source,
    sourceOrigin: parsed.sourceOrigin,
    section: parsed.section,
    byline: parsed.byline,
    dateline: parsed.dateline,
    credits: parsed.credits,
    summary: parsed.summary,
    bodyText: parsed.bodyText,
    bodyHtml: parsed.bodyHtml,
    wordCount: parsed.wordCount,
    readingMinutes: parsed.readingMinutes,
    removed: parsed.removed,
    id: parsed.id,
    slug: parsed.slug,
    url: parsed.url,
    sourceFile: parsed.sourceFile,
    inputKind: parsed.inputKind,
    contentHash: parsed.contentHash,
    warnings: parsed.warnings,
    topics: declared.topics ?? chooseTopics(subjects, found.countries),
    subjects,
    people: declaredEntities(declared.people, found.people),
    places: declaredEntities(declared.places, found.places),
    organizations: declaredEntities(declared.organizations, found.organizations),
    ...(parsed.draft === true ? { draft: true as const } : {}),
    ...(parsed.media === undefined ? {} : { media: parsed.media }),
    ...(parsed.links === undefined ? {} : { links: parsed.links }),
  };
}

/** A declared list replaces what was found, keeping the role and count of names the text also gives. */
function declaredEntities(names: readonly string[] | undefined, found: Entity[]): Entity[] {
  // The found list is this article's own (made by findEntities for it): no copy needed.
  if (names === undefined) return found;
  const bySlug = new Map(found.map((e) => [e.slug, e]));
  return names
    .map((name) => ({ name, slug: slugify(name) }))
    .filter((e) => e.slug !== '')
    .map(({ name, slug }) => ({ name, slug, role: bySlug.get(slug)?.role ?? null, mentions: bySlug.get(slug)?.mentions ?? 1 }));
}
