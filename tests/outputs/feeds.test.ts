/** Feeds: well-formed, the required elements of Atom, RSS 2.0 and JSON Feed, absolute URLs, no build time. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import { buildReaderSite, CONTENT_SPECS, LISTED_SPECS, SITE_URL, type ReaderSite } from './reader-site.ts';
import { FEED_SIZE } from '../../src/outputs/feeds.ts';

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'item', 'link', 'category', 'author'].includes(name) });

/** Newest declared date of the BBC articles: the seeds' only date (2024-01-30) is newer still. */
const NEWEST = '2024-01-30';

let site: ReaderSite;
beforeAll(async () => {
  site = await buildReaderSite();
});
afterAll(() => site?.cleanup());

async function wellFormed(file: string): Promise<Record<string, any>> {
  const text = await site.read(file);
  expect(XMLValidator.validate(text), `${file} is well-formed XML`).toBe(true);
  return xml.parse(text);
}

describe('site feeds', () => {
  it('Atom has the required feed and entry elements, with absolute URLs', async () => {
    const { feed } = await wellFormed('feed.xml');
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe(SITE_URL);
    expect(feed.title).toBe('Broadsheet');
    expect(feed.author[0].name).toBe('Broadsheet');
    // The newest article's date, never the time of the build.
    expect(feed.updated).toBe(`${NEWEST}T00:00:00.000Z`);
    expect(feed.link.map((l: any) => l['@rel'])).toEqual(['alternate', 'self']);
    expect(feed.link.find((l: any) => l['@rel'] === 'self')['@href']).toBe(`${SITE_URL}feed.xml`);
    const dated = LISTED_SPECS.length + 1; // the BBC articles but the near-copy, and seed 000; seeds 001 and 003 are undated
    expect(feed.entry).toHaveLength(Math.min(dated, FEED_SIZE));
    for (const entry of feed.entry) {
      expect(entry.id).toMatch(/^https:\/\/example\.org\/news\/articles\/[^/]+\/$/);
      expect(entry.link[0]['@href']).toBe(entry.id);
      expect(entry.title['#text'] ?? entry.title).toBeTruthy();
      expect(entry.updated).toMatch(/^\d{4}-\d\d-\d\dT00:00:00\.000Z$/);
      expect(entry.content['@type']).toBe('html');
    }
    const updated = feed.entry.map((e: any) => e.updated as string);
    expect(updated).toEqual([...updated].sort().reverse());
  });

  it('RSS 2.0 has channel title, link and description, and a link and guid per item', async () => {
    const { rss } = await wellFormed('rss.xml');
    expect(rss['@version']).toBe('2.0');
    const channel = rss.channel;
    expect(channel.title).toBe('Broadsheet');
    expect(channel.link).toEqual([SITE_URL]);
    expect(channel.description).toBeTruthy();
    expect(channel.lastBuildDate).toBe('Tue, 30 Jan 2024 00:00:00 GMT');
    for (const item of channel.item) {
      expect(item.link[0]).toMatch(/^https:\/\/example\.org\/news\/articles\//);
      expect(item.guid['#text']).toBe(item.link[0]);
      expect(item.pubDate).toMatch(/GMT$/);
    }
  });

  it('JSON Feed has version, title, feed_url and items with id, url and content', async () => {
    const feed = JSON.parse(await site.read('feed.json'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1');
    expect(feed.title).toBe('Broadsheet');
    expect(feed.home_page_url).toBe(SITE_URL);
    expect(feed.feed_url).toBe(`${SITE_URL}feed.json`);
    expect(feed.items.length).toBeGreaterThan(0);
    for (const item of feed.items) {
      expect(item.url).toMatch(/^https:\/\/example\.org\/news\/articles\//);
      expect(item.id).toBe(item.url);
      expect(item.content_html).toContain('<p>');
      expect(item.date_published).toMatch(/^\d{4}-/);
    }
  });

  it('keeps hostile titles as text: escaped in Atom, plain in JSON Feed', async () => {
    const hostile = CONTENT_SPECS.find((s) => s.title !== undefined);
    expect(hostile).toBeDefined();
    const atom = await site.read('feed.xml');
    expect(atom).not.toContain('<script>alert');
    expect(atom).toContain('&lt;script&gt;alert');
    const json = JSON.parse(await site.read('feed.json'));
    expect(json.items.map((i: any) => i.title)).toContain(hostile?.title);
  });

  it('leaves undated articles out and says so in the build report', () => {
    expect(site.result.report.some((e) => e.file === null && /undated article\(s\) left out of the feeds/.test(e.message))).toBe(true);
  });
});

describe('topic feeds', () => {
  it('every topic with a dated article has all three feeds, holding only that topic', async () => {
    const { feed } = await wellFormed('topics/politics/feed.xml');
    expect(feed.id).toBe(`${SITE_URL}topics/politics/`);
    expect(feed.title).toBe('Politics · Broadsheet');
    // Declared BBC topics and the enricher's topics for the seeds both count: read them from the API.
    const api: Array<{ url: string; date: string | null; topics: string[] }> = JSON.parse(await site.read('api/articles.json'));
    const politics = api.filter((r) => r.topics.includes('Politics') && r.date !== null);
    expect(politics.length).toBeGreaterThan(1);
    expect(feed.entry.map((e: any) => new URL(e.id).pathname).sort()).toEqual(politics.map((r) => r.url).sort());
    // The topic's own newest date, not the archive's.
    expect(feed.updated).toBe(`${politics.map((r) => r.date).sort().at(-1)}T00:00:00.000Z`);
    expect(existsSync(path.join(site.outDir, 'topics/politics/rss.xml'))).toBe(true);
    expect(existsSync(path.join(site.outDir, 'topics/politics/feed.json'))).toBe(true);
    await wellFormed('topics/politics/rss.xml');
  });

  it('pages announce the feeds with <link rel="alternate">, and every such link names a built file', async () => {
    const home = parse(await site.read('index.html'));
    const topic = parse(await site.read('topics/politics/index.html'));
    const homeFeeds = home.querySelectorAll('link[rel="alternate"]').map((l) => l.getAttribute('href'));
    expect(homeFeeds).toEqual(['/news/feed.xml', '/news/feed.json', '/news/rss.xml']);
    const topicFeeds = topic.querySelectorAll('link[rel="alternate"]').map((l) => [l.getAttribute('type'), l.getAttribute('href')]);
    expect(topicFeeds).toContainEqual(['application/atom+xml', '/news/topics/politics/feed.xml']);
    for (const [, href] of topicFeeds) expect(existsSync(path.join(site.outDir, String(href).slice('/news/'.length)))).toBe(true);
  });
});

describe('without a site URL', () => {
  let bare: ReaderSite;
  beforeAll(async () => {
    bare = await buildReaderSite({ siteUrl: null });
  });
  afterAll(() => bare?.cleanup());

  it('writes no feeds or sitemap, links none, and the report says how to set the site URL', async () => {
    for (const file of ['feed.xml', 'rss.xml', 'feed.json', 'sitemap.xml', 'topics/politics/feed.xml']) {
      expect(existsSync(path.join(bare.outDir, file)), file).toBe(false);
    }
    expect(await bare.read('index.html')).not.toContain('rel="alternate"');
    const line = bare.result.report.find((e) => /need the site URL/.test(e.message));
    expect(line?.message).toContain('"siteUrl"');
    expect(line?.message).toContain('--site-url');
    expect(await bare.read('robots.txt')).not.toContain('Sitemap:');
  });
});
