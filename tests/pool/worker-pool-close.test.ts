/** WorkerPool.close(): a deliberate stop that ends the tasks still pending, without an unhandled rejection. */
import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/pool/worker-pool.ts';

const WORKER = new URL('./blocking-worker.ts', import.meta.url);

describe('WorkerPool.close', () => {
  it('rejects a task under way and later ones, and leaves no rejection unhandled', async () => {
    const reasons: unknown[] = [];
    const note = (reason: unknown): void => {
      reasons.push(reason);
    };
    process.on('unhandledRejection', note);
    try {
      const pool = new WorkerPool<number, number>(WORKER, 1);
      // Up and running: a worker ended before it runs exits with code 0, which fails nothing anyway.
      expect(await pool.run(1)).toBe(1);
      // Blocks its worker far longer than the test: still under way when the pool closes.
      const awaited = pool.run(60_000);
      // Nobody awaits this one, as when a build closes after its own error.
      void pool.run(60_000);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const started = Date.now();
      await pool.close();
      await expect(awaited).rejects.toThrow(/closed/);
      await expect(pool.run(1)).rejects.toThrow(/closed/);
      expect(Date.now() - started).toBeLessThan(30_000);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('unhandledRejection', note);
    }
    expect(reasons).toEqual([]);
  });
});
