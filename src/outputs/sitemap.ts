/**
 * sitemap.xml for search engines: one <url> per page with absolute URLs. Past 50,000 URLs (the
 * protocol's limit per file) sitemap.xml becomes an index of numbered sitemaps.
 */
import { encodeXML } from 'entities';
import type { Archive } from '../archive/archive.ts';
import type { Page } from '../render/page.ts';
import { absoluteUrlFor } from '../urls.ts';
import { originalOf } from '../archive/original-of.ts';
import type { OutputFile } from './output-file.ts';

/** The most URLs one sitemap file may list (sitemaps.org). */
export const SITEMAP_LIMIT = 50_000;

/** The sitemap (or sitemap index) robots.txt points to. */
export const SITEMAP_FILE = 'sitemap.xml';

/** One page in the sitemap. */
export interface SitemapEntry {
  /** Site-relative URL ("articles/x/"). */
  readonly url: string;
  /** "YYYY-MM-DD" when the page's content has a date, else null. */
  readonly lastmod: string | null;
}

/**
 * The sitemap entries of the site's pages: every page but the 404 page and the pages of near-copies
 * (their canonical link names the original, and a sitemap lists canonical URLs only); articles carry their date.
 */
export function* sitemapEntries(pages: Iterable<Page>, archive: Archive): Generator<SitemapEntry> {
  for (const page of pages) {
    if (page.kind === 'not-found') continue;
    const article = page.kind === 'article' ? archive.byId.get(page.id) : undefined;
    if (article !== undefined && originalOf(article, archive.byId) !== null) continue;
    yield { url: page.url, lastmod: article?.date ?? null };
  }
}

/** sitemap.xml, plus sitemaps/sitemap-N.xml when there are more than `limit` entries. */
export function sitemapFiles(entries: Iterable<SitemapEntry>, siteUrl: string, limit = SITEMAP_LIMIT): OutputFile[] {
  const chunks: string[][] = [[]];
  const locOf = sitemapLocs(siteUrl);
  for (const entry of entries) {
    let chunk = chunks[chunks.length - 1] as string[];
    if (chunk.length === limit) chunks.push((chunk = []));
    const loc = `<loc>${locOf(entry.url)}</loc>`;
    chunk.push(entry.lastmod === null ? `<url>${loc}</url>` : `<url>${loc}<lastmod>${entry.lastmod}</lastmod></url>`);
  }
  if (chunks.length === 1) return [{ path: SITEMAP_FILE, contents: urlset(chunks[0] as string[]) }];
  const parts = chunks.map((chunk, i) => ({ path: `sitemaps/sitemap-${i + 1}.xml`, contents: urlset(chunk) }));
  const index = parts.map((p) => `<sitemap><loc>${encodeXML(absoluteUrlFor(siteUrl, p.path))}</loc></sitemap>`);
  return [{ path: SITEMAP_FILE, contents: wrap('sitemapindex', index) }, ...parts];
}

/** A relative URL of letters, digits, "-", "_", "~" and "/" (no dot segment, not rooted): resolving it only appends it to the base's folder. */
const PLAIN_RELATIVE_URL = /^[A-Za-z0-9_~-][A-Za-z0-9_~/-]*$/;

/**
 * The escaped absolute URL of a site-relative page URL. Page URLs are slugs and slashes, so each
 * is the site's folder URL plus itself, with nothing to escape: one URL parse for the sitemap
 * instead of one per page (87k at 25x). Anything else is resolved and escaped in full.
 */
function sitemapLocs(siteUrl: string): (url: string) => string {
  const folder = encodeXML(absoluteUrlFor(siteUrl, './'));
  return (url) => (PLAIN_RELATIVE_URL.test(url) ? folder + url : encodeXML(absoluteUrlFor(siteUrl, url)));
}

function urlset(urls: readonly string[]): string {
  return wrap('urlset', urls);
}

function wrap(root: 'urlset' | 'sitemapindex', lines: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${lines.join('\n')}${lines.length ? '\n' : ''}</${root}>\n`;
}
