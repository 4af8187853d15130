/**
 * Every URL shape of the site in one place. URLs here are site-relative ("topics/iran/"), with no
 * leading slash and a trailing slash; `hrefFor` adds the base path, `outputPathFor` names the file.
 */

/** The taxonomies that get an index page and one page per term. */
export type Taxonomy = 'topics' | 'people' | 'places' | 'organizations' | 'sources';

/** All taxonomies, in the order they are shown. */
export const TAXONOMIES: readonly Taxonomy[] = ['topics', 'people', 'places', 'organizations', 'sources'];

/** The home page. */
export const homeUrl = (): string => '';

/** An article page, keyed by its slug (stable: derived from the input path, not the title). */
export const articleUrl = (slug: string): string => `articles/${slug}/`;

/** The index of one taxonomy ("topics/"). */
export const taxonomyUrl = (taxonomy: Taxonomy): string => `${taxonomy}/`;

/** Page `page` (1-based) of one term's article list. */
export const termUrl = (taxonomy: Taxonomy, slug: string, page = 1): string => paged(`${taxonomy}/${slug}/`, page);

/** The timeline of all years and months. */
export const archiveUrl = (): string => 'archive/';

/** One year's archive page ("2024/"). */
export const yearUrl = (year: string): string => `${year}/`;

/** Page `page` of one month's archive ("2024/01/"). */
export const monthUrl = (year: string, month: string, page = 1): string => paged(`${year}/${month}/`, page);

/** Page `page` of the articles without a date. */
export const undatedUrl = (page = 1): string => paged('undated/', page);

/** The search page. */
export const searchUrl = (): string => 'search/';

/** The way from the page at a site-relative URL (a folder's, ending in "/") back to the site root, as a relative URL ("articles/x/" → "../../"). */
export const rootFrom = (url: string): string => '../'.repeat(url.split('/').filter((part) => part !== '').length);

/** The page shown for addresses that do not exist; hosts serve it from the site root. */
export const notFoundUrl = (): string => '404.html';

/** A static asset copied from templates/assets/ ("assets/style.css"). */
export const assetUrl = (file: string): string => `assets/${file}`;

/** The static JSON API of all articles. */
export const apiArticlesUrl = (): string => 'api/articles.json';

function paged(url: string, page: number): string {
  return page <= 1 ? url : `${url}page/${page}/`;
}

/** The href of a site-relative URL when the site is served under `basePath` ("/" or "/news/"). */
export function hrefFor(basePath: string, url: string): string {
  return `${basePath}${url}`;
}

/** The absolute URL of a site-relative URL, given the configured site URL (ending in "/"). */
export function absoluteUrlFor(siteUrl: string, url: string): string {
  return new URL(url, siteUrl).href;
}

/** The file a site-relative URL is written to: "topics/iran/" → "topics/iran/index.html". */
export function outputPathFor(url: string): string {
  return url === '' || url.endsWith('/') ? `${url}index.html` : url;
}
