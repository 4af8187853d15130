/** The sitemap lists canonical URLs only: a near-copy's page (canonical: its original) is left out. */
import { expect, it } from 'vitest';
import { buildArchive } from '../../src/archive/build-archive.ts';
import { planPages } from '../../src/render/plan-pages.ts';
import { sitemapEntries, sitemapFiles } from '../../src/outputs/sitemap.ts';
import { COPY, ORIGINAL, WITH_COPY } from '../archive/wire-copies.ts';

it('leaves the copy’s page out of the sitemap and keeps its original and its source’s page', () => {
  const archive = buildArchive(WITH_COPY, new Map());
  const pages = [...planPages(archive, 20)];
  expect(pages.map((p) => p.url)).toContain(COPY.url);
  const urls = [...sitemapEntries(pages, archive)].map((e) => e.url);
  expect(urls).not.toContain(COPY.url);
  expect(urls).toContain(ORIGINAL.url);
  expect(urls).toContain('sources/bbc-world-service/');
  expect(urls).toHaveLength(pages.length - 2); // the copy and the 404 page
  const [xml] = sitemapFiles(sitemapEntries(pages, archive), 'https://example.org/news/');
  expect(xml?.contents).toContain(`<loc>https://example.org/news/${ORIGINAL.url}</loc><lastmod>2005-01-20</lastmod>`);
  expect(xml?.contents).not.toContain(COPY.url);
});
