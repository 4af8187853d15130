/**
 * Relate's per-article work on every thread of the build: a job's data sits once in shared
 * memory, and each thread takes the next chunk of its articles until none is left.
 */
import { jobRunner, jobSize, type SharedJob, type SharedWork } from '../enrich/relate-articles.ts';

/** A job shared by threads: its arrays on SharedArrayBuffers (a message shares them, it does not copy them). */
export type RelateTask = SharedJob & {
  /** Chunks taken so far and chunks done, at 0 and 1: counted atomically by every thread. */
  readonly progress: Int32Array;
};

/**
 * Articles per chunk: a few ms of work at most, so a thread that starts late (a worker still
 * loading) or runs slow (a busy machine) leaves little for the others to wait on.
 */
const CHUNK_ARTICLES = 128;

/** Does the task's next chunks until none is left; returns how many this thread did. */
export function runRelateTask(task: RelateTask): number {
  const { progress } = task;
  const count = jobSize(task);
  const run = jobRunner(task);
  const chunks = chunkCount(count);
  let done = 0;
  for (let chunk = Atomics.add(progress, 0, 1); chunk < chunks; chunk = Atomics.add(progress, 0, 1)) {
    run(chunk * CHUNK_ARTICLES, Math.min(count, (chunk + 1) * CHUNK_ARTICLES));
    // After the rows it wrote: a thread that reads this count sees them.
    Atomics.add(progress, 1, 1);
    done += 1;
  }
  return done;
}

/**
 * SharedWork with `helpers` workers (each runs `help`, a runRelateTask on a worker). This thread
 * takes chunks too, after its `meanwhile`; it waits for the workers only when one still has a
 * chunk under way, so a worker that is not up yet costs nothing. `end` lets the workers go once
 * every task has its answer (see SharedWork.finish).
 */
export function shareRelateWork(helpers: number, help: (task: RelateTask) => Promise<number>, end: () => Promise<void>): SharedWork {
  const answers: Array<Promise<unknown>> = [];
  return {
    allocate: (bytes) => new SharedArrayBuffer(bytes),
    share: async (job, meanwhile) => {
      const task: RelateTask = { ...job, progress: new Int32Array(new SharedArrayBuffer(8)) };
      const helping = Array.from({ length: helpers }, () => help(task));
      answers.push(...helping);
      meanwhile();
      runRelateTask(task);
      // A worker answers once it finds no chunk left: only one with a chunk under way is waited for.
      if (Atomics.load(task.progress, 1) < chunkCount(jobSize(job))) await Promise.all(helping);
    },
    finish: async () => {
      // Every row is done; a task that failed on a worker after that fails nothing.
      await Promise.allSettled(answers.splice(0));
      await end();
    },
  };
}

/** Chunks of `count` articles. */
function chunkCount(count: number): number {
  return Math.ceil(count / CHUNK_ARTICLES);
}
