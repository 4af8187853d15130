/** The term counter's thread (see TermCounter): counts batches of articles' terms as they come, then gives relate the archive's table. */
import { serveTasks } from './serve-tasks.ts';
import { parseTermsJson, TermTable, type VectorJob } from '../enrich/term-vectors.ts';
import { readWholeSlices, type PackSlice } from '../cache/article-pack.ts';
import { SharedArena } from './shared-arena.ts';
import type { TermCountTask } from './term-counter.ts';

/** The table, its counts in shared memory: the job's answer shares them with the other threads instead of copying them. */
const arena = new SharedArena();
const table = new TermTable(arena);

// Synchronous, so batches are counted in the order they were sent.
serveTasks((task: TermCountTask): number | VectorJob => {
  if (task.kind === 'add') {
    const { sources } = task;
    const read = readWholeSlices(sources.filter((source): source is PackSlice => typeof source !== 'string'));
    let next = 0;
    for (const source of sources) table.addTerms(parseTermsJson(typeof source === 'string' ? source : read[next++]!));
    return sources.length;
  }
  // One job per thread: TermCounter ends it once answered.
  table.reorder(task.order);
  return table.vectorJob(arena);
});
