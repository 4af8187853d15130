/**
 * The search page merges the index's bundles all at once. Pagefind UI's own mergeIndex option
 * loads them one after another (each bundle's entry, then its metadata, then the next bundle's):
 * with 32 bundles (52,000 articles) a first search took ~3.8 s on this machine against ~1.7 s with
 * them merged at once, ~5.3 s against ~2.5 s over a 50 ms link. Built here with four articles a
 * search shard, so the sample site's thirteen listed articles make four bundles.
 */
import path from 'node:path';
import fg from 'fast-glob';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openBrowserSite, type BrowserSite } from './harness/browser-site.ts';
import { searchUrl } from '../../src/urls.ts';
import { bundleFragments } from '../outputs/search-bundle.ts';

let s: BrowserSite;
/** The words of each bundle's articles, by bundle folder, and the site-relative URLs it indexed. */
let bundles: Map<string, { words: Set<string>; urls: string[] }>;
beforeAll(async () => {
  s = await openBrowserSite({ basePath: '/news/', searchShardSize: 4 });
  bundles = new Map();
  for (const dir of ['pagefind/', ...(await fg('pagefind-*/', { cwd: s.site.outDir, onlyDirectories: true, markDirectories: true }))]) {
    const fragments = await bundleFragments(path.join(s.site.outDir, dir));
    bundles.set(dir, { words: new Set(fragments.flatMap((f) => f.content.toLowerCase().match(/\p{L}+/gu) ?? [])), urls: fragments.map((f) => f.url) });
  }
});
afterAll(async () => {
  await s?.close();
});

test('every bundle is asked for before any has loaded, and a first search finds hits from all of them', async () => {
  const merged = [...bundles.keys()].filter((dir) => dir !== 'pagefind/');
  expect(merged.length).toBeGreaterThanOrEqual(3);
  // A word every bundle has, so each must answer for the hits to be complete.
  const everywhere = [...bundles.values()].map((b) => b.words).reduce((a, b) => new Set([...a].filter((w) => b.has(w))));
  const word = everywhere.has('said') ? 'said' : [...everywhere].filter((w) => w.length >= 5).sort()[0];
  expect(word).toBeDefined();

  const page = await s.newPage();
  // The order events came in: each merged bundle's entry asked for, and its metadata loaded.
  let clock = 0;
  const asked = new Map<string, number>();
  const loaded = new Map<string, number>();
  page.on('request', (request) => {
    const bundle = /\/(pagefind-\d+)\/pagefind-entry\.json$/.exec(new URL(request.url()).pathname)?.[1];
    if (bundle !== undefined) asked.set(`${bundle}/`, ++clock);
  });
  page.on('requestfinished', (request) => {
    const bundle = /\/(pagefind-\d+)\/pagefind\.[^/]+\.pf_meta$/.exec(new URL(request.url()).pathname)?.[1];
    if (bundle !== undefined) loaded.set(`${bundle}/`, ++clock);
  });
  await page.goto(`${s.server.url(searchUrl())}?q=${word}`);
  const hits = page.locator('#search .pagefind-ui__result-link');
  await hits.first().waitFor({ timeout: 15_000 });

  expect([...asked.keys()].sort()).toEqual(merged.sort());
  expect([...loaded.keys()].sort()).toEqual(merged.sort());
  // One after another, the second bundle would be asked for only once the first had loaded.
  expect(Math.max(...asked.values())).toBeLessThan(Math.min(...loaded.values()));

  // Every hit shown, then each bundle has one among them.
  const more = page.locator('#search .pagefind-ui__button');
  while (await more.count()) await more.first().click();
  const hrefs = await hits.evaluateAll((links) => links.map((a) => new URL((a as { href: string }).href).pathname));
  for (const [dir, bundle] of bundles) {
    expect(
      hrefs.some((href) => bundle.urls.some((url) => href === `/news${url}`)),
      `a hit from ${dir}`,
    ).toBe(true);
  }
  expect(s.server.notFound).toEqual([]);
  expect(s.scriptEvents).toEqual([]);
});
