/** The tasks a build hands to its workers, and how they run: in a pool, or in this thread for small builds. */
import { lookUp, runArticleTask, type ArticleTask, type ArticleTaskResult } from './article-task.ts';
import { runRenderTask, type RenderTask } from './render-task.ts';
import { WorkerPool, workerCount } from './worker-pool.ts';

/** A task for a build worker. */
export type BuildTask = ({ readonly kind: 'article' } & ArticleTask) | ({ readonly kind: 'render' } & RenderTask);

/** The result type of each task kind. */
export interface BuildTaskResults {
  readonly article: ArticleTaskResult;
  readonly render: number;
}

/** Below this many inputs, starting workers (each loads the enricher's word lists) costs more than it saves. */
const MIN_INPUTS_FOR_WORKERS = 400;

/** Runs build tasks; close() when done. */
export interface BuildRunner {
  /** Workers in use (0: this thread). */
  readonly workers: number;
  article(task: ArticleTask): Promise<ArticleTaskResult>;
  render(task: RenderTask): Promise<number>;
  close(): Promise<void>;
}

/** Runs one task in this thread: what a worker does with it. */
export async function runBuildTask(task: BuildTask): Promise<BuildTaskResults[BuildTask['kind']]> {
  return task.kind === 'article' ? runArticleTask(task) : runRenderTask(task);
}

/** A runner for a build of `inputs` articles: a worker pool when it pays off, else this thread. */
export function createBuildRunner(inputs: number): BuildRunner {
  // BROADSHEET_WORKERS, when set, is obeyed whatever the size (tests use it to run small builds on the pool).
  const forced = (process.env['BROADSHEET_WORKERS'] ?? '') !== '';
  const size = inputs < MIN_INPUTS_FOR_WORKERS && !forced ? 0 : workerCount();
  if (size === 0) {
    return { workers: 0, article: runArticleTask, render: runRenderTask, close: async () => undefined };
  }
  const pool = new WorkerPool<BuildTask, BuildTaskResults[BuildTask['kind']]>(new URL('./build-worker.ts', import.meta.url), size);
  let turn = 0;
  return {
    workers: size,
    article: async (task) => {
      const found = await lookUp(task);
      if (found.result !== null) return found.result;
      const { bytes, overrideBytes, cacheKey } = found;
      // This thread takes its share of the misses: it is idle in this stage otherwise.
      if (turn++ % (size + 1) === size) return runArticleTask({ ...task, miss: { bytes, overrideBytes, cacheKey } });
      return (await pool.run({ kind: 'article', ...task, miss: { bytes, overrideBytes, cacheKey } })) as ArticleTaskResult;
    },
    render: (task) => pool.run({ kind: 'render', ...task }) as Promise<number>,
    close: () => pool.close(),
  };
}
