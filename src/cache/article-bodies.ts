/**
 * Article bodies left in the article cache. The main thread keeps every article's metadata for the
 * stages across articles, but not its body HTML: a body is read back from the article's cache
 * entry only where it is shown (its page, in a worker; a feed entry; the search document).
 */
import type { Article } from '../content/article.ts';
import { readBody } from './article-pack.ts';

/** Where each article's body is cached, by input. */
export class ArticleBodies {
  readonly #refs = new Map<string, string>();

  /** Notes the body reference (see bodyRef) of the article made from one input. */
  add(article: Pick<Article, 'inputKind' | 'sourceFile'>, ref: string): void {
    this.#refs.set(inputKey(article), ref);
  }

  /** The reference to an article's cached body; inputKind and sourceFile survive dedupe and relate, unlike the id. */
  refOf(article: Pick<Article, 'inputKind' | 'sourceFile'>): string {
    const ref = this.#refs.get(inputKey(article));
    if (ref === undefined) throw new Error(`no cached body for ${article.inputKind} ${article.sourceFile}`);
    return ref;
  }

  /** An article's body HTML, read back from its cache entry. */
  html(article: Pick<Article, 'inputKind' | 'sourceFile'>): string {
    return cachedBodyHtml(this.refOf(article));
  }

  /**
   * The article with its body read back each time `bodyHtml` is asked for, never kept: lists of
   * these go to code that reads few bodies (feeds) or one at a time (search), so bodies never pile up.
   */
  withBody(article: Article): Article {
    return Object.defineProperty({ ...article }, 'bodyHtml', { enumerable: true, get: () => this.html(article) });
  }
}

/** The body HTML an article cache body reference points to (the pool's render tasks read it by this name). */
export function cachedBodyHtml(ref: string): string {
  return readBody(ref);
}

/** What names an article's input across stages: inputKind and sourceFile survive dedupe and relate, unlike the id. */
export function inputKey(article: Pick<Article, 'inputKind' | 'sourceFile'>): string {
  return `${article.inputKind}:${article.sourceFile}`;
}
