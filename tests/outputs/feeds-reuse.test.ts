/**
 * A rebuild makes only the feeds whose entries changed: the others are kept from the previous
 * output (same file, same mtime) without reading any of their bodies, and every feed still equals
 * what a build without the previous output writes.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/archive/build-archive.ts';
import { resolveConfig } from '../../src/config/config.ts';
import type { Article } from '../../src/content/article.ts';
import { writeFeedsAndSitemap, type OutputSink } from '../../src/outputs/write-reader-outputs.ts';
import { BuildReport } from '../../src/report.ts';
import { REPORT_FILE, SiteWriter } from '../../src/write/site-writer.ts';
import { bbcArticle } from '../archive/bbc-articles.ts';

const ARTICLES = [
  bbcArticle('politics/russian-ex-spy-on-hunger-strike.txt', { date: '2005-01-11', source: 'BBC News', topics: ['Russia'] }),
  bbcArticle('politics/nuclear-strike-key-terror-risk.txt', { date: '2005-01-17', source: 'BBC News', topics: ['Russia', 'Iran'] }),
  bbcArticle('politics/blair-sees-greater-bush-consensus.txt', { date: '2005-01-21', source: 'BBC News', topics: ['Iran'] }),
  bbcArticle('business/absa-and-barclays-talks-continue.txt', { date: '2004-12-01', source: 'BBC News', topics: ['Banking'] }),
];

/** Feed files by path: the site's, then each topic's. */
const FEEDS = ['feed.xml', 'rss.xml', 'feed.json', ...['russia', 'iran', 'banking'].flatMap((t) => [`topics/${t}/feed.xml`, `topics/${t}/rss.xml`, `topics/${t}/feed.json`])];

const root = await mkdtemp(path.join(tmpdir(), 'broadsheet-feeds-reuse-'));
afterAll(() => rm(root, { recursive: true, force: true }));
const out = path.join(root, 'site');
const config = resolveConfig(root, { out, siteUrl: 'https://example.org/news/' });
const manifestFile = path.join(root, 'outputs.json');

/** The articles with every read of a body counted, by id. */
function counted(articles: readonly Article[], reads: Map<string, number>): Article[] {
  return articles.map((a) => Object.defineProperty({ ...a }, 'bodyHtml', { enumerable: true, get: () => (reads.set(a.id, (reads.get(a.id) ?? 0) + 1), a.bodyHtml) }));
}

/** One incremental build of the feeds into `out` under `salt`; returns whose bodies it read. */
async function writeFeeds(articles: readonly Article[], salt = 'salt'): Promise<Map<string, number>> {
  const reads = new Map<string, number>();
  const writer = await SiteWriter.open(out, [], { manifestFile });
  await writeFeedsAndSitemap(buildArchive(counted(articles, reads), new Map()), config, writer, new BuildReport(), salt);
  // A site's report file: the writer replaces only a folder that has one.
  await writer.write(REPORT_FILE, '{}\n');
  await writer.commit();
  return reads;
}

/** The feeds as a build without a previous output writes them (a plain sink: no keys). */
async function freshFeeds(articles: readonly Article[]): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const sink: OutputSink = { write: async (file, contents) => void files.set(file, String(contents)) };
  await writeFeedsAndSitemap(buildArchive(articles, new Map()), config, sink, new BuildReport());
  return files;
}

async function identities(): Promise<Map<string, string>> {
  return new Map(await Promise.all(FEEDS.map(async (f) => [f, `${(await stat(path.join(out, f))).ino}:${(await stat(path.join(out, f))).mtimeMs}`] as const)));
}

describe('feeds on a rebuild', () => {
  it('are kept without reading a body when nothing they list changed, and made again only where an entry changed', async () => {
    const first = await writeFeeds(ARTICLES);
    expect(first.size).toBe(ARTICLES.length);
    const before = await identities();

    // Nothing changed: every feed is the previous one, and no body is read.
    expect(await writeFeeds(ARTICLES)).toEqual(new Map());
    expect(await identities()).toEqual(before);

    // The Iran-only article's headline is corrected: the site feed and the Iran feed list it; Russia and Banking do not.
    const edited = ARTICLES.map((a) => (a.id === ARTICLES[2]!.id ? { ...a, title: 'Blair sees greater consensus with Bush', contentHash: `${a.contentHash}-edited` } : a));
    const reads = await writeFeeds(edited);
    // The site feed reads each entry's body some k times; the Iran feed as many again for its two; Russia's and Banking's none.
    const k = reads.get(ARTICLES[3]!.id) ?? 0;
    expect(k).toBeGreaterThan(0);
    expect(ARTICLES.map((a) => reads.get(a.id))).toEqual([k, 2 * k, 2 * k, k]);
    const after = await identities();
    const rewritten = FEEDS.filter((f) => after.get(f) !== before.get(f));
    expect(rewritten).toEqual(['feed.xml', 'rss.xml', 'feed.json', 'topics/iran/feed.xml', 'topics/iran/rss.xml', 'topics/iran/feed.json']);
    expect(await readFile(path.join(out, 'topics/iran/feed.xml'), 'utf8')).toContain('Blair sees greater consensus with Bush');

    // Kept and made feeds alike are what a build without the previous output writes.
    const fresh = await freshFeeds(edited);
    for (const feed of FEEDS) expect(await readFile(path.join(out, feed), 'utf8'), feed).toBe(fresh.get(feed));
  });

  it('keeps a made feed whose bytes did not change at its old mtime, though its key changed', async () => {
    await writeFeeds(ARTICLES);
    const before = await identities();
    // Another key (a new salt) with the same entries: the feeds are made again, byte-identical, so the files are kept.
    await writeFeeds(ARTICLES, 'another salt');
    expect(await identities()).toEqual(before);
  });
});
