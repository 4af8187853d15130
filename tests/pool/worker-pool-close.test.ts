/** WorkerPool.close(): a deliberate stop, not a failure of the tasks still pending. */
import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/pool/worker-pool.ts';

const WORKER = new URL('./thread-id-worker.ts', import.meta.url);

describe('WorkerPool.close', () => {
  it('ends workers with a task pending without rejecting it unhandled', async () => {
    const reasons: unknown[] = [];
    const note = (reason: unknown): void => {
      reasons.push(reason);
    };
    process.on('unhandledRejection', note);
    try {
      const pool = new WorkerPool<null, number>(WORKER, 1);
      // Up and running: a worker ended before it runs exits with code 0, which fails nothing anyway.
      await pool.run(null);
      // Nobody awaits it, as when a build closes after its own error.
      void pool.run(null);
      await pool.close();
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('unhandledRejection', note);
    }
    expect(reasons).toEqual([]);
  });
});
