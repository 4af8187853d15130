/** The tasks a build hands to its workers, and how they run: in a pool, or in this thread for small builds. */
import { lookUp, runArticleTask, withoutBodyHtml, type ArticleTask, type ArticleTaskResult } from './article-task.ts';
import { runRenderTask, type RenderTask } from './render-task.ts';
import { WorkerPool, workerCount } from './worker-pool.ts';

/** A task for a build worker. */
export type BuildTask = ({ readonly kind: 'article' } & ArticleTask) | ({ readonly kind: 'render' } & RenderTask);

/** The result type of each task kind. */
export interface BuildTaskResults {
  /** The article without its body HTML (see withoutBodyHtml): what the main thread keeps. */
  readonly article: ArticleTaskResult;
  /** Bytes written per page. */
  readonly render: number[];
}

/** Below this many inputs, starting workers (each loads the enricher's word lists) costs more than it saves. */
const MIN_INPUTS_FOR_WORKERS = 400;

/** Runs build tasks; close() when done. */
export interface BuildRunner {
  /** Workers in use (0: this thread). */
  readonly workers: number;
  /** Whether a task given now would wait for a worker: the caller may run it here instead (see runBuildTask). */
  readonly saturated: boolean;
  article(task: ArticleTask): Promise<ArticleTaskResult>;
  render(task: RenderTask): Promise<number[]>;
  /**
   * Called once the last article is in: the workers end, and fresh ones start with the first page.
   * Pages need nothing a worker's parsing left in its heap (the enricher's word lists, garbage):
   * ~100 MB per worker at 25x, kept through relate and render; a fresh worker is ~50 MB, not
   * started until relate (this thread's peak) is over.
   */
  articlesDone(): Promise<void>;
  close(): Promise<void>;
}

/**
 * An article computed in this thread, as the build keeps it: without its body HTML, and copied,
 * because its strings are slices of the input text and would keep all of it in memory (a result
 * from a worker or the cache is a copy already).
 */
function kept(result: ArticleTaskResult): ArticleTaskResult {
  return JSON.parse(JSON.stringify(withoutBodyHtml(result))) as ArticleTaskResult;
}

/** Runs one task in this thread: what a worker does with it. */
export async function runBuildTask(task: BuildTask): Promise<BuildTaskResults[BuildTask['kind']]> {
  return task.kind === 'article' ? withoutBodyHtml(await runArticleTask(task)) : runRenderTask(task);
}

/**
 * A runner for a build of `inputs` articles: a worker pool when it pays off, else this thread. The
 * workers start at once, so their start-up (tsx, word lists) overlaps the build's first steps.
 */
export function createBuildRunner(inputs: number): BuildRunner {
  // BROADSHEET_WORKERS, when set, is obeyed whatever the size (tests use it to run small builds on the pool).
  const forced = (process.env['BROADSHEET_WORKERS'] ?? '') !== '';
  const size = inputs < MIN_INPUTS_FOR_WORKERS && !forced ? 0 : workerCount();
  if (size === 0) {
    return {
      workers: 0,
      saturated: false,
      article: async (task) => kept(await runArticleTask(task)),
      render: runRenderTask,
      articlesDone: async () => undefined,
      close: async () => undefined,
    };
  }
  const pool = new WorkerPool<BuildTask, BuildTaskResults[BuildTask['kind']]>(new URL('./build-worker.ts', import.meta.url), size);
  pool.start();
  return {
    workers: size,
    get saturated() {
      return pool.saturated;
    },
    article: async (task) => {
      const found = await lookUp(task);
      if (found.result !== null) return withoutBodyHtml(found.result);
      const { bytes, overrideBytes, cacheKey } = found;
      const miss = { ...task, miss: { bytes, overrideBytes, cacheKey } };
      // This thread parses too, but only when every worker is busy: it also reads, hashes and receives every result.
      if (pool.saturated) return kept(await runArticleTask(miss));
      return (await pool.run({ kind: 'article', ...miss })) as ArticleTaskResult;
    },
    render: (task) => pool.run({ kind: 'render', ...task }) as Promise<number[]>,
    articlesDone: () => pool.restart(),
    close: () => pool.close(),
  };
}
