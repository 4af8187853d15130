/**
 * The search index in shards: the rule that puts each article in a bundle (stable, balanced, one
 * shard changed by one article), and the bundles writeSearchIndex makes from it: a primary with
 * Pagefind's UI naming the others, each shard re-indexed only when its articles changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fg from 'fast-glob';
import type { Article } from '../../src/content/article.ts';
import { buildArchive } from '../../src/archive/build-archive.ts';
import { resolveConfig } from '../../src/config/config.ts';
import { BuildReport } from '../../src/report.ts';
import { PRIMARY_BUNDLE_DIR, searchShards, shardBits, shardBucket } from '../../src/outputs/search-shards.ts';
import { SEARCH_SHARDS_SCRIPT, indexingOrder, searchableArticles, writeSearchIndex } from '../../src/outputs/write-reader-outputs.ts';
import { BBC_DIR, bbcArticle } from '../archive/bbc-articles.ts';
import { WITH_COPY } from '../archive/wire-copies.ts';
import { bundleFragments, folderSink, indexedUrls } from './search-bundle.ts';
import { searchIndexKey } from '../../src/outputs/search-index.ts';

/** The business desk of the BBC corpus, parsed: 510 real articles with their real ids. */
const BUSINESS: readonly Article[] = readdirSync(path.join(BBC_DIR, 'business'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f, i) => bbcArticle(`business/${f}`, { date: `2005-01-${String((i % 28) + 1).padStart(2, '0')}`, source: 'BBC News', topics: ['Economy'] }));

const ids = (articles: readonly Article[]): string[] => articles.map((a) => a.id);

describe('the shard rule', () => {
  it('uses the fewest bits that keep the average shard at or under the shard size', () => {
    expect(shardBits(0, 2048)).toBe(0);
    expect(shardBits(2048, 2048)).toBe(0);
    expect(shardBits(2049, 2048)).toBe(1);
    expect(shardBits(4096, 2048)).toBe(1);
    expect(shardBits(4097, 2048)).toBe(2);
    expect(shardBits(52_375, 2048)).toBe(5);
    expect(() => shardBits(10, 0)).toThrow(RangeError);
  });

  it('keeps an archive of up to one shard in one bundle, pagefind/, in the given order', () => {
    const shards = searchShards(BUSINESS, BUSINESS.length);
    expect(shards).toHaveLength(1);
    expect(shards[0]?.dir).toBe(PRIMARY_BUNDLE_DIR);
    expect(ids(shards[0]?.articles ?? [])).toEqual(ids(BUSINESS));
    expect(searchShards([], 2048)).toEqual([{ dir: PRIMARY_BUNDLE_DIR, bucket: 0, bits: 0, articles: [] }]);
  });

  it('puts every article in exactly one of 2^bits shards of about the same size, named after their bucket', () => {
    const shards = searchShards(BUSINESS, 64);
    expect(shards).toHaveLength(8);
    expect(shards.map((s) => s.dir)).toEqual([PRIMARY_BUNDLE_DIR, ...shards.slice(1).map((s) => `pagefind-${s.bucket}/`)]);
    expect(ids(shards.flatMap((s) => s.articles)).sort()).toEqual(ids(BUSINESS).sort());
    for (const shard of shards) {
      expect(shard.articles.length).toBeGreaterThan(BUSINESS.length / 8 / 2);
      expect(shard.articles.length).toBeLessThan((BUSINESS.length / 8) * 1.5);
      for (const article of shard.articles) expect(shardBucket(article.id, 3)).toBe(shard.bucket);
    }
  });

  it('changes only the shard of an added or removed article', () => {
    const [removed, ...rest] = BUSINESS;
    const before = searchShards(BUSINESS, 64);
    const after = searchShards(rest, 64);
    const home = before.find((s) => s.articles.includes(removed as Article));
    expect(after.map((s) => s.dir)).toEqual(before.map((s) => s.dir));
    for (const [i, shard] of after.entries()) {
      if (shard.bucket === home?.bucket) expect(ids(shard.articles)).toEqual(ids(before[i]?.articles ?? []).filter((id) => id !== removed?.id));
      else expect(ids(shard.articles)).toEqual(ids(before[i]?.articles ?? []));
    }
  });

  it('splits each shard in two when the archive outgrows the layout', () => {
    const coarse = searchShards(BUSINESS, 128);
    const fine = searchShards(BUSINESS, 64);
    expect(fine[0]?.bits).toBe((coarse[0]?.bits ?? 0) + 1);
    for (const shard of fine) {
      const parent = coarse.find((s) => s.bucket === shard.bucket >> 1);
      for (const article of shard.articles) expect(parent?.articles).toContain(article);
    }
  });
});

describe('the shard key', () => {
  const articles = BUSINESS.slice(0, 20);
  /** The articles as the build hands them to search: each body read back from the cache when asked for. */
  const unreadable = articles.map((a) =>
    Object.defineProperty({ ...a }, 'bodyHtml', {
      enumerable: true,
      get: () => {
        throw new Error(`read the body of ${a.id}`);
      },
    }),
  );

  it('names each body by its input hash under a salt, so no body is read back', () => {
    const key = searchIndexKey(unreadable, 'en', 'pagefind/', 'salt-1');
    expect(key).toBe(searchIndexKey(articles, 'en', 'pagefind/', 'salt-1'));
    expect(searchIndexKey(articles, 'en', 'pagefind/', 'salt-2')).not.toBe(key);
    const edited = articles.map((a, i) => (i === 7 ? { ...a, contentHash: `${a.contentHash}0` } : a));
    expect(searchIndexKey(edited, 'en', 'pagefind/', 'salt-1')).not.toBe(key);
    const retitled = articles.map((a, i) => (i === 7 ? { ...a, title: `${a.title}!` } : a));
    expect(searchIndexKey(retitled, 'en', 'pagefind/', 'salt-1')).not.toBe(key);
  });

  it('hashes the bodies themselves without a salt, and the placement either way', () => {
    const key = searchIndexKey(articles, 'en', 'pagefind/');
    const edited = articles.map((a, i) => (i === 7 ? { ...a, bodyHtml: `${a.bodyHtml}<p>zanzibarite</p>` } : a));
    expect(searchIndexKey(edited, 'en', 'pagefind/')).not.toBe(key);
    expect(searchIndexKey(articles, 'en', 'pagefind-1/')).not.toBe(key);
    expect(() => searchIndexKey(unreadable, 'en', 'pagefind/')).toThrow(/read the body/);
  });
});

/** The merged bundles the primary's script names, as the search page reads them. */
async function listedShards(bundle: string): Promise<string[]> {
  const script = await readFile(path.join(bundle, SEARCH_SHARDS_SCRIPT), 'utf8');
  return JSON.parse(/window\.broadsheetSearchShards = (.*);/.exec(script)?.[1] ?? 'null') as string[];
}

describe('writeSearchIndex in shards', () => {
  /** Two articles a shard: the fixture's five searchable articles make four buckets. */
  const SHARD_SIZE = 2;
  const archive = buildArchive(WITH_COPY, new Map());
  const shards = searchShards(searchableArticles(archive), SHARD_SIZE);
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'broadsheet-search-shards-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  /** Every file of the search bundles under `out`, with its bytes (base64). */
  const bundleFiles = async (out: string): Promise<Map<string, string>> => {
    const files = (await fg('pagefind*/**', { cwd: out })).sort();
    return new Map(await Promise.all(files.map(async (f) => [f, (await readFile(path.join(out, f))).toString('base64')] as const)));
  };

  it('writes the primary bundle with the UI and a list of the others, each of which holds only its index', async () => {
    expect(shards.length).toBeGreaterThan(1);
    const out = path.join(root, 'first');
    const report = new BuildReport();
    const indexed = await writeSearchIndex(archive, resolveConfig(root, { out: path.join(root, 'none'), searchShardSize: SHARD_SIZE }), folderSink(out), report);
    expect(report.entries()).toEqual([]);
    expect(indexed).toBe(searchableArticles(archive).length);
    expect(existsSync(path.join(out, 'pagefind', 'pagefind-ui.js'))).toBe(true);
    expect(await listedShards(path.join(out, 'pagefind'))).toEqual(shards.slice(1).map((s) => s.dir));
    for (const shard of shards) {
      expect(await indexedUrls(path.join(out, shard.dir))).toEqual(shard.articles.map((a) => `/${a.url}`).sort());
      if (shard.dir === PRIMARY_BUNDLE_DIR) continue;
      const files = (await fg('*', { cwd: path.join(out, shard.dir) })).sort();
      expect(files.filter((f) => !f.endsWith('.pf_meta'))).toEqual(['broadsheet-index.sha256', 'pagefind-entry.json']);
    }
  });

  it('indexes the primary beside the others, first, and lists the others once all are built', async () => {
    const out = path.join(root, 'primary-first');
    const folder = folderSink(out);
    const started: string[] = [];
    const listedWhen: number[] = [];
    const sink = {
      ...folder,
      resolve: (relativePath: string): string => {
        started.push(relativePath);
        return folder.resolve(relativePath);
      },
      write: async (relativePath: string, contents: string | Uint8Array): Promise<void> => {
        if (relativePath.endsWith(SEARCH_SHARDS_SCRIPT)) listedWhen.push(started.length);
        await folder.write(relativePath, contents);
      },
    };
    await writeSearchIndex(archive, resolveConfig(root, { out: path.join(root, 'none'), searchShardSize: SHARD_SIZE }), sink, new BuildReport(), { lanes: 2 });
    // At the end of a clean build the primary no longer runs alone on one lane while the other idles.
    expect(started[0]).toBe(PRIMARY_BUNDLE_DIR);
    expect(started.slice().sort()).toEqual(shards.map((s) => s.dir).sort());
    // Written once, after every shard has started (and, awaited by its lane, finished).
    expect(listedWhen).toEqual([shards.length]);
    expect(await listedShards(path.join(out, 'pagefind'))).toEqual(shards.slice(1).map((s) => s.dir));
  });

  it('orders the shards to index before those to reuse, each in shard order, the primary among them', () => {
    const keys = [true, false, true, false, false].map((unchanged) => ({ unchanged }));
    expect(indexingOrder(keys)).toEqual([1, 3, 4, 0, 2]);
    expect(indexingOrder(keys.map(() => ({ unchanged: false })))).toEqual([0, 1, 2, 3, 4]);
  });

  it('writes the same bundles whether one Pagefind process indexes the shards or two at once', async () => {
    const bundles = async (lanes: number): Promise<Map<string, string>> => {
      const out = path.join(root, `lanes-${lanes}`);
      const report = new BuildReport();
      await writeSearchIndex(archive, resolveConfig(root, { out: path.join(root, 'none'), searchShardSize: SHARD_SIZE }), folderSink(out), report, { lanes });
      expect(report.entries()).toEqual([]);
      return bundleFiles(out);
    };
    expect(shards.length).toBeGreaterThan(2);
    const one = await bundles(1);
    const two = await bundles(2);
    expect([...two.keys()]).toEqual([...one.keys()]);
    expect(two).toEqual(one);
  });

  it('fails with the error of the first lane that fails, and starts no shard after it', async () => {
    const out = path.join(root, 'failing');
    const folder = folderSink(out);
    const started: string[] = [];
    const sink = {
      ...folder,
      resolve: (relativePath: string): string => {
        started.push(relativePath);
        if (started.length === 1) throw new Error('no space left on device');
        return folder.resolve(relativePath);
      },
    };
    expect(shards.length).toBeGreaterThan(3);
    await expect(writeSearchIndex(archive, resolveConfig(root, { out: path.join(root, 'none'), searchShardSize: SHARD_SIZE }), sink, new BuildReport(), { lanes: 2 })).rejects.toThrow(/no space left/);
    // One shard per lane was under way (the primary first); the third never starts, and the failure is
    // reported only once the other lane's Pagefind is done writing (its bundle is complete).
    expect(started).toHaveLength(2);
    expect(existsSync(path.join(out, started[1]!, 'pagefind-entry.json'))).toBe(true);
  });

  it('starts no shard once its signal is aborted, stops the one under way unwritten, and rejects with the reason', async () => {
    const out = path.join(root, 'stopped');
    const folder = folderSink(out);
    const started: string[] = [];
    const stop = new AbortController();
    const sink = {
      ...folder,
      resolve: (relativePath: string): string => {
        started.push(relativePath);
        // The other outputs fail while the first shard is under way.
        stop.abort(new Error('the JSON API could not be written'));
        return folder.resolve(relativePath);
      },
    };
    expect(shards.length).toBeGreaterThan(2);
    await expect(writeSearchIndex(archive, resolveConfig(root, { out: path.join(root, 'none'), searchShardSize: SHARD_SIZE }), sink, new BuildReport(), { lanes: 1, signal: stop.signal })).rejects.toThrow(/JSON API/);
    // The shard under way stops before Pagefind writes it; no other shard and no primary bundle is started.
    expect(started).toHaveLength(1);
    expect(existsSync(path.join(out, started[0]!, 'pagefind-entry.json'))).toBe(false);
  });

  it('indexes again only the shard whose article changed, and links the others from the previous output', async () => {
    const previous = path.join(root, 'first');
    const changed = shards.at(-1)?.articles[0];
    if (changed === undefined) throw new Error('no article in the last shard');
    const edited = WITH_COPY.map((a) => (a.id === changed.id ? { ...a, bodyHtml: `${a.bodyHtml}<p>The zanzibarite clause was added after publication.</p>` } : a));
    const out = path.join(root, 'second');
    const report = new BuildReport();
    await writeSearchIndex(buildArchive(edited, new Map()), resolveConfig(root, { out: previous, searchShardSize: SHARD_SIZE }), folderSink(out), report);
    expect(report.entries()).toEqual([]);
    for (const shard of shards) {
      const [was, now] = await Promise.all([stat(path.join(previous, shard.dir, 'pagefind-entry.json')), stat(path.join(out, shard.dir, 'pagefind-entry.json'))]);
      if (shard.articles.includes(changed)) expect(now.ino).not.toBe(was.ino);
      else expect(now.ino).toBe(was.ino);
    }
    const fragments = await bundleFragments(path.join(out, shards.at(-1)?.dir ?? ''));
    expect(fragments.some((f) => f.content.includes('zanzibarite'))).toBe(true);
    // The reused primary's list is written afresh, after the shards, and reads as before.
    expect(await readFile(path.join(out, 'pagefind', SEARCH_SHARDS_SCRIPT), 'utf8')).toBe(await readFile(path.join(previous, 'pagefind', SEARCH_SHARDS_SCRIPT), 'utf8'));
  });

  it('indexes every shard again when the shard size changes, and writes what a clean build at that size does', async () => {
    const previous = path.join(root, 'first');
    const resized = searchShards(searchableArticles(archive), 1);
    expect(resized[0]?.bits).toBeGreaterThan(shards[0]?.bits ?? Infinity);
    const out = path.join(root, 'resized');
    const clean = path.join(root, 'resized-clean');
    const report = new BuildReport();
    await writeSearchIndex(archive, resolveConfig(root, { out: previous, searchShardSize: 1 }), folderSink(out), report);
    await writeSearchIndex(archive, resolveConfig(root, { out: path.join(root, 'none'), searchShardSize: 1 }), folderSink(clean), report);
    expect(report.entries()).toEqual([]);
    // A bundle's folder may have been in the old layout too (pagefind/ always is), but never its files.
    for (const shard of resized) {
      const now = await stat(path.join(out, shard.dir, 'pagefind-entry.json'));
      const was = await stat(path.join(previous, shard.dir, 'pagefind-entry.json')).catch(() => null);
      expect(now.ino, shard.dir).not.toBe(was?.ino);
    }
    expect(await listedShards(path.join(out, PRIMARY_BUNDLE_DIR))).toEqual(resized.slice(1).map((s) => s.dir));
    expect(await bundleFiles(out)).toEqual(await bundleFiles(clean));
  });
});
