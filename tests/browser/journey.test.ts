/** A reader's journey through the sample site in Chromium, by clicking links found by role and name. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { ApiRecord } from '../e2e/site-fixture.ts';
import { openBrowserSite, type BrowserSite } from './harness/browser-site.ts';
import { sampleArticle } from './harness/sample-site.ts';
import { slugify } from '../../src/text/slugify.ts';
import { monthUrl, termUrl } from '../../src/urls.ts';

let s: BrowserSite;
beforeAll(async () => {
  s = await openBrowserSite();
});
afterAll(async () => {
  await s?.close();
});

/** Clicks `link` and waits until the page at `url` has loaded; returns its h1 text. */
async function follow(page: Page, link: Locator, url: string): Promise<string> {
  await link.click();
  await page.waitForURL(url);
  return (await page.getByRole('heading', { level: 1 }).innerText()).trim();
}

/** The link with exactly this accessible name whose href contains `hrefPart` (names alone repeat: "Russia" is a topic and a place). */
function linkTo(page: Page, name: string, hrefPart: string): Locator {
  return page.getByRole('link', { name, exact: true }).and(page.locator(`a[href*="${hrefPart}"]`)).first();
}

/** The article's "Next"/"Previous" link, found by the navigation's name and the link's, which ends with the title it leads to. */
function adjacent(page: Page, word: 'Next' | 'Previous', title: string): Locator {
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByRole('navigation', { name: /previous and next/i }).getByRole('link', { name: new RegExp(`${word}.*${escaped}$`) });
}

test('front page → topic → article → next, next, previous → month → source, all by clicking', async () => {
  // Three declared BBC articles of January 2005, one after the other in time.
  const [a, b, c] = ['politics/russian-ex-spy-on-hunger-strike.txt', 'politics/nuclear-strike-key-terror-risk.txt', 'politics/blair-sees-greater-bush-consensus.txt'].map(
    (file) => sampleArticle(s.site, file).record,
  ) as [ApiRecord, ApiRecord, ApiRecord];
  const page = await s.newPage();

  await page.goto(s.server.url(''));
  expect(await page.title()).toBe('Broadsheet');

  const topic = await follow(page, linkTo(page, 'Russia', '/topics/'), s.server.url(termUrl('topics', slugify('Russia'))));
  expect(topic).toBe('Russia');

  expect(await follow(page, page.getByRole('link', { name: a.title, exact: true }).first(), s.at(a.url))).toBe(a.title);
  // Next is newer, Previous older; each link names the article it leads to.
  expect(await follow(page, adjacent(page, 'Next', b.title), s.at(b.url))).toBe(b.title);
  expect(await follow(page, adjacent(page, 'Next', c.title), s.at(c.url))).toBe(c.title);
  expect(await follow(page, adjacent(page, 'Previous', b.title), s.at(b.url))).toBe(b.title);

  const month = await follow(page, page.getByRole('link', { name: 'January 2005' }).first(), s.server.url(monthUrl('2005', '01')));
  expect(month).toContain('January 2005');
  for (const article of [a, b, c]) expect(await page.getByRole('link', { name: article.title, exact: true }).count()).toBe(1);

  expect(await follow(page, linkTo(page, 'BBC News', '/sources/'), s.server.url(termUrl('sources', slugify('BBC News'))))).toBe('BBC News');
  for (const article of [a, b, c]) expect(await page.getByRole('link', { name: article.title, exact: true }).count()).toBe(1);

  expect(s.server.notFound).toEqual([]);
  expect(s.scriptEvents).toEqual([]);
});

test('the seeds link to their sources, their topics and their month', async () => {
  const page = await s.newPage();
  const seed = (file: string): string => s.at(s.site.record(file).url);

  await page.goto(seed('003_8d78b157a282ba9e.txt'));
  const title = 'Russia distances itself from potential Iran-U.S. conflict despite strategic ties';
  expect((await page.getByRole('heading', { level: 1 }).innerText()).trim()).toBe(title);
  expect(await follow(page, linkTo(page, 'DDM News', '/sources/'), s.server.url(termUrl('sources', slugify('DDM News'))))).toBe('DDM News');
  expect(await page.getByRole('link', { name: title, exact: true }).count()).toBe(1);

  await page.goto(seed('001_63d6e588ad32ed8a.txt'));
  expect(await follow(page, linkTo(page, 'The Moscow Times', '/sources/'), s.server.url(termUrl('sources', slugify('The Moscow Times'))))).toBe('The Moscow Times');

  await page.goto(seed('000_c7242acd748ee215.txt'));
  expect(await follow(page, page.getByRole('link', { name: 'January 2024' }).first(), s.server.url(monthUrl('2024', '01')))).toContain('January 2024');
  expect(await page.locator(`a[href="${s.site.record('000_c7242acd748ee215.txt').url}"]`).count()).toBeGreaterThan(0);

  for (const file of ['000_c7242acd748ee215.txt', '001_63d6e588ad32ed8a.txt', '003_8d78b157a282ba9e.txt']) {
    await page.goto(seed(file));
    for (const name of ['Russia', 'Iran', 'United States']) {
      expect(await linkTo(page, name, '/topics/').count(), `${file} links to the topic ${name}`).toBe(1);
    }
  }
  expect(s.server.notFound).toEqual([]);
  expect(s.scriptEvents).toEqual([]);
});
