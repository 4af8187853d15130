/** The coverage timeline: inline SVG bars per month (years for long spans), linked, titled, with a text summary. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { buildReaderSite, CONTENT_SPECS, LISTED_SPECS, type ReaderSite } from './reader-site.ts';
import { MAX_MONTHS, coverageChart } from '../../src/render/coverage-chart.ts';

let site: ReaderSite;
beforeAll(async () => {
  site = await buildReaderSite();
});
afterAll(() => site?.cleanup());

async function chartOf(file: string): Promise<HTMLElement | null> {
  return parse(await site.read(file)).querySelector('section.coverage');
}

/** The site file an href under /news/ names. */
const fileOf = (href: string): string => path.join(site.outDir, href.slice('/news/'.length), 'index.html');

describe('on the built site', () => {
  it('a topic page draws one linked bar per month with articles, each bar naming its month and count', async () => {
    // Business is declared only on BBC articles of January and February 2005.
    const business = CONTENT_SPECS.filter((s) => s.topics?.includes('Business'));
    const months = new Map<string, number>();
    for (const s of business) months.set(s.date.slice(0, 7), (months.get(s.date.slice(0, 7)) ?? 0) + 1);
    const api: Array<{ topics: string[] }> = JSON.parse(await site.read('api/articles.json'));
    expect(api.filter((r) => r.topics.includes('Business'))).toHaveLength(business.length);
    const chart = await chartOf('topics/business/index.html');
    const svg = chart?.querySelector('svg');
    expect(svg?.getAttribute('aria-labelledby')).toBe('coverage-title');
    expect(svg?.querySelector('#coverage-title')?.textContent).toBe('Articles per month, January 2005 to February 2005');
    const bars = svg?.querySelectorAll('a') ?? [];
    expect(bars.map((a) => a.getAttribute('href'))).toEqual([...months.keys()].sort().map((m) => `/news/${m.replace('-', '/')}/`));
    expect(bars.map((a) => a.getAttribute('aria-label'))).toEqual([...months.keys()].sort().map((m) => `${m === '2005-01' ? 'January' : 'February'} 2005: ${months.get(m) === 1 ? '1 article' : `${months.get(m)} articles`}`));
    for (const a of bars) expect(existsSync(fileOf(a.getAttribute('href') ?? '')), a.getAttribute('href')).toBe(true);
    // The text fallback says the same in words.
    expect(chart?.querySelector('figcaption')?.textContent).toBe(`${business.length} articles with a date, from January 2005 to February 2005; at most 1 article a month.`);
    // Wide bars get their month's short name; the year is written once, under its first month.
    expect(svg?.querySelectorAll('text').map((t) => t.textContent)).toEqual(['Jan', 'Feb', '2005']);
  });

  it('the home page spans 2004 to 2024, so its bars are years linking to year pages', async () => {
    const svg = (await chartOf('index.html'))?.querySelector('svg');
    expect(svg?.querySelector('title')?.textContent).toBe('Articles per year, 2004 to 2024');
    const hrefs = svg?.querySelectorAll('a').map((a) => a.getAttribute('href') ?? '') ?? [];
    expect(hrefs).toEqual(['/news/2004/', '/news/2005/', '/news/2024/']);
    for (const href of hrefs) expect(existsSync(fileOf(href))).toBe(true);
  });

  it('person, place and source pages have a chart on their first page only', async () => {
    expect(await chartOf('people/tony-blair/index.html')).not.toBeNull();
    expect(await chartOf('places/london/index.html')).not.toBeNull();
    expect(await chartOf('sources/bbc-news/index.html')).not.toBeNull();
    expect(existsSync(path.join(site.outDir, 'sources/bbc-news/page/2/index.html'))).toBe(true);
    expect(await chartOf('sources/bbc-news/page/2/index.html')).toBeNull();
  });

  it('needs no JavaScript: no script element in the chart', async () => {
    expect((await chartOf('index.html'))?.querySelectorAll('script')).toHaveLength(0);
  });
});

describe('coverageChart', () => {
  // The dates the home page's chart counts: near-copies are not counted again.
  const dates = LISTED_SPECS.map((s) => s.date);

  it('keeps empty months as gaps: no bar, but room in the span', () => {
    const chart = coverageChart([...dates, '2005-06-01', null], '/');
    expect(chart?.unit).toBe('month');
    // November 2004 to June 2005 is eight months; March to May 2005 have no articles.
    expect(chart?.bars.map((b) => b.label)).toEqual(['November 2004', 'December 2004', 'January 2005', 'February 2005', 'June 2005']);
    const slot = (chart?.width ?? 0) / 8;
    expect(chart?.bars.at(-1)?.x).toBeGreaterThan(7 * slot);
    expect(chart?.bars.every((b) => b.y + b.height === chart.baseline)).toBe(true);
  });

  it('names the busiest month when one stands out', () => {
    expect(coverageChart(dates, '/')?.summary).toBe('10 articles with a date, from November 2004 to February 2005; the busiest month was January 2005 with 5 articles.');
  });

  it('scales bars to the busiest month and keeps a one-article month visible', () => {
    const many = Array.from({ length: 200 }, () => '2005-01-10');
    const chart = coverageChart([...many, '2005-03-02'], '/');
    const [jan, mar] = chart?.bars ?? [];
    expect(jan?.height).toBeGreaterThan(50);
    expect(mar?.height).toBeGreaterThanOrEqual(2);
  });

  it('links a bar only when its month or year has a page', () => {
    const months = coverageChart(dates, '/news/', (key) => key !== '2005/01')?.bars ?? [];
    expect(months.map((b) => [b.label, b.href])).toEqual([
      ['November 2004', '/news/2004/11/'],
      ['December 2004', '/news/2004/12/'],
      ['January 2005', null],
      ['February 2005', '/news/2005/02/'],
    ]);
    const years = coverageChart(['1990-05-01', ...dates], '/news/', (key) => key !== '1990')?.bars ?? [];
    expect(years.map((b) => b.href)).toEqual([null, '/news/2004/', '/news/2005/']);
  });

  it(`switches to years past ${MAX_MONTHS} months, and says nothing without a dated article`, () => {
    expect(coverageChart(['1990-05-01', ...dates], '/news/')?.unit).toBe('year');
    expect(coverageChart([...dates], '/news/')?.unit).toBe('month');
    expect(coverageChart([null, null], '/')).toBeNull();
  });
});
