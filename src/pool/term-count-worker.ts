/** The term counter's thread (see TermCounter): counts batches of articles' terms as they come, then gives relate the archive's table. */
import { serveTasks } from './serve-tasks.ts';
import { TermTable, type VectorJob } from '../enrich/term-vectors.ts';
import { SharedArena } from './shared-arena.ts';
import type { TermCountTask } from './term-counter.ts';

/** The table, its counts in shared memory: the job's answer shares them with the other threads instead of copying them. */
let arena = new SharedArena();
let table = new TermTable(arena);

// Synchronous, so batches are counted in the order they were sent.
serveTasks((task: TermCountTask): number | VectorJob => {
  if (task.kind === 'add') {
    const { terms, counts, lengths } = task;
    let at = 0;
    for (let i = 0; i < terms.length; i++) {
      table.addTerms({ terms: terms[i]!, counts: counts.subarray(at, at + lengths[i]!) });
      at += lengths[i]!;
    }
    return terms.length;
  }
  const [counted, memory] = [table, arena];
  // A next build in the same process (serve) starts a fresh count.
  arena = new SharedArena();
  table = new TermTable(arena);
  counted.reorder(task.order);
  return counted.vectorJob(memory);
});
