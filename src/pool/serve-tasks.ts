/** The worker side of WorkerPool: answer each task message with its result or its error. */
import { parentPort } from 'node:worker_threads';
import { errorMessage, type ResultMessage, type TaskMessage } from './worker-pool.ts';

/** Serves tasks from the parent thread with `handle`, one answer per task. */
export function serveTasks<T, R>(handle: (task: T) => R | Promise<R>): void {
  const port = parentPort;
  if (port === null) throw new Error('serveTasks() runs only inside a worker thread');
  port.on('message', async ({ id, task }: TaskMessage<T>) => {
    let answer: ResultMessage<R>;
    try {
      answer = { id, ok: true, result: await handle(task) };
    } catch (error) {
      answer = { id, ok: false, error: errorMessage(error) };
    }
    port.postMessage(answer);
  });
}
