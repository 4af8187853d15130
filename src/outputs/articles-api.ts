/** The static JSON API: `api/articles.json`, every article's metadata (no body), sorted by id. */
import type { Article } from '../content/article.ts';
import { compareCodePoints } from '../text/compare.ts';
import { hrefFor } from '../urls.ts';

/** One record of `api/articles.json`. */
export type ArticleRecord = Omit<Article, 'bodyText' | 'bodyHtml' | 'media' | 'links' | 'people' | 'places' | 'organizations'> & {
  /** Href of the article page, including the base path. */
  readonly url: string;
  readonly people: readonly string[];
  readonly places: readonly string[];
  readonly organizations: readonly string[];
  /** People, places and organisations with roles and mention counts. */
  readonly entities: {
    readonly people: Article['people'];
    readonly places: Article['places'];
    readonly organizations: Article['organizations'];
  };
};

/** The API records of all articles, sorted by id. */
export function articleRecords(articles: readonly Article[], basePath: string): ArticleRecord[] {
  return [...byId(articles)].map((article) => articleRecord(article, basePath));
}

/**
 * One article's API record: the article's other fields in its own order (bodies left out), then
 * the entity lists as names, then the entities in full. Built field by field into one object
 * rather than with a rest pattern and a spread, which cost twice the CPU per record.
 */
function articleRecord(article: Article, basePath: string): ArticleRecord {
  const record: Record<string, unknown> = {};
  for (const field in article) {
    if (LEFT_FOR_LAST.has(field)) continue;
    record[field] = field === 'url' ? hrefFor(basePath, article.url) : article[field as keyof Article];
  }
  record['people'] = names(article.people);
  record['places'] = names(article.places);
  record['organizations'] = names(article.organizations);
  record['entities'] = { people: article.people, places: article.places, organizations: article.organizations };
  // A cast, so the compiler no longer checks the fields: tests/outputs/articles-api pins them and their order.
  return record as ArticleRecord;
}

/** Fields the loop leaves out: bodies (and the files they show or link to, build data) are not in a record, and the entity lists come last, as names. */
const LEFT_FOR_LAST: ReadonlySet<string> = new Set<keyof Article>(['bodyText', 'bodyHtml', 'media', 'links', 'people', 'places', 'organizations']);

type EntityField = 'people' | 'places' | 'organizations';

function names(entities: Article[EntityField]): string[] {
  return entities.map((e) => e.name);
}

/**
 * `api/articles.json`, a JSON array with one record per line (so diffs stay readable), a line at a
 * time: a large archive's file is written without ever being one string in memory.
 */
export function* articlesJsonChunks(articles: readonly Article[], basePath: string): Generator<string> {
  const sorted = byId(articles);
  yield '[\n';
  for (let i = 0; i < sorted.length; i++) yield `${JSON.stringify(articleRecord(sorted[i]!, basePath))}${i === sorted.length - 1 ? '' : ','}\n`;
  yield sorted.length === 0 ? '\n]\n' : ']\n';
}

function byId(articles: readonly Article[]): Article[] {
  return [...articles].sort((a, b) => compareCodePoints(a.id, b.id));
}
