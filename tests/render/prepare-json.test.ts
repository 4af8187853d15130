/**
 * PageRenderer.prepareJson(): the JSON a worker renders and a page's key hashes. It splices in
 * card JSON made once per article, and must give exactly the text JSON.stringify gives for the
 * prepared page, on every page kind, on a near-copy's page (whose cards differ from the shared
 * ones) and when an article's text happens to look like the splice's own mark.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/content/article.ts';
import { buildArchive } from '../../src/archive/build-archive.ts';
import { resolveConfig } from '../../src/config/config.ts';
import { createNunjucksEnv } from '../../src/render/nunjucks-env.ts';
import { PageRenderer } from '../../src/render/render-page.ts';
import { planPages } from '../../src/render/plan-pages.ts';
import { COPY, ORIGINAL, WITH_COPY } from '../archive/wire-copies.ts';

const TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');

function site(articles: readonly Article[]) {
  const config = resolveConfig('/project', { pageSize: 2, siteUrl: 'https://example.org/news/' });
  const archive = buildArchive(articles, new Map([[COPY.id, [ORIGINAL.id]]]));
  return { renderer: new PageRenderer(createNunjucksEnv(TEMPLATES, config.basePath), archive, config), pages: [...planPages(archive, config.pageSize)] };
}

describe('prepareJson', () => {
  it('gives JSON.stringify(prepare(page)) for every page, asked twice (the second time from kept card JSON)', () => {
    const { renderer, pages } = site(WITH_COPY);
    const kinds = new Set(pages.map((p) => p.kind));
    expect([...kinds].sort()).toEqual(['archive', 'article', 'home', 'month', 'not-found', 'search', 'taxonomy', 'term', 'undated', 'year']);
    for (const round of [1, 2]) {
      for (const page of pages) expect(renderer.prepareJson(page), `${page.url} (round ${round})`).toBe(JSON.stringify(renderer.prepare(page)));
    }
  });

  it('keeps the near-copy’s own page from listing itself among its original’s copies', () => {
    const { renderer, pages } = site(WITH_COPY);
    const copyPage = pages.find((p) => p.kind === 'article' && p.id === COPY.id)!;
    const original = JSON.parse(renderer.prepareJson(copyPage)).context.article.original as { id: string; copies: unknown[] };
    expect(original.id).toBe(ORIGINAL.id);
    expect(original.copies).toEqual([]);
  });

  it('falls back to plain JSON when a text of the page reads like a card mark', () => {
    // A title of NUL + "card:0", which JSON writes as the mark of the page's first card.
    const marked = WITH_COPY.map((a) => (a.id === ORIGINAL.id ? { ...a, title: '\0card:0' } : a));
    const { renderer, pages } = site(marked);
    const listing = pages.filter((p) => p.kind === 'term' || p.kind === 'article' || p.kind === 'home');
    expect(listing.length).toBeGreaterThan(5);
    for (const page of listing) expect(renderer.prepareJson(page), page.url).toBe(JSON.stringify(renderer.prepare(page)));
  });
});
