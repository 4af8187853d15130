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

  it('refuses while a task is under way', async () => {
    const pool = new WorkerPool<null, number>(WORKER, 1);
    pools.push(pool);
    const running = pool.run(null);
    await expect(pool.restart()).rejects.toThrow(/under way/);
    await running;
  });
});
