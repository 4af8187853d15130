/** Loading the BBC corpus through the build's runner: with one worker, both threads parse. */
import { termsKeptHere } from '../../src/pool/kept-terms.ts';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { ArticleBodies } from '../../src/cache/article-bodies.ts';
import { ArticleCache } from '../../src/cache/article-cache.ts';
import { PACKS_DIR } from '../../src/cache/article-pack.ts';
import { discoverInputs, type InputFile } from '../../src/content/input-file.ts';
import { loadEach } from '../../src/content/load-articles.ts';
import { articleLoader, ARTICLES_PER_BATCH, batchConcurrency, inputCacheKeys } from '../../src/pool/article-loader.ts';
import { hashInputs } from '../../src/cache/build-key.ts';
import { createBuildRunner } from '../../src/pool/build-tasks.ts';
import { StringPool } from '../../src/pool/string-pool.ts';
import { BuildReport } from '../../src/report.ts';
import { BBC_DIR, restoreWorkerCountAfterEach, tempDir } from '../hostile/hostile-site.ts';

restoreWorkerCountAfterEach();

/** Entries stored per pack file (three lines each), by the thread id in the pack's name ("pid-thread-uuid.pack"). */
async function entriesByThread(cacheDir: string): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (const name of await readdir(path.join(cacheDir, PACKS_DIR))) {
    const lines = (await readFile(path.join(cacheDir, PACKS_DIR, name), 'utf8')).split('\n').length - 1;
    counts.set(Number(name.split('-')[1]), lines / 3);
  }
  return counts;
}

describe('parsing on one worker beside this thread', () => {
  it('gives the worker a fair share of the batches, not only the first few', async () => {
    process.env['BROADSHEET_WORKERS'] = '1';
    const { inputs } = await discoverInputs(BBC_DIR, path.join(BBC_DIR, 'no-content-folder'));
    const cache = await ArticleCache.open(await tempDir('loader-cache'), 'salt');
    const runner = createBuildRunner(inputs.length);
    try {
      runner.expectMisses(inputs.length);
      // The worker is started and has its word lists before the timed part, whatever the machine's speed.
      await runner.articles({ inputs: inputs.slice(0, 1), cacheDir: path.join(cache.dir, 'warm-up'), salt: cache.salt });
      const load = articleLoader({ cache, runner, keys: new Map(), bodies: new ArticleBodies(), strings: new StringPool(), cacheKeys: new Set(), terms: termsKeptHere() });
      const report = new BuildReport();
      const articles = await loadEach(inputs, report, load, { size: ARTICLES_PER_BATCH, concurrency: batchConcurrency(runner) });
      expect(articles.length + report.count('skipped')).toBe(inputs.length);
      const byThread = await entriesByThread(cache.dir);
      const here = byThread.get(threadId) ?? 0;
      const worker = [...byThread].filter(([id]) => id !== threadId).reduce((sum, [, n]) => sum + n, 0);
      expect(here + worker).toBe(inputs.length);
      // Before this thread let the worker's answers in between its own batches, the worker got its
      // first four batches (128 of 2,095 inputs) and this thread parsed the rest.
      expect(worker).toBeGreaterThan(inputs.length / 4);
      expect(here).toBeGreaterThan(0);
    } finally {
      await runner.close();
    }
  });
});

describe('a few inputs the cache does not have', () => {
  it('are parsed on one worker of their own, not on this thread, as this thread would parse them', async () => {
    delete process.env['BROADSHEET_WORKERS'];
    const { inputs } = await discoverInputs(BBC_DIR, path.join(BBC_DIR, 'no-content-folder'));
    const edited = inputs.slice(0, 3);
    const cacheDir = await tempDir('miss-worker');
    // A rebuild of the whole corpus after three edits: the pool is for large builds, and three misses do not start it.
    const runner = createBuildRunner(inputs.length, { startNow: false });
    let results;
    try {
      runner.expectMisses(edited.length);
      expect(runner.workersParse).toBe(false);
      results = await runner.articles({ inputs: edited, cacheDir, salt: 'salt' });
      await runner.articlesDone();
    } finally {
      await runner.close();
    }
    const byThread = await entriesByThread(cacheDir);
    expect(byThread.get(threadId)).toBeUndefined();
    expect([...byThread.values()]).toEqual([edited.length]);
    const { runArticleTask } = await import('../../src/pool/article-task.ts');
    const here = runArticleTask({ inputs: edited, cacheDir: await tempDir('miss-here'), salt: 'salt' });
    expect(results.map((r) => r.meta)).toEqual(here.map((r) => r.meta));
    expect(results.map((r) => r.stored?.key)).toEqual(here.map((r) => r.stored?.key));
  });
});

describe('reading cached articles', () => {
  it('gives the event loop a turn while it reads, so workers are answered meanwhile', async () => {
    process.env['BROADSHEET_WORKERS'] = '0';
    const discovered = await discoverInputs(BBC_DIR, path.join(BBC_DIR, 'no-content-folder'));
    const { inputs } = discovered;
    const cacheDir = await tempDir('loader-hits');
    const loadAll = async (cache: ArticleCache, keys: ReadonlyMap<InputFile, string>, hashes: Awaited<ReturnType<typeof hashInputs>> | null): Promise<number> => {
      const runner = createBuildRunner(inputs.length);
      const load = articleLoader({ cache, runner, keys, bodies: new ArticleBodies(), strings: new StringPool(), cacheKeys: new Set(), terms: termsKeptHere(), hashes });
      const articles = await loadEach(inputs, new BuildReport(), load, { size: ARTICLES_PER_BATCH, concurrency: 5 });
      await runner.close();
      return articles.length;
    };
    // The first pass parses every input into the cache and learns their content hashes; the second finds every one there.
    const hashes = await hashInputs(discovered, null, { cacheHasEntries: false });
    const first = await ArticleCache.open(cacheDir, 'salt');
    const parsed = await loadAll(first, new Map(), hashes);
    await first.saveIndex();
    const cache = await ArticleCache.open(cacheDir, 'salt');
    const { keys, misses } = inputCacheKeys(cache, inputs, hashes.contentHashes);
    expect(misses).toBe(0);

    // Turns of the event loop while the hits are read.
    let turns = 0;
    let reading = true;
    const tick = (): void => {
      turns += 1;
      if (reading) setImmediate(tick);
    };
    setImmediate(tick);
    const started = performance.now();
    const loaded = await loadAll(cache, keys, null);
    reading = false;
    const took = performance.now() - started;
    expect(loaded).toBe(parsed);
    // A batch of hits waits on nothing: before the loader took turns, the whole read was one turn
    // (0 here; at 25x the term counter then sat idle for seconds). A turn every 8 ms gives about
    // one per 10 ms of reading; asked for one per 25 ms, a margin for a busy machine's pauses,
    // which a turn per batch chain (one per ~40 ms with five chains) does not meet.
    expect(turns).toBeGreaterThanOrEqual(Math.max(2, Math.floor(took / 25)));
  }, 120_000);
});
