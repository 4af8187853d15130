/** Relate's per-article work shared with a build worker: the worker takes chunks, and the relations are those of one thread. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enrichArticle } from '../../src/enrich/enrich-article.ts';
import { relateArticles, relateArticlesShared } from '../../src/enrich/relate-articles.ts';
import { createBuildRunner, type BuildRunner, type BuildTask } from '../../src/pool/build-tasks.ts';
import { type RelateTask, shareRelateWork } from '../../src/pool/relate-task.ts';
import { WorkerPool } from '../../src/pool/worker-pool.ts';
import { BBC_DIR, parseSeedFile } from '../enrich/fixtures.ts';
import { restoreWorkerCountAfterEach } from '../hostile/hostile-site.ts';

restoreWorkerCountAfterEach();
const desk = readdirSync(path.join(BBC_DIR, 'business')).sort().map((f) => enrichArticle(parseSeedFile(BBC_DIR, `business/${f}`)));
const alone = relateArticles(desk);
const closing: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(closing.splice(0).map((c) => c.close()));
});

describe('shareRelateWork', () => {
  it('lets a worker do chunks of each job in the shared memory, relates as one thread does, and ends its workers once all answered', async () => {
    const pool = new WorkerPool<BuildTask, number>(new URL('../../src/pool/build-worker.ts', import.meta.url), 1);
    closing.push(pool);
    const tasks: RelateTask[] = [];
    const helped: Array<Promise<number>> = [];
    let ended = false;
    const work = shareRelateWork(
      1,
      (task) => {
        tasks.push(task);
        const answer = pool.run({ kind: 'relate', ...task });
        helped.push(answer);
        return answer;
      },
      async () => {
        // Refused while a task is under way: ending here shows every answer was in.
        await pool.restart();
        ended = true;
      },
      () => undefined,
    );
    // This thread holds back until the worker has done a chunk of each job (it writes rows this thread reads).
    const relations = await relateArticlesShared(desk, { kind: 'read', termsOf: () => undefined }, {
      allocate: work.allocate,
      share: (job, meanwhile) =>
        work.share(job, () => {
          meanwhile();
          holdUntilAChunkDone(tasks.at(-1)!);
        }),
      collect: work.collect,
      finish: work.finish,
    });
    expect(ended).toBe(true);
    expect(tasks.map((t) => t.work)).toEqual(['vectors', 'neighbours']);
    for (const chunks of await Promise.all(helped)) expect(chunks).toBeGreaterThan(0);
    expect(JSON.stringify(relations.articles)).toBe(JSON.stringify(alone.articles));
    expect([...relations.related]).toEqual([...alone.related]);
  });
});

describe('relateArticlesShared with a signal', () => {
  it('starts no job after the one under way once the signal aborts, and rejects with its reason', async () => {
    const work = shareRelateWork(0, async () => 0, async () => undefined, () => undefined);
    const controller = new AbortController();
    const reason = new Error('stopped by SIGINT');
    const jobs: string[] = [];
    const relating = relateArticlesShared(
      desk,
      { kind: 'read', termsOf: () => undefined },
      {
        ...work,
        share: (job, meanwhile) => {
          jobs.push(job.work);
          // Ctrl+C while the vectors are weighed: the neighbour search (seconds at 52,000 articles) must not start.
          controller.abort(reason);
          return work.share(job, meanwhile);
        },
      },
      controller.signal,
    );
    await expect(relating).rejects.toBe(reason);
    expect(jobs).toEqual(['vectors']);
  });
});

describe('shareRelateWork with a signal', () => {
  it('stops the job under way within a chunk once the signal aborts, letting the event loop turn so the abort is heard', async () => {
    let task: RelateTask | undefined;
    // A helper that takes no chunk: this thread does them, as the main thread does while a worker is busy.
    const work = shareRelateWork(1, async (shared) => ((task = shared), 0), async () => undefined, () => undefined);
    const controller = new AbortController();
    const reason = new Error('stopped by SIGINT');
    // Every chunk takes longer than a turn: the thread lets the event loop turn after each.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 1000));
    const relating = relateArticlesShared(
      desk,
      { kind: 'read', termsOf: () => undefined },
      {
        ...work,
        share: (job, meanwhile, signal) => {
          // Ctrl+C heard at the first turn of the event loop, one chunk into the job.
          setImmediate(() => controller.abort(reason));
          return work.share(job, meanwhile, signal);
        },
      },
      controller.signal,
    );
    await expect(relating).rejects.toBe(reason);
    // Before, the thread did every chunk of the job (seconds at 52,000 articles) before it looked.
    expect(task?.work).toBe('vectors');
    expect(Atomics.load(task!.progress, 1)).toBe(1);
    expect(Math.ceil(desk.length / 128)).toBeGreaterThan(1);
  });
});

describe('relateArticlesShared reading the terms', () => {
  it('lets the event loop turn while it reads the articles\' terms, and stops there once the signal aborts', async () => {
    const work = shareRelateWork(0, async () => 0, async () => undefined, () => undefined);
    const controller = new AbortController();
    const reason = new Error('stopped by SIGINT');
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 1000));
    const jobs: string[] = [];
    let read = 0;
    const relating = relateArticlesShared(
      desk,
      { kind: 'read', termsOf: () => ((read += 1), undefined) },
      { ...work, share: (job, meanwhile, signal) => (jobs.push(job.work), work.share(job, meanwhile, signal)) },
      controller.signal,
    );
    setImmediate(() => controller.abort(reason));
    await expect(relating).rejects.toBe(reason);
    // Before, every article was read (2.4 s at 52,000) before the signal was looked at.
    expect(read).toBeLessThan(desk.length);
    expect(jobs).toEqual([]);
  });
});

describe('shareRelateWork.allocate', () => {
  it('places arrays side by side in shared blocks above 32 MiB (each its own mapping), 8-aligned, zero-filled, apart', () => {
    const work = shareRelateWork(0, async () => 0, async () => undefined, () => undefined);
    const counts = work.allocate.int32(3);
    const weights = work.allocate.float64(5);
    const flags = work.allocate.uint8(7);
    const more = work.allocate.int32(2);
    expect(counts.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(counts.buffer.byteLength).toBeGreaterThan(32 * 2 ** 20);
    for (const array of [weights, flags, more]) expect(array.buffer).toBe(counts.buffer);
    for (const array of [counts, weights, flags, more]) expect(array.byteOffset % 8).toBe(0);
    counts.fill(-1);
    flags.fill(255);
    expect(Array.from(weights)).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(more)).toEqual([0, 0]);
    expect(Array.from(counts)).toEqual([-1, -1, -1]);
  });
});

describe('createBuildRunner', () => {
  it('shares relate with its worker after the articles are in, and relates as one thread does', async () => {
    process.env['BROADSHEET_WORKERS'] = '1';
    // The relate tasks the runner gives its worker, and the worker's answers (chunks it did).
    const run = vi.spyOn(WorkerPool.prototype, 'run');
    const runner: BuildRunner = createBuildRunner(desk.length, { startNow: false });
    closing.push(runner);
    await runner.articlesDone();
    expect(runner.relate).not.toBeNull();
    const relate = runner.relate!;
    const relateRuns = (): Array<{ task: RelateTask; answer: Promise<number> }> =>
      run.mock.calls.flatMap(([task], i) => ((task as BuildTask).kind === 'relate' ? [{ task: task as RelateTask, answer: run.mock.results[i]!.value as Promise<number> }] : []));
    // This thread holds back until the worker, fresh and still loading, has done a chunk of each job.
    const relations = await relateArticlesShared(desk, { kind: 'read', termsOf: () => undefined }, {
      ...relate,
      share: (job, meanwhile) =>
        relate.share(job, () => {
          meanwhile();
          holdUntilAChunkDone(relateRuns().at(-1)!.task);
        }),
    });
    expect(relateRuns().map((r) => r.task.work)).toEqual(['vectors', 'neighbours']);
    for (const chunks of await Promise.all(relateRuns().map((r) => r.answer))) expect(chunks).toBeGreaterThan(0);
    expect(JSON.stringify(relations.articles)).toBe(JSON.stringify(alone.articles));
    expect([...relations.related]).toEqual([...alone.related]);
  });

  it("rejects with this thread's own error while a worker task is pending, and closing after it rejects nothing unhandled", async () => {
    process.env['BROADSHEET_WORKERS'] = '1';
    const unhandled = await unhandledRejectionsOf(async () => {
      const runner = createBuildRunner(desk.length, { startNow: false });
      // Fresh workers start here: the relate task below is still pending when this thread fails.
      await runner.articlesDone();
      const relate = runner.relate!;
      const failing = relateArticlesShared(desk, { kind: 'read', termsOf: () => undefined }, {
        ...relate,
        share: (job) =>
          relate.share(job, () => {
            throw new Error('this thread failed');
          }),
      });
      await expect(failing).rejects.toThrow('this thread failed');
      // As build()'s finally does.
      await runner.close();
    });
    expect(unhandled).toEqual([]);
  });

  it('shares nothing without workers: relate runs on this thread', async () => {
    process.env['BROADSHEET_WORKERS'] = '0';
    const runner = createBuildRunner(desk.length);
    closing.push(runner);
    expect(runner.relate).toBeNull();
    const relations = await relateArticlesShared(desk, { kind: 'read', termsOf: () => undefined }, runner.relate);
    expect([...relations.related]).toEqual([...alone.related]);
  });
});

/** The unhandled rejections while `run` runs and for a turn of the event loop after it. */
async function unhandledRejectionsOf(run: () => Promise<void>): Promise<unknown[]> {
  const reasons: unknown[] = [];
  const note = (reason: unknown): void => {
    reasons.push(reason);
  };
  process.on('unhandledRejection', note);
  try {
    await run();
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('unhandledRejection', note);
  }
  return reasons;
}

/** Blocks this thread (a minute at most) until another thread has done a chunk of `task`: only then does it take chunks too. */
function holdUntilAChunkDone(task: RelateTask): void {
  const deadline = Date.now() + 60_000;
  while (Atomics.load(task.progress, 1) === 0 && Date.now() < deadline);
}
