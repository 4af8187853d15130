/** The kinds of page the site has: a discriminated union, one template per kind. */
import type { Taxonomy } from '../urls.ts';
import type { Pagination } from '../archive/paginate.ts';

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

/** The name of every page kind (also the `page-<kind>` class on <body>). */
export type PageKind = Page['kind'];
