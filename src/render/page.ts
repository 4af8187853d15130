/** The kinds of page the site has: a discriminated union, one template per kind. */
import type { Taxonomy } from '../urls.ts';

/** One page to render. `url` is site-relative ("topics/iran/page/2/"). */
export type Page =
  | { readonly kind: 'home'; readonly url: string }
  | { readonly kind: 'article'; readonly url: string; readonly id: string }
  | { readonly kind: 'taxonomy'; readonly url: string; readonly taxonomy: Taxonomy }
  | { readonly kind: 'term'; readonly url: string; readonly taxonomy: Taxonomy; readonly slug: string; readonly pagination: Pagination }
  | { readonly kind: 'archive'; readonly url: string }
  | { readonly kind: 'year'; readonly url: string; readonly year: string }
  | { readonly kind: 'month'; readonly url: string; readonly year: string; readonly month: string; readonly pagination: Pagination }
  | { readonly kind: 'undated'; readonly url: string; readonly pagination: Pagination }
  | { readonly kind: 'search'; readonly url: string }
  | { readonly kind: 'not-found'; readonly url: string };

/** Where a page sits in a paginated list. */
export interface Pagination {
  /** 1-based page number. */
  readonly page: number;
  /** Total pages in the list (at least 1). */
  readonly pageCount: number;
  /** Ids of the articles on this page. */
  readonly articleIds: readonly string[];
  /** Total articles in the list. */
  readonly total: number;
}

/** Pages a list of `ids` splits into at `pageSize` per page; an empty list still has one page. */
export function paginate(ids: readonly string[], pageSize: number): Pagination[] {
  const pageCount = Math.max(1, Math.ceil(ids.length / pageSize));
  return Array.from({ length: pageCount }, (_, i) => ({
    page: i + 1,
    pageCount,
    articleIds: ids.slice(i * pageSize, (i + 1) * pageSize),
    total: ids.length,
  }));
}
