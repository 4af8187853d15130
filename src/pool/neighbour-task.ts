/**
 * Relate's nearest-neighbour search on every thread of the build: the index sits once in shared
 * memory, and each thread takes the next chunk of articles until none is left.
 */
import { type NeighbourIndex, type NeighbourRows, searchNeighbours } from '../enrich/nearest-neighbours.ts';
import type { SharedSearch } from '../enrich/relate-articles.ts';

/** A search shared by threads: its index and rows on SharedArrayBuffers (a message shares them, it does not copy them). */
export interface NeighbourTask {
  readonly index: NeighbourIndex;
  readonly rows: NeighbourRows;
  /** Chunks taken so far and chunks done, at 0 and 1: counted atomically by every thread. */
  readonly progress: Int32Array;
}

/**
 * Articles per chunk: ~5 ms of search, so a thread that starts late (a worker still loading) or
 * runs slow (a busy machine) leaves little for the others to wait on.
 */
const CHUNK_ARTICLES = 128;

/** Searches the task's next chunks until none is left; returns how many this thread did. */
export function runNeighbourTask(task: NeighbourTask): number {
  const { progress } = task;
  const search = searchNeighbours(task.index, task.rows);
  const n = task.rows.counts.length;
  const chunks = chunkCount(n);
  let done = 0;
  for (let chunk = Atomics.add(progress, 0, 1); chunk < chunks; chunk = Atomics.add(progress, 0, 1)) {
    search(chunk * CHUNK_ARTICLES, Math.min(n, (chunk + 1) * CHUNK_ARTICLES));
    // After the rows it wrote: a thread that reads this count sees them.
    Atomics.add(progress, 1, 1);
    done += 1;
  }
  return done;
}

/**
 * A SharedSearch with `helpers` workers (each runs `help`, a runNeighbourTask on a worker). This
 * thread takes chunks too, after its `meanwhile`; it waits for the workers only when one still has
 * a chunk under way, so a worker that is not up yet costs nothing.
 */
export function shareNeighbourSearch(helpers: number, help: (task: NeighbourTask) => Promise<number>): SharedSearch {
  return {
    allocate: (bytes) => new SharedArrayBuffer(bytes),
    search: async (index, rows, meanwhile) => {
      const task: NeighbourTask = { index, rows, progress: new Int32Array(new SharedArrayBuffer(8)) };
      const helping = Array.from({ length: helpers }, () => help(task));
      meanwhile();
      runNeighbourTask(task);
      if (Atomics.load(task.progress, 1) < chunkCount(rows.counts.length)) {
        await Promise.all(helping);
        return;
      }
      // Every row is written. A worker answers once it finds no chunk left; a failure of its thread
      // fails the build's next task on it.
      for (const helper of helping) helper.catch(() => undefined);
    },
  };
}

/** Chunks of `n` articles. */
function chunkCount(n: number): number {
  return Math.ceil(n / CHUNK_ARTICLES);
}
