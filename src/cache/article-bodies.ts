/**
 * Article bodies left in the article cache. The main thread keeps every article's metadata for the
 * stages across articles, but not its body HTML: a body is read back from the article's cache
 * entry only where it is shown (its page, in a worker; a feed entry; the search document).
 */
import type { Article } from '../content/article.ts';
import type { InputOutcome } from '../content/load-articles.ts';
import { readCacheEntry } from './article-cache.ts';

/** Where each article's full record is cached, by input. */
export class ArticleBodies {
  readonly #files = new Map<string, string>();

  /** Notes the cache entry of the article made from one input. */
  add(article: Pick<Article, 'inputKind' | 'sourceFile'>, cacheFile: string): void {
    this.#files.set(inputKey(article), cacheFile);
  }

  /** The cache entry holding an article's body; inputKind and sourceFile survive dedupe and relate, unlike the id. */
  fileOf(article: Pick<Article, 'inputKind' | 'sourceFile'>): string {
    const file = this.#files.get(inputKey(article));
    if (file === undefined) throw new Error(`no cached body for ${article.inputKind} ${article.sourceFile}`);
    return file;
  }

  /** An article's body HTML, read back from its cache entry. */
  html(article: Pick<Article, 'inputKind' | 'sourceFile'>): string {
    return cachedBodyHtml(this.fileOf(article));
  }

  /**
   * The article with its body read back each time `bodyHtml` is asked for, never kept: lists of
   * these go to code that reads few bodies (feeds) or one at a time (search), so bodies never pile up.
   */
  withBody(article: Article): Article {
    return Object.defineProperty({ ...article }, 'bodyHtml', { enumerable: true, get: () => this.html(article) });
  }
}

/** The body HTML stored in one article cache entry. */
export function cachedBodyHtml(file: string): string {
  const outcome = readCacheEntry<InputOutcome<Article>>(file);
  if (!outcome.ok) throw new Error(`the article cache entry ${file} holds no article`);
  return outcome.article.bodyHtml;
}

function inputKey(article: Pick<Article, 'inputKind' | 'sourceFile'>): string {
  return `${article.inputKind}:${article.sourceFile}`;
}
