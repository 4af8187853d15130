/** Relate's neighbour search shared with a build worker: the worker takes chunks, and the relations are those of one thread. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { enrichArticle } from '../../src/enrich/enrich-article.ts';
import { relateArticles, relateArticlesShared } from '../../src/enrich/relate-articles.ts';
import { createBuildRunner, type BuildRunner, type BuildTask } from '../../src/pool/build-tasks.ts';
import { type NeighbourTask, shareNeighbourSearch } from '../../src/pool/neighbour-task.ts';
import { WorkerPool } from '../../src/pool/worker-pool.ts';
import { BBC_DIR, parseSeedFile } from '../enrich/fixtures.ts';
import { restoreWorkerCountAfterEach } from '../hostile/hostile-site.ts';

restoreWorkerCountAfterEach();
const desk = readdirSync(path.join(BBC_DIR, 'business')).sort().map((f) => enrichArticle(parseSeedFile(BBC_DIR, `business/${f}`)));
const alone = relateArticles(desk);
const closing: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(closing.splice(0).map((c) => c.close()));
});

describe('shareNeighbourSearch', () => {
  it('lets a worker search chunks of the shared index in place, and relates as one thread does', async () => {
    const pool = new WorkerPool<BuildTask, number>(new URL('../../src/pool/build-worker.ts', import.meta.url), 1);
    closing.push(pool);
    let shared: NeighbourTask | null = null;
    const helped: Array<Promise<number>> = [];
    const search = shareNeighbourSearch(1, (task) => {
      shared = task;
      const answer = pool.run({ kind: 'neighbours', ...task });
      helped.push(answer);
      return answer;
    });
    // This thread holds back until the worker has done a chunk (it writes the rows this thread reads).
    const relations = await relateArticlesShared(desk, () => undefined, {
      allocate: search.allocate,
      search: (index, rows, meanwhile) =>
        search.search(index, rows, () => {
          meanwhile();
          const deadline = Date.now() + 60_000;
          while (Atomics.load(shared!.progress, 1) === 0 && Date.now() < deadline);
        }),
    });
    expect(await helped[0]).toBeGreaterThan(0);
    expect(JSON.stringify(relations.articles)).toBe(JSON.stringify(alone.articles));
    expect([...relations.related]).toEqual([...alone.related]);
  });
});

describe('createBuildRunner', () => {
  it('shares the search with its worker after the articles are in, and relates as one thread does', async () => {
    process.env['BROADSHEET_WORKERS'] = '1';
    const runner: BuildRunner = createBuildRunner(desk.length, { startNow: false });
    closing.push(runner);
    await runner.articlesDone();
    expect(runner.neighbours).not.toBeNull();
    const relations = await relateArticlesShared(desk, () => undefined, runner.neighbours);
    expect(JSON.stringify(relations.articles)).toBe(JSON.stringify(alone.articles));
    expect([...relations.related]).toEqual([...alone.related]);
  });

  it('has no shared search without workers: relate runs on this thread', async () => {
    process.env['BROADSHEET_WORKERS'] = '0';
    const runner = createBuildRunner(desk.length);
    closing.push(runner);
    expect(runner.neighbours).toBeNull();
    const relations = await relateArticlesShared(desk, () => undefined, runner.neighbours);
    expect([...relations.related]).toEqual([...alone.related]);
  });
});
