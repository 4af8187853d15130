/**
 * Links as a reader's browser follows them: from the front page of the site served under a base
 * path, Chromium reaches every built page by following <a href> links, and nothing any page loads
 * (stylesheets, scripts, images, fonts, the search bundle) answers 404. The same links are also
 * checked file by file, at three base paths, by tests/e2e/site-links.test.ts.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openBrowserSite, type BrowserSite } from './harness/browser-site.ts';
import type { PageGlobals } from './harness/page-globals.ts';
import { htmlPages, pageUrlOf } from '../e2e/check-links.ts';

/** A sub-path: every link that forgets the base path leads out of the site and shows up as a 404. */
const BASE_PATH = '/sub/';

let s: BrowserSite;
beforeAll(async () => {
  // Two articles a page, so the crawl also walks every pager.
  s = await openBrowserSite({ basePath: BASE_PATH, pageSize: 2 });
});
afterAll(async () => {
  await s?.close();
});

test(`following links from the front page under ${BASE_PATH} reaches every page, and nothing loaded is missing`, async () => {
  const page = await s.newPage();

  const start = s.server.url('');
  const queue = [start];
  const queued = new Set(queue);
  const reached = new Set<string>();
  const idsOf = new Map<string, Set<string>>();
  const fragments: Array<{ from: string; to: string; id: string }> = [];
  const failed: string[] = [];
  for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
    const { pathname } = new URL(url);
    if (!pathname.endsWith('/') && !pathname.endsWith('.html')) {
      // Feeds, JSON and other files: fetched, not rendered, so nothing is offered as a download.
      const response = await page.request.get(url);
      if (response.status() !== 200) failed.push(`${url} → ${response.status()}`);
      continue;
    }
    const response = await page.goto(url);
    if (response?.status() !== 200) failed.push(`${url} → ${response?.status() ?? 'no response'}`);
    reached.add(new URL(page.url()).pathname);
    const found = await page.evaluate(() => {
      const { document } = globalThis as unknown as PageGlobals;
      return {
        // The attribute, not a.href: links inside inline SVG (the coverage chart) have no string href.
        links: Array.from(document.querySelectorAll('a[href]'), (a) => new URL(a.getAttribute('href') ?? '', document.baseURI).href),
        ids: Array.from(document.querySelectorAll('[id]'), (e) => e.id),
      };
    });
    idsOf.set(pathname, new Set(found.ids));
    for (const href of found.links) {
      const link = new URL(href);
      if (link.origin !== s.server.origin) continue;
      if (link.hash.length > 1) fragments.push({ from: pathname, to: link.pathname, id: decodeURIComponent(link.hash.slice(1)) });
      const target = `${link.origin}${link.pathname}`;
      if (!queued.has(target)) {
        queued.add(target);
        queue.push(target);
      }
    }
  }

  const built = (await htmlPages(s.site.outDir)).map((file) => pageUrlOf(BASE_PATH, file));
  expect(built.length).toBe(s.site.result.pages);
  expect(built).toContain(`${BASE_PATH}topics/politics/page/2/`);
  // The 404 page is what a missing address shows; nothing links to it.
  expect(built.filter((pathname) => pathname !== `${BASE_PATH}404.html` && !reached.has(pathname))).toEqual([]);
  expect(failed).toEqual([]);
  expect(s.server.notFound).toEqual([]);
  expect(fragments.filter((f) => !idsOf.get(f.to)?.has(f.id)).map((f) => `${f.from} → ${f.to}#${f.id}`)).toEqual([]);
  expect(s.scriptEvents).toEqual([]);
});
