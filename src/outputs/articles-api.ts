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
  return [...articles]
    .sort((a, b) => compareCodePoints(a.id, b.id))
    .map(({ bodyText: _text, bodyHtml: _html, people, places, organizations, ...meta }) => ({
      ...meta,
      url: hrefFor(basePath, meta.url),
      people: people.map((e) => e.name),
      places: places.map((e) => e.name),
      organizations: organizations.map((e) => e.name),
      entities: { people, places, organizations },
    }));
}

/** `api/articles.json` as text: a JSON array, one record per line, so diffs stay readable. */
export function articlesJson(articles: readonly Article[], basePath: string): string {
  const records = articleRecords(articles, basePath);
  return `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
}
