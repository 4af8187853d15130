/** sitemap.xml lists every page of the site by absolute URL; past the limit it becomes an index. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import fg from 'fast-glob';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildReaderSite, SITE_URL, type ReaderSite } from './reader-site.ts';
import { sitemapFiles, type SitemapEntry } from '../../src/outputs/sitemap.ts';
import { absoluteUrlFor } from '../../src/urls.ts';
import { encodeXML } from 'entities';

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'url' || name === 'sitemap' });

let site: ReaderSite;
beforeAll(async () => {
  site = await buildReaderSite();
});
afterAll(() => site?.cleanup());

/** Every page of the built site as a site-relative URL ("topics/politics/"), the 404 page and near-copies' pages aside. */
async function builtPages(): Promise<string[]> {
  const api = JSON.parse(await site.read('api/articles.json')) as Array<{ url: string; duplicateOf?: string }>;
  const copies = new Set(api.filter((r) => r.duplicateOf !== undefined).map((r) => r.url.slice('/news/'.length)));
  expect(copies.size).toBeGreaterThan(0);
  const files = await fg('**/index.html', { cwd: site.outDir });
  return files.map((f) => f.slice(0, -'index.html'.length)).filter((url) => !copies.has(url)).sort();
}

describe('sitemap.xml', () => {
  it('is well-formed and lists every page once, by absolute URL, and nothing else', async () => {
    const text = await site.read('sitemap.xml');
    expect(XMLValidator.validate(text)).toBe(true);
    const { urlset } = xml.parse(text);
    expect(urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const locs: string[] = urlset.url.map((u: { loc: string }) => u.loc);
    for (const loc of locs) expect(loc.startsWith(SITE_URL), loc).toBe(true);
    expect(locs.map((l) => l.slice(SITE_URL.length)).sort()).toEqual(await builtPages());
    expect(new Set(locs).size).toBe(locs.length);
    expect(locs.some((l) => l.endsWith('404.html'))).toBe(false);
  });

  it('gives dated articles their date as lastmod', async () => {
    const { urlset } = xml.parse(await site.read('sitemap.xml'));
    const seed000 = urlset.url.find((u: { loc: string }) => u.loc.includes('/articles/000'));
    expect(seed000?.lastmod).toBe('2024-01-30');
  });

  it('splits into a sitemap index past the limit, each part within it', async () => {
    const { urlset } = xml.parse(await site.read('sitemap.xml'));
    const entries: SitemapEntry[] = urlset.url.map((u: { loc: string; lastmod?: string }) => ({ url: u.loc.slice(SITE_URL.length), lastmod: u.lastmod ?? null }));
    const limit = 5;
    const files = sitemapFiles(entries, SITE_URL, limit);
    expect(files).toHaveLength(1 + Math.ceil(entries.length / limit));
    const index = files[0];
    expect(index?.path).toBe('sitemap.xml');
    expect(XMLValidator.validate(index?.contents ?? '')).toBe(true);
    const parts = xml.parse(index?.contents ?? '').sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
    expect(parts).toEqual(files.slice(1).map((f) => `${SITE_URL}${f.path}`));
    const listed = files.slice(1).flatMap((f) => {
      const { urlset: part } = xml.parse(f.contents);
      expect(part.url.length).toBeLessThanOrEqual(limit);
      return part.url.map((u: { loc: string }) => u.loc);
    });
    expect(listed).toEqual(entries.map((e) => `${SITE_URL}${e.url}`));
  });
});

describe('robots.txt', () => {
  it('allows crawling and names the sitemap by absolute URL', async () => {
    const robots = await site.read('robots.txt');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toContain(`Sitemap: ${SITE_URL}sitemap.xml`);
    expect(path.basename(robots.trim().split('\n').at(-1) ?? '')).toBe('sitemap.xml');
  });

  it('gives each page the URL the site URL resolves it to, escaped, under a sub-path and whatever the characters', async () => {
    const { urlset } = xml.parse(await site.read('sitemap.xml'));
    const pages: string[] = urlset.url.map((u: { loc: string }) => u.loc.slice(SITE_URL.length));
    // Built pages, and URLs the plain form does not cover: rooted, dot segments, escapes, a query.
    const urls = [...pages, '/rooted/', './here/', 'a/../b/', 'caf%C3%A9/', 'a b/', 'x?y=1&z=2', '', '~user/'];
    for (const siteUrl of [SITE_URL, 'https://example.org/news', 'https://example.org/a&b/?q=1#top']) {
      const [file] = sitemapFiles(urls.map((url) => ({ url, lastmod: null })), siteUrl);
      const locs = [...file!.contents.matchAll(/<loc>(.*?)<\/loc>/g)].map((m) => m[1]);
      expect(locs).toEqual(urls.map((url) => encodeXML(absoluteUrlFor(siteUrl, url))));
    }
  });
});
