/**
 * Pages of an archive with a real near-copy (tests/archive/wire-copies.ts), rendered through the
 * project's templates: the copy has its own page that names its original (notice, canonical link,
 * JSON-LD), the original lists its copy, and no list shows the copy as news of its own.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, type HTMLElement } from 'node-html-parser';
import { HtmlValidate } from 'html-validate';
import type { Article } from '../../src/content/article.ts';
import { buildArchive } from '../../src/archive/build-archive.ts';
import { resolveConfig } from '../../src/config/config.ts';
import { createNunjucksEnv } from '../../src/render/nunjucks-env.ts';
import { PageRenderer } from '../../src/render/render-page.ts';
import { planPages } from '../../src/render/plan-pages.ts';
import { COPY, ORIGINAL, OTHERS, WITH_COPY } from '../archive/wire-copies.ts';

const TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');
const SITE_URL = 'https://example.org/news/';

/** A site of the given articles, rendered on demand; `siteUrl: null` renders without a site URL. */
function site(articles: readonly Article[], siteUrl: string | null = SITE_URL) {
  const config = resolveConfig('/project', { pageSize: 20, ...(siteUrl === null ? { basePath: '/news/' } : { siteUrl }) });
  const archive = buildArchive(articles, new Map([[COPY.id, [ORIGINAL.id]]]));
  const renderer = new PageRenderer(createNunjucksEnv(TEMPLATES, config.basePath), archive, config);
  const pages = [...planPages(archive, config.pageSize)];
  const html = (url: string): string => {
    const page = pages.find((p) => p.url === url);
    if (page === undefined) throw new Error(`no page ${url}`);
    return renderer.render(page);
  };
  return { pages, html, doc: (url: string): HTMLElement => parse(html(url)) };
}

const s = site(WITH_COPY);
const href = (a: Article): string => `/news/${a.url}`;
/** Hrefs of the article cards a list page shows (the card titles), not other links. */
const cardHrefs = (doc: HTMLElement): string[] => doc.querySelectorAll('.card__title a').map((a) => a.getAttribute('href') ?? '');
/** The e2e suite's rules (tests/e2e/validate-html.test.ts): the recommended preset and whole-document rules. */
const validator = (): HtmlValidate =>
  new HtmlValidate({
    extends: ['html-validate:recommended', 'html-validate:document'],
    rules: { 'require-sri': ['error', { target: 'crossorigin' }], 'long-title': 'off', 'no-trailing-whitespace': 'off' },
  });
const jsonLd = (doc: HTMLElement): Record<string, any> => JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? 'null');

describe('lists', () => {
  it('leave the copy out of the home page, topic, place, month and archive-wide counts', () => {
    for (const url of ['', 'topics/economy/', 'topics/china/', 'places/beijing/', 'sources/bbc-news/', '2005/', '2005/01/']) {
      const cards = cardHrefs(s.doc(url));
      expect(cards, url).toContain(href(ORIGINAL));
      expect(cards, url).not.toContain(href(COPY));
    }
    const home = s.doc('');
    expect(home.querySelector('.lede')?.textContent).toContain('5 articles');
    // The coverage timeline counts the story once too.
    const datedStories = WITH_COPY.filter((a) => a.date !== null && a.id !== COPY.id).length;
    expect(COPY.date).not.toBeNull();
    expect(home.querySelector('figcaption')?.textContent).toMatch(new RegExp(`^${datedStories} articles with a date\\b`));
    const economy = s.doc('topics/').querySelectorAll('a').find((a) => a.textContent.trim() === 'Economy');
    expect(economy?.parentNode?.textContent).toMatch(/\b3\b/);
  });

  it('show "Also published" on the original’s card, linking the copy by its source', () => {
    const card = s.doc('topics/economy/').querySelectorAll('.card').find((c) => c.querySelector('.card__title a')?.getAttribute('href') === href(ORIGINAL));
    const also = card?.querySelector('.card__copies');
    expect(also?.textContent).toContain('Also published: BBC World Service');
    expect(also?.querySelector('a')?.getAttribute('href')).toBe(href(COPY));
  });

  it('keep the copy on its own source’s page, marked as a near-copy of the original', () => {
    const doc = s.doc('sources/bbc-world-service/');
    expect(cardHrefs(doc)).toEqual([href(COPY)]);
    const mark = doc.querySelector('.card__copies');
    expect(mark?.textContent).toContain(`Near-copy of ${ORIGINAL.title}`);
    expect(mark?.querySelector('a')?.getAttribute('href')).toBe(href(ORIGINAL));
  });
});

describe('the copy’s page', () => {
  const doc = s.doc(COPY.url);

  it('exists at its own URL and says near the top that it is a copy of the original, with source and date', () => {
    expect(doc.querySelector('h1')?.textContent).toBe(COPY.title);
    const notice = doc.querySelector('.article__header .copy-notice');
    expect(notice?.textContent).toContain(`copy of ${ORIGINAL.title} (BBC News, 20 January 2005)`);
    expect(notice?.querySelector('a')?.getAttribute('href')).toBe(href(ORIGINAL));
  });

  it('names the original as canonical URL (also og:url) and in JSON-LD as the work it is based on', () => {
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${SITE_URL}${ORIGINAL.url}`);
    expect(doc.querySelector('meta[property="og:url"]')?.getAttribute('content')).toBe(`${SITE_URL}${ORIGINAL.url}`);
    const data = jsonLd(doc);
    expect(data['@type']).toBe('NewsArticle');
    expect(data.url).toBe(`${SITE_URL}${COPY.url}`);
    expect(data.publisher).toEqual({ '@type': 'Organization', name: 'BBC World Service' });
    expect(data.isBasedOn).toEqual({ '@type': 'NewsArticle', url: `${SITE_URL}${ORIGINAL.url}`, headline: ORIGINAL.title, datePublished: '2005-01-20', publisher: { '@type': 'Organization', name: 'BBC News' } });
    expect(data.sameAs).toBeUndefined();
  });

  it('names the original as canonical even without a site URL, under the base path', () => {
    const local = site(WITH_COPY, null).doc(COPY.url);
    expect(local.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(href(ORIGINAL));
    expect(local.querySelector('meta[property="og:url"]')).toBeNull();
    expect(jsonLd(local).isBasedOn.url).toBeUndefined();
    expect(site(WITH_COPY, null).doc(ORIGINAL.url).querySelector('link[rel="canonical"]')).toBeNull();
  });

  it('never links to itself: its original’s card, in the related list or the story box, does not list this page as “Also published”', () => {
    const own = (page: HTMLElement): string[] => page.querySelectorAll(`a[href="${href(COPY)}"]`).map((a) => a.closest('section, p')?.getAttribute('class') ?? '');
    // The relate stage's related list of the copy holds its original.
    expect(cardHrefs(doc.querySelector('.related')!)).toContain(href(ORIGINAL));
    expect(own(doc)).toEqual([]);
    const nuclear = OTHERS[1]!;
    const story = { id: nuclear.id, articleIds: [nuclear.id, ORIGINAL.id] };
    const withStory = site([...WITH_COPY.filter((a) => a.id !== ORIGINAL.id && a.id !== nuclear.id && a.id !== COPY.id), { ...nuclear, story }, { ...ORIGINAL, story }, { ...COPY, story }]);
    const copyPage = withStory.doc(COPY.url);
    expect(cardHrefs(copyPage.querySelector('.story')!)).toContain(href(ORIGINAL));
    expect(own(copyPage)).toEqual([]);
    // Elsewhere the original's card still names the copy.
    const originalCard = withStory.doc(nuclear.url).querySelectorAll('.card').find((c) => c.querySelector('.card__title a')?.getAttribute('href') === href(ORIGINAL));
    expect(originalCard?.querySelector('.card__copies a')?.getAttribute('href')).toBe(href(COPY));
  });

  it('leads on with its original’s neighbours', () => {
    expect(doc.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe(href(OTHERS[1]!));
    expect(doc.querySelector('a[rel="next"]')?.getAttribute('href')).toBe(href(OTHERS[2]!));
  });

  it('links only pages that exist, even when its own month has no page', () => {
    const later = site([...OTHERS, ORIGINAL, { ...COPY, date: '2005-02-02' }]);
    const known = new Set(later.pages.map((p) => `/news/${p.url}`));
    const copyPage = later.doc(COPY.url);
    const internal = copyPage.querySelectorAll('a[href^="/news/"]').map((a) => a.getAttribute('href') ?? '');
    expect(internal.filter((h) => !known.has(h.split('#')[0]!))).toEqual([]);
    expect(internal).not.toContain('/news/2005/02/');
    expect(copyPage.querySelectorAll('.breadcrumbs a').map((a) => a.getAttribute('href'))).toEqual(['/news/', '/news/archive/', '/news/2005/']);
  });

  it('is charted on its own source’s page, its month drawn without a link when the month has no page', async () => {
    const later = site([...OTHERS, ORIGINAL, { ...COPY, date: '2005-02-02' }]);
    const known = new Set(later.pages.map((p) => `/news/${p.url}`));
    const html = later.html('sources/bbc-world-service/');
    const chart = parse(html).querySelector('.coverage svg');
    expect(chart?.querySelector('title')?.textContent).toBe('Articles per month, February 2005');
    expect(chart?.querySelectorAll('a')).toHaveLength(0);
    expect(chart?.querySelector('g[role="img"]')?.getAttribute('aria-label')).toBe('February 2005: 1 article');
    const topic = parse(later.html('topics/economy/')).querySelectorAll('.coverage a').map((a) => a.getAttribute('href') ?? '');
    expect(topic.length).toBeGreaterThan(0);
    expect(topic.filter((h) => !known.has(h))).toEqual([]);
    const report = await validator().validateString(html, 'sources/bbc-world-service/index.html');
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`))).toEqual([]);
  });
});

describe('the original’s page', () => {
  const doc = s.doc(ORIGINAL.url);

  it('lists its copy in the story box, with source and date', () => {
    const story = doc.querySelector('.story');
    expect(story?.querySelector('h2')?.textContent).toBe('Also published');
    const item = story?.querySelector('.story__copies li');
    expect(item?.textContent).toBe(`BBC World Service: ${COPY.title} · 21 January 2005`);
    expect(item?.querySelector('a')?.getAttribute('href')).toBe(href(COPY));
  });

  it('lists its copy after the other reports when the story has some; the copy’s page lists those reports, the original first', () => {
    const nuclear = OTHERS[1]!;
    const story = { id: nuclear.id, articleIds: [nuclear.id, ORIGINAL.id] };
    const withStory = site([...WITH_COPY.filter((a) => a.id !== ORIGINAL.id && a.id !== nuclear.id && a.id !== COPY.id), { ...nuclear, story }, { ...ORIGINAL, story }, { ...COPY, story }]);
    const box = withStory.doc(ORIGINAL.url).querySelector('.story');
    expect(box?.querySelector('h2')?.textContent).toBe('2 reports on this story');
    expect(box?.querySelectorAll('.card__title a').map((a) => a.getAttribute('href'))).toEqual([href(nuclear)]);
    expect(box?.querySelector('.story__copies-intro')?.textContent).toBe('Also published:');
    expect(box?.querySelector('.story__copies a')?.getAttribute('href')).toBe(href(COPY));
    const copyBox = withStory.doc(COPY.url).querySelector('.story');
    expect(copyBox?.querySelectorAll('.card__title a').map((a) => a.getAttribute('href'))).toEqual([href(nuclear), href(ORIGINAL)]);
    expect(copyBox?.querySelector('.story__copies')).toBeNull();
  });

  it('keeps its own canonical URL and no isBasedOn', () => {
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${SITE_URL}${ORIGINAL.url}`);
    expect(jsonLd(doc).isBasedOn).toBeUndefined();
    expect(doc.querySelector('.copy-notice')).toBeNull();
  });
});

it('renders valid HTML for the copy, its original and the lists that mention them', async () => {
  const problems: string[] = [];
  for (const url of ['', COPY.url, ORIGINAL.url, 'sources/bbc-world-service/', 'topics/economy/']) {
    const report = await validator().validateString(s.html(url), url || 'index.html');
    for (const result of report.results) for (const m of result.messages) problems.push(`${url}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
  }
  expect(problems).toEqual([]);
});
