/** Page metadata: NewsArticle JSON-LD that survives hostile titles, OpenGraph, Twitter card, canonical links. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, type HTMLElement } from 'node-html-parser';
import { buildReaderSite, CONTENT_SPECS, SITE_URL, type ReaderSite } from './reader-site.ts';
import { jsonForScript } from '../../src/render/structured-data.ts';

let site: ReaderSite;
let api: Array<{ url: string; title: string; date: string | null; sourceFile: string; source: string | null; topics: string[] }>;
beforeAll(async () => {
  site = await buildReaderSite();
  api = JSON.parse(await site.read('api/articles.json'));
});
afterAll(() => site?.cleanup());

/** The page of the article built from a content/ file, parsed. */
async function articlePage(file: string): Promise<{ html: string; doc: HTMLElement; record: (typeof api)[number] }> {
  const record = api.find((r) => r.sourceFile === file);
  if (record === undefined) throw new Error(`no article from ${file}`);
  const html = await site.read(`${record.url.slice('/news/'.length)}index.html`);
  return { html, doc: parse(html), record };
}

function jsonLd(doc: HTMLElement): Record<string, any> {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  expect(scripts).toHaveLength(1);
  return JSON.parse(scripts[0]?.textContent ?? '');
}

const meta = (doc: HTMLElement, attr: 'property' | 'name', key: string): string | undefined => doc.querySelector(`meta[${attr}="${key}"]`)?.getAttribute('content');

describe('article pages', () => {
  it('carry NewsArticle JSON-LD with headline, date, publisher, author and keywords', async () => {
    const spec = CONTENT_SPECS[0];
    const { doc, record } = await articlePage(spec?.file ?? '');
    const data = jsonLd(doc);
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('NewsArticle');
    expect(data.headline).toBe(record.title);
    expect(data.datePublished).toBe(spec?.date);
    expect(data.publisher).toEqual({ '@type': 'Organization', name: 'BBC News' });
    expect(data.author.name).toBeTruthy();
    expect(data.keywords).toEqual(expect.arrayContaining([...(spec?.topics ?? []), ...(spec?.people ?? [])]));
    expect(data.url).toBe(`${SITE_URL}${record.url.slice('/news/'.length)}`);
  });

  it('leave datePublished out when the text gives no date', async () => {
    const undated = api.find((r) => r.date === null);
    const html = await site.read(`${undated?.url.slice('/news/'.length)}index.html`);
    const data = jsonLd(parse(html));
    expect(data.headline).toBe(undated?.title);
    expect(data).not.toHaveProperty('datePublished');
  });

  it('keep a title holding </script> inside the JSON-LD, escaped, and it parses back exactly', async () => {
    const hostile = CONTENT_SPECS.find((s) => s.title?.includes('</script>'));
    expect(hostile).toBeDefined();
    const { html, doc } = await articlePage(hostile?.file ?? '');
    const open = '<script type="application/ld+json">';
    const start = html.indexOf(open) + open.length;
    const script = html.slice(start, html.indexOf('</script>', start));
    expect(script).not.toContain('<');
    expect(script).toContain('\\u003c/script\\u003e');
    expect(jsonLd(doc).headline).toBe(hostile?.title);
    // No script element other than the JSON-LD ever appears in the page.
    expect(doc.querySelectorAll('script').map((s) => s.getAttribute('type'))).toEqual(['application/ld+json']);
  });

  it('carry OpenGraph, Twitter card and canonical tags with absolute URLs', async () => {
    const { doc, record } = await articlePage(CONTENT_SPECS[1]?.file ?? '');
    const canonical = `${SITE_URL}${record.url.slice('/news/'.length)}`;
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(canonical);
    expect(meta(doc, 'property', 'og:type')).toBe('article');
    expect(meta(doc, 'property', 'og:title')).toBe(record.title);
    expect(meta(doc, 'property', 'og:url')).toBe(canonical);
    expect(meta(doc, 'property', 'article:published_time')).toBe(CONTENT_SPECS[1]?.date);
    expect(meta(doc, 'name', 'twitter:card')).toBe('summary');
    expect(meta(doc, 'name', 'twitter:title')).toBe(record.title);
    expect(meta(doc, 'property', 'og:description')).toBeTruthy();
  });
});

describe('other pages', () => {
  it('the home page carries WebSite JSON-LD whose search action targets the search page', async () => {
    const data = jsonLd(parse(await site.read('index.html')));
    expect(data['@type']).toBe('WebSite');
    expect(data.potentialAction.target).toBe(`${SITE_URL}search/?q={search_term_string}`);
  });

  it('list pages have a title, a description and a canonical link of their own', async () => {
    for (const file of ['topics/politics/index.html', 'topics/politics/page/2/index.html', '2005/01/index.html', 'sources/index.html']) {
      const doc = parse(await site.read(file));
      expect(doc.querySelector('title')?.textContent.trim(), file).toMatch(/\S.* · Broadsheet$/);
      expect(meta(doc, 'name', 'description'), file).toMatch(/\w{3}/);
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${SITE_URL}${file.slice(0, -'index.html'.length)}`);
    }
  });

  it('the 404 page has no canonical link: it answers for any address', async () => {
    const doc = parse(await site.read('404.html'));
    expect(doc.querySelector('link[rel="canonical"]')).toBeNull();
    expect(meta(doc, 'property', 'og:url')).toBeUndefined();
  });
});

describe('jsonForScript', () => {
  it('escapes every character that could end a script element or trip a JavaScript parser', () => {
    const tricky = { t: '</script><!-- & \u2028\u2029 >' };
    const text = jsonForScript(tricky);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(tricky);
  });
});
