/** The term counter's thread (see TermCounter): counts batches of articles' terms as they come, then gives relate the archive's table. */
import { serveTasks } from './serve-tasks.ts';
import { parseTermsJson, TermTable, type VectorJob } from '../enrich/term-vectors.ts';
import { clearDamagedCache, readWholeSlices, type PackSlice } from '../cache/article-pack.ts';
import { SharedArena } from './shared-arena.ts';
import type { TermCountTask } from './term-counter.ts';

/** The table, its counts in shared memory: the job's answer shares them with the other threads instead of copying them. */
const arena = new SharedArena();
const table = new TermTable(arena);

/** Terms read from the article cache, or a clearDamagedCache error naming where. */
function parseCachedTerms(json: string, [file, offset]: PackSlice): ReturnType<typeof parseTermsJson> {
  try {
    return parseTermsJson(json);
  } catch (error) {
    throw clearDamagedCache(file, offset, error);
  }
}

// Synchronous, so batches are counted in the order they were sent.
serveTasks((task: TermCountTask): number | VectorJob => {
  if (task.kind === 'add') {
    const { sources } = task;
    const slices = sources.filter((source): source is PackSlice => typeof source !== 'string');
    const read = readWholeSlices(slices);
    let next = 0;
    for (const source of sources) {
      if (typeof source === 'string') table.addTerms(parseTermsJson(source));
      else table.addTerms(parseCachedTerms(read[next]!, slices[next++]!));
    }
    return sources.length;
  }
  // One job per thread: TermCounter ends it once answered.
  table.reorder(task.order);
  return table.vectorJob(arena);
});
