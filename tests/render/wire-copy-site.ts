/** The renderer and pages of a small site with one real near-copy (tests/archive/wire-copies.ts), two cards a page. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../src/content/article.ts';
import type { Page } from '../../src/render/page.ts';
import { buildArchive } from '../../src/archive/build-archive.ts';
import { resolveConfig } from '../../src/config/config.ts';
import { createNunjucksEnv } from '../../src/render/nunjucks-env.ts';
import { PageRenderer } from '../../src/render/render-page.ts';
import { planPages } from '../../src/render/plan-pages.ts';
import { COPY, ORIGINAL } from '../archive/wire-copies.ts';

const TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');

/** A renderer of `articles` (the copy marked a near-copy of the original) and every page of its site. */
export function wireCopySite(articles: readonly Article[]): { readonly renderer: PageRenderer; readonly pages: readonly Page[] } {
  const config = resolveConfig('/project', { pageSize: 2, siteUrl: 'https://example.org/news/' });
  const archive = buildArchive(articles, new Map([[COPY.id, [ORIGINAL.id]]]));
  return { renderer: new PageRenderer(createNunjucksEnv(TEMPLATES, config.basePath), archive, config), pages: [...planPages(archive, config.pageSize)] };
}
