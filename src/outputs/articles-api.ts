/** The static JSON API: `api/articles.json`, every article's metadata (no body), sorted by id. */
import type { Article } from '../content/article.ts';
import { compareCodePoints } from '../text/compare.ts';
import { hrefFor } from '../urls.ts';

/** One record of `api/articles.json`. */
export type ArticleRecord = Omit<Article, 'bodyText' | 'bodyHtml' | 'people' | 'places' | 'organizations'> & {
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

/** One article's API record. */
function articleRecord({ bodyText: _text, bodyHtml: _html, people, places, organizations, ...meta }: Article, basePath: string): ArticleRecord {
  return {
    ...meta,
    url: hrefFor(basePath, meta.url),
    people: people.map((e) => e.name),
    places: places.map((e) => e.name),
    organizations: organizations.map((e) => e.name),
    entities: { people, places, organizations },
  };
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
