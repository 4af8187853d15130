/** WorkerPool.restart(): the build ends its parsing workers; the pages get fresh ones. */
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/pool/worker-pool.ts';

const WORKER = new URL('./thread-id-worker.ts', import.meta.url);
const pools: Array<WorkerPool<null, number>> = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

async function threadsOf(pool: WorkerPool<null, number>, tasks: number): Promise<Set<number>> {
  return new Set(await Promise.all(Array.from({ length: tasks }, () => pool.run(null))));
}

describe('WorkerPool.restart', () => {
  it('answers later tasks from new threads, as many as before, and none fails for the old ones ending', async () => {
    const pool = new WorkerPool<null, number>(WORKER, 2);
    pools.push(pool);
    const before = await threadsOf(pool, 8);
    expect(before.size).toBe(2);
    await pool.restart();
    const after = await threadsOf(pool, 8);
    expect(after.size).toBe(2);
    expect([...after].filter((id) => before.has(id))).toEqual([]);
    // The old workers' exit (code 1 when terminated) did not fail the pool.
    await expect(pool.run(null)).resolves.toSatisfy((id: number) => after.has(id));
  });

  it('makes runOn() tasks for the worker taking them: one serial number per worker, new ones for fresh workers', async () => {
    const pool = new WorkerPool<null, number>(WORKER, 2);
    pools.push(pool);
    const serialsOf = async (): Promise<Map<number, Set<number>>> => {
      const bySerial = new Map<number, Set<number>>();
      await Promise.all(
        Array.from({ length: 12 }, () => {
          let serial = Number.NaN;
          return pool
            .runOn((worker) => {
              serial = worker;
              return null;
            })
            .then((thread) => {
              const threads = bySerial.get(serial) ?? new Set<number>();
              bySerial.set(serial, threads.add(thread));
            });
        }),
      );
      return bySerial;
    };
    const before = await serialsOf();
    expect(before.size).toBe(2);
    for (const threads of before.values()) expect(threads.size).toBe(1);
    await pool.restart();
    const after = await serialsOf();
    expect(after.size).toBe(2);
    for (const threads of after.values()) expect(threads.size).toBe(1);
    expect([...after.keys()].filter((serial) => before.has(serial))).toEqual([]);
  });

  it('rejects a runOn() task whose making fails, and runs the next', async () => {
    const pool = new WorkerPool<null, number>(WORKER, 1);
    pools.push(pool);
    await expect(
      pool.runOn(() => {
        throw new Error('no task');
      }),
    ).rejects.toThrow('no task');
    await expect(pool.run(null)).resolves.toBeTypeOf('number');
  });

  it('refuses while a task is under way', async () => {
    const pool = new WorkerPool<null, number>(WORKER, 1);
    pools.push(pool);
    const running = pool.run(null);
    await expect(pool.restart()).rejects.toThrow(/under way/);
    await running;
  });
});
