/** A worker for the pool's tests: each task blocks its thread for the given milliseconds, then answers them. */
import { serveTasks } from '../../src/pool/serve-tasks.ts';

serveTasks((milliseconds: number) => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
  return milliseconds;
});
