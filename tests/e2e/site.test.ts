/**
 * End to end: the three real seeds built into a temp folder, and the HTML of every page kind
 * checked. Assertions about topics and entities follow whatever the enricher found (read from the
 * JSON API), so they hold before and after it lands; tests/e2e/site-terms.test.ts covers term
 * pages deterministically with declared front matter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from './site-fixture.ts';
import { checkLinks, htmlPages, pageUrlOf } from './check-links.ts';
import { countIn, expectWellFormedPage, textOf } from './page-checks.ts';
import { termSlug } from '../../src/archive/group-by-term.ts';

const DATED = '000_c7242acd748ee215.txt';
const UNDATED = ['001_63d6e588ad32ed8a.txt', '003_8d78b157a282ba9e.txt'];

let site: BuiltSite;
beforeAll(async () => {
  site = await buildSite();
});
afterAll(async () => {
  await site?.cleanup();
});

/** The hrefs of the article links in a page's lists. */
async function cardHrefs(href: string): Promise<string[]> {
  return (await site.page(href)).querySelectorAll('.article-list .card__title a').map((a) => a.getAttribute('href') ?? '');
}

describe('the seed site', () => {
  it('builds all three seeds into one page each', () => {
    expect(site.result.articles).toBe(3);
    expect(site.api.map((r) => r.sourceFile).sort()).toEqual([DATED, ...UNDATED]);
    for (const record of site.api) expect(site.exists(record.url), record.url).toBe(true);
  });

  it('has every page kind, each well formed', async () => {
    const kinds = new Map<string, string>();
    for (const page of await htmlPages(site.outDir)) {
      const root = await site.page(pageUrlOf(site.basePath, page));
      expectWellFormedPage(root, page);
      const kind = /page-([a-z-]+)/.exec(root.querySelector('body')?.getAttribute('class') ?? '')?.[1] ?? '?';
      if (!kinds.has(kind)) kinds.set(kind, page);
    }
    expect([...kinds.keys()].sort()).toEqual(expect.arrayContaining(['archive', 'article', 'home', 'month', 'not-found', 'search', 'taxonomy', 'undated', 'year']));
  });

  it('home: latest articles, timeline of years and months, undated count', async () => {
    const home = await site.page(site.href(''));
    expect(textOf(home.querySelector('h1'))).toBe('Broadsheet');
    expect(home.querySelector('title')?.text).toBe('Broadsheet');
    const latest = home.querySelectorAll('.home__latest .card__title a').map((a) => a.getAttribute('href'));
    // Newest first: the one dated seed, then the undated ones by id.
    expect(latest).toEqual([site.record(DATED).url, ...UNDATED.map((f) => site.record(f).url)]);
    const timeline = home.querySelector('.timeline');
    expect(timeline?.querySelector(`a[href="${site.href('2024/')}"]`)).not.toBeNull();
    expect(textOf(timeline?.querySelector(`a[href="${site.href('2024/01/')}"]`) ?? null)).toBe('January 2024');
    const undated = home.querySelector('.timeline__undated');
    expect(undated?.querySelector('a')?.getAttribute('href')).toBe(site.href('undated/'));
    expect(textOf(undated ?? null)).toContain('2 articles');
    expect(home.querySelector('a.site-title')?.getAttribute('aria-current')).toBe('page');
  });

  it('article page: title, date, body, reading time, breadcrumbs, neighbours, removed text', async () => {
    const record = site.record(DATED);
    const page = await site.page(record.url);
    expect(textOf(page.querySelector('h1'))).toBe(record.title);
    // The <title> keeps to 70 characters: a long headline is cut at a word boundary there, never in the h1.
    const title = page.querySelector('title')?.text ?? '';
    expect(title.length).toBeLessThanOrEqual(70);
    expect(title.endsWith(' · Broadsheet')).toBe(true);
    expect(record.title.startsWith(title.slice(0, -' · Broadsheet'.length).replace(/…$/, ''))).toBe(true);
    expect(page.querySelector('.article__header time')?.getAttribute('datetime')).toBe('2024-01-30');
    expect(textOf(page.querySelector('.reading-time'))).toMatch(/^\d+ min read$/);
    const body = textOf(page.querySelector('.article__body'));
    expect(body).toContain('Dmitry Peskov');
    expect(body).not.toContain('date 2024-01-30');
    // The removed prefix is kept under the "source text" disclosure.
    const disclosure = page.querySelector('details.source-text');
    expect(textOf(disclosure?.querySelector('dl') ?? null)).toContain('date 2024-01-30');
    expect(disclosure?.querySelector('code')?.text).toBe(DATED);
    const crumbs = page.querySelectorAll('.breadcrumbs a').map((a) => a.getAttribute('href'));
    expect(crumbs).toEqual([site.href(''), site.href('archive/'), site.href('2024/'), site.href('2024/01/')]);
    // Reading order: the dated article comes first, so it has only a "next".
    expect(page.querySelector('.prev-next a[rel="prev"]')).toBeNull();
    expect(page.querySelector('.prev-next a[rel="next"]')?.getAttribute('href')).toBe(site.record(UNDATED[0]!).url);
  });

  it('an undated article links to the undated page and to its neighbours both ways', async () => {
    const page = await site.page(site.record(UNDATED[0]!).url);
    expect(page.querySelector('.article__header .meta a')?.getAttribute('href')).toBe(site.href('undated/'));
    expect(page.querySelector('.prev-next a[rel="prev"]')?.getAttribute('href')).toBe(site.record(DATED).url);
    expect(page.querySelector('.prev-next a[rel="next"]')?.getAttribute('href')).toBe(site.record(UNDATED[1]!).url);
    expect(page.querySelectorAll('.breadcrumbs a').map((a) => a.getAttribute('href'))).toEqual([site.href(''), site.href('archive/'), site.href('undated/')]);
  });

  it('every term an article names links to a term page that lists the article', async () => {
    for (const record of site.api) {
      const page = await site.page(record.url);
      const facetLinks = page.querySelectorAll('.facets .tags a').map((a) => ({ label: textOf(a), href: a.getAttribute('href') ?? '' }));
      const names = [...record.topics, ...record.people, ...record.places, ...record.organizations];
      expect(facetLinks.map((l) => l.label).sort()).toEqual([...names].sort());
      const sourceLink = page.querySelector('.article__header .meta a[href*="/sources/"]');
      if (record.source === null) expect(sourceLink).toBeNull();
      else expect(textOf(sourceLink)).toBe(record.source);
      for (const href of [...facetLinks.map((l) => l.href), ...(sourceLink ? [sourceLink.getAttribute('href') ?? ''] : [])]) {
        expect(await cardHrefs(href), `${href} lists ${record.url}`).toContain(record.url);
      }
    }
  });

  it('taxonomy indexes list every term with its count, or say there are none', async () => {
    for (const [taxonomy, label] of [['topics', 'Topics'], ['people', 'People'], ['places', 'Places'], ['organizations', 'Organisations'], ['sources', 'Sources']] as const) {
      const page = await site.page(site.href(`${taxonomy}/`));
      expect(textOf(page.querySelector('h1'))).toBe(label);
      expect(page.querySelector(`.site-nav a[href="${site.href(`${taxonomy}/`)}"]`)?.getAttribute('aria-current')).toBe('page');
      const names = new Set(site.api.flatMap((r) => (taxonomy === 'sources' ? (r.source === null ? [] : [r.source]) : r[taxonomy])));
      const items = page.querySelectorAll('.term-list li');
      if (names.size === 0) expect(textOf(page.querySelector('.empty'))).toMatch(/^No .+ yet\.$/);
      // One entry per term page: spellings that share a URL key are one term.
      else expect(items.map((li) => li.querySelector('a')?.getAttribute('href')).sort()).toEqual([...new Set([...names].map((n) => site.href(`${taxonomy}/${termSlug(n)}/`)))].sort());
      for (const li of items) expect(countIn(li)).toBeGreaterThan(0);
    }
  });

  it('year, month, archive and undated pages list the right articles', async () => {
    expect(await cardHrefs(site.href('2024/'))).toEqual([site.record(DATED).url]);
    expect(await cardHrefs(site.href('2024/01/'))).toEqual([site.record(DATED).url]);
    expect(await cardHrefs(site.href('undated/'))).toEqual(UNDATED.map((f) => site.record(f).url));
    const month = await site.page(site.href('2024/01/'));
    expect(textOf(month.querySelector('h1'))).toBe('January 2024');
    expect(month.querySelector('title')?.text).toBe('January 2024 · Broadsheet');
    expect(month.querySelector('.site-nav a[aria-current="true"]')?.getAttribute('href')).toBe(site.href('archive/'));
    expect(month.querySelector('.pager')).toBeNull(); // one page only
    const archive = await site.page(site.href('archive/'));
    expect(archive.querySelector(`.timeline a[href="${site.href('2024/01/')}"]`)).not.toBeNull();
    expect(archive.querySelector(`a[href="${site.href('undated/')}"]`)).not.toBeNull();
  });

  it('search and 404 pages', async () => {
    const search = await site.page(site.href('search/'));
    expect(textOf(search.querySelector('h1'))).toBe('Search');
    expect(search.querySelectorAll('form[role="search"]').length).toBeGreaterThan(0);
    const notFound = await site.page(site.href('404.html'));
    expect(textOf(notFound.querySelector('h1'))).toBe('Page not found');
    expect(notFound.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    // Hosts serve 404.html at any depth, so its links must not be relative.
    for (const a of notFound.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^(\/|#)/);
  });

  it('every internal link and asset resolves at the root', async () => {
    expect(await checkLinks(site.outDir, site.basePath)).toEqual([]);
  });
});
