/** Each loaded article's terms, kept for relate: on this thread, or counted on a thread of their own as they come. */
import type { Article } from '../content/article.ts';
import type { TermSource } from '../enrich/relate-articles.ts';
import { parseTermsJson, type ArticleTerms } from '../enrich/term-vectors.ts';
import { inputKey } from '../cache/article-bodies.ts';
import { BroadsheetError } from '../errors.ts';
import { TermCounter, type TermsSource } from './term-counter.ts';

/** Where the loader leaves each article's terms, and where relate takes them from. */
export interface KeptTerms {
  /**
   * Keeps the terms of the article loaded under `key` (its inputKey), with its MinHash signature:
   * as JSON, or (when `readsCache`) where they are in the article cache.
   */
  keep(key: string, signature: ArticleTerms['signature'], terms: TermsSource): void;
  /** Whether keep() takes terms where they are in the article cache; else only as JSON, read by the caller. */
  readonly readsCache: boolean;
  /** Relate's way to them. */
  readonly source: TermSource;
  /** Lets go of what is left, and of the counting thread. */
  close(): Promise<void>;
}

/** Terms kept here, each let go as relate reads it into its table: a build without workers, or one whose workers parse (no core is free to count meanwhile). */
export function termsKeptHere(): KeptTerms {
  const terms = new Map<string, ArticleTerms>();
  return {
    keep: (key, signature, source) => {
      // Not readsCache: the loader reads a hit's terms with its metadata and passes them as JSON, a batch at a time.
      if (typeof source !== 'string') throw new Error('terms kept here must come as JSON, not where they are in the article cache (a bug: please report it)');
      terms.set(key, { ...parseTermsJson(source), signature });
    },
    readsCache: false,
    source: {
      kind: 'read',
      termsOf: (article) => {
        const key = inputKey(article);
        const read = terms.get(key) ?? missingTerms(article);
        terms.delete(key);
        return read;
      },
    },
    close: async () => terms.clear(),
  };
}

/** Terms counted on a thread of their own as they are kept (see TermCounter): this thread keeps each article's row and signature only. */
export function termsCounted(): KeptTerms {
  const counter = new TermCounter();
  const rows = new Map<string, number>();
  const signatures = new Map<string, readonly number[] | null>();
  return {
    keep: (key, signature, terms) => {
      rows.set(key, counter.add(terms));
      signatures.set(key, signature);
    },
    readsCache: true,
    source: {
      kind: 'counted',
      signatureOf: (article) => {
        const signature = signatures.get(inputKey(article));
        return signature === undefined ? missingTerms(article) : signature;
      },
      vectorJob: (articles) => counter.vectorJob(Int32Array.from(articles, (article) => rows.get(inputKey(article)) ?? missingTerms(article))),
    },
    close: async () => {
      rows.clear();
      signatures.clear();
      await counter.close();
    },
  };
}

/**
 * Every parsed article comes with its terms (from its worker or its cache entry). Without them
 * relate would read its emptied body, the title alone, and relate it worse without a word.
 */
function missingTerms(article: Pick<Article, 'sourceFile'>): never {
  throw new BroadsheetError('no terms were counted for this article (a bug: please report it)', { file: article.sourceFile });
}
