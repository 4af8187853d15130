/**
 * Relate's per-article work on every thread of the build: a job's data sits once in shared
 * memory, and each thread takes the next chunk of its articles until none is left.
 */
import { jobRunner, jobSize, RELATE_TURN_MS, type SharedJob, type SharedWork } from '../enrich/relate-articles.ts';
import { turnTaker } from '../next-turn.ts';
import type { Allocate } from '../enrich/term-vectors.ts';
import { SharedArena } from './shared-arena.ts';

/** A job shared by threads: its arrays on SharedArrayBuffers (a message shares them, it does not copy them). */
export type RelateTask = SharedJob & {
  /** Chunks taken so far and chunks done, at 0 and 1, counted atomically by every thread; at 2, not 0 once the job is to stop. */
  readonly progress: Int32Array;
};

/** Where in RelateTask.progress the stop flag is. */
const STOP = 2;

/**
 * Articles per chunk: a few ms of work at most, so a thread that starts late (a worker still
 * loading) or runs slow (a busy machine) leaves little for the others to wait on.
 */
const CHUNK_ARTICLES = 128;

/** Does the task's next chunks until none is left or the job is stopped; returns how many this thread did. */
export function runRelateTask(task: RelateTask): number {
  let done = 0;
  for (const _chunk of takeChunks(task)) done += 1;
  return done;
}

/** Takes and does the task's chunks one by one, yielding after each, until none is left or the job is stopped. */
function* takeChunks(task: RelateTask): Generator<void> {
  const { progress } = task;
  const count = jobSize(task);
  const run = jobRunner(task);
  const chunks = chunkCount(count);
  for (let chunk = Atomics.add(progress, 0, 1); chunk < chunks && Atomics.load(progress, STOP) === 0; chunk = Atomics.add(progress, 0, 1)) {
    run(chunk * CHUNK_ARTICLES, Math.min(count, (chunk + 1) * CHUNK_ARTICLES));
    // After the rows it wrote: a thread that reads this count sees them.
    Atomics.add(progress, 1, 1);
    yield;
  }
}

/** runRelateTask on this thread, the event loop turning every RELATE_TURN_MS so an abort listener can stop the job (Ctrl+C waited for the whole job: ~1 s of the neighbour search at 52,000 articles). */
async function runRelateTaskHere(task: RelateTask): Promise<void> {
  const takeTurn = turnTaker(RELATE_TURN_MS);
  for (const _chunk of takeChunks(task)) {
    const turn = takeTurn();
    if (turn !== null) await turn;
  }
}

/**
 * SharedWork with `helpers` workers (each runs `help`, a runRelateTask on a worker). This thread
 * takes chunks too, after its `meanwhile`; a job waits for the workers only when a chunk is still
 * under way once this thread finds none left, and then for every worker (with one worker, as on
 * two cores, a worker not up yet holds up no job). finish() does wait for every
 * answer, though: a worker still loading when relate ends delays its end until it is up and finds
 * no chunk left. `end` then lets the workers go; `collect` collects this thread's garbage.
 */
export function shareRelateWork(helpers: number, help: (task: RelateTask) => Promise<number>, end: () => Promise<void>, collect: () => void): SharedWork {
  const answers: Array<Promise<unknown>> = [];
  let arena = new SharedArena();
  return {
    allocate: {
      int32: (length) => arena.int32(length),
      float64: (length) => arena.float64(length),
      uint8: (length) => arena.uint8(length),
    } satisfies Allocate,
    collect,
    share: async (job, meanwhile, signal) => {
      const task: RelateTask = { ...job, progress: new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT)) };
      // Every thread takes no chunk after an abort: the job ends within a chunk (a few ms), not at its end.
      const stop = (): void => void Atomics.store(task.progress, STOP, 1);
      if (signal?.aborted === true) stop();
      signal?.addEventListener('abort', stop, { once: true });
      try {
        const helping = Array.from({ length: helpers }, () => help(task));
        // Handled now, as this thread may never await them (its own part threw, or no chunk was left
        // under way): a failure after that is no failure of the build, and it must not end the process
        // as an unhandled rejection hiding the error that matters. The originals are still awaited.
        for (const answer of helping) answer.catch(() => undefined);
        answers.push(...helping);
        meanwhile();
        await runRelateTaskHere(task);
        const chunks = chunkCount(jobSize(job));
        // A worker answers once it finds no chunk left: waited for only while some chunk is under way.
        if (Atomics.load(task.progress, 1) < chunks) await Promise.all(helping);
        signal?.throwIfAborted();
        // Read atomically after the wait too, so the workers' rows are seen (and a lost chunk is loud).
        const done = Atomics.load(task.progress, 1);
        if (done !== chunks) throw new Error(`relate's shared ${job.work} job has ${done} of its ${chunks} chunks done once every thread stopped`);
      } finally {
        signal?.removeEventListener('abort', stop);
      }
    },
    finish: async () => {
      // Every row is done; a task that failed on a worker after that fails nothing.
      await Promise.allSettled(answers.splice(0));
      // A block lives while any array in it does: the next relate starts afresh.
      arena = new SharedArena();
      await end();
    },
  };
}

/** Chunks of `count` articles. */
function chunkCount(count: number): number {
  return Math.ceil(count / CHUNK_ARTICLES);
}
