/** The tasks a build hands to its workers, and how they run: in a pool, or in this thread for small builds. */
import type { ArticleTask, ArticleTaskResult } from './article-task.ts';
import { type RelateTask, shareRelateWork } from './relate-task.ts';
import { renderPagesNow, type RenderTask } from './render-task.ts';
import { siblingModule, WorkerPool, workerCount } from './worker-pool.ts';
import { nextTurn } from '../next-turn.ts';
import type { SharedWork } from '../enrich/relate-articles.ts';
import { collectGarbage } from '../collect-garbage.ts';

/**
 * Parses a batch on this thread. The parser's modules (chrono, remark, the enricher: ~0.8 s of CPU
 * to load) are loaded on the first batch this thread parses: a build whose articles are all
 * cached, and the CLI's other commands, never load them.
 */
async function parseOnThisThread(task: ArticleTask): Promise<ArticleTaskResult[]> {
  return (await import('./article-task.ts')).runArticleTask(task);
}

/** A task for a build worker. */
export type BuildTask = ({ readonly kind: 'articles' } & ArticleTask) | ({ readonly kind: 'relate' } & RelateTask) | ({ readonly kind: 'render' } & RenderTask);

/** The result type of each task kind. */
export interface BuildTaskResults {
  /** Each input's outcome as JSON without its body HTML, and where it is cached. */
  readonly articles: ArticleTaskResult[];
  /** Chunks of relate's shared job the worker did. */
  readonly relate: number;
  /** Bytes written per page. */
  readonly render: number[];
}

/** Below this many inputs, starting workers (each loads the enricher's word lists) costs more than it saves. */
const MIN_INPUTS_FOR_WORKERS = 400;

/** Runs build tasks; close() when done. */
export interface BuildRunner {
  /** Workers in use (0: this thread). */
  readonly workers: number;
  /** Whether a task given now would wait for a worker: the caller may run it here instead. */
  readonly saturated: boolean;
  /** Parses a batch of inputs the cache does not have: on a worker, or here when every worker is busy. */
  articles(task: ArticleTask): Promise<ArticleTaskResult[]>;
  render(task: RenderTask): Promise<number[]>;
  /** Relate's per-article work shared with the workers; null without workers (relate runs on this thread). */
  readonly relate: SharedWork | null;
  /**
   * Called once the last article is in: the workers end, and fresh ones start at once to share
   * relate's per-article work (they load while this thread reads the articles' terms). Relate
   * needs nothing a worker's parsing left in its heap (the enricher's word lists, garbage: ~100 MB
   * per worker at 25x, where a fresh one is ~50 MB), and its workers end in turn when it is done
   * (SharedWork.finish): the first page starts fresh ones again.
   */
  articlesDone(): Promise<void>;
  /**
   * Says how many inputs the cache does not have: with few, one worker of their own parses them
   * (the pool's start-up costs more than it saves, and this thread reads the hits); else the workers start now.
   */
  expectMisses(misses: number): void;
  /** Whether workers parse (as expectMisses decided): then every core is busy while articles load. */
  readonly workersParse: boolean;
  close(): Promise<void>;
}

/** Build workers, each taking any kind of build task. */
type BuildPool = WorkerPool<BuildTask, BuildTaskResults[BuildTask['kind']]>;

/**
 * A runner for a build of `inputs` articles: a worker pool when it pays off, else this thread. With
 * `startNow` the workers start at once, so their start-up (tsx, word lists) overlaps the build's
 * first steps; else when expectMisses() or the first task asks for them.
 */
export function createBuildRunner(inputs: number, options: { readonly startNow: boolean } = { startNow: true }): BuildRunner {
  // BROADSHEET_WORKERS, when set, is obeyed whatever the size (tests use it to run small builds on the pool).
  const forced = (process.env['BROADSHEET_WORKERS'] ?? '') !== '';
  const size = inputs < MIN_INPUTS_FOR_WORKERS && !forced ? 0 : workerCount();
  if (size === 0) {
    return {
      workers: 0,
      saturated: false,
      articles: async (task) => parseOnThisThread(task),
      render: async (task) => renderPagesNow(task),
      relate: null,
      articlesDone: async () => undefined,
      expectMisses: () => undefined,
      workersParse: false,
      close: async () => undefined,
    };
  }
  const pool: BuildPool = new WorkerPool(siblingModule('build-worker', import.meta.url), size);
  if (options.startNow) pool.start();
  /** Whether expectMisses() found few: the pool does not parse, the miss worker does (or this thread, a miss found only when read). */
  let fewMisses = false;
  /** The one worker that parses a few misses (see expectMisses), or null. */
  let missWorker: BuildPool | null = null;
  return {
    workers: size,
    get saturated() {
      return pool.saturated;
    },
    // This thread parses too, but only when every worker is busy: it also looks up, receives and keeps every result.
    articles: async (task) => {
      if (missWorker !== null) return (await missWorker.run({ kind: 'articles', ...task })) as ArticleTaskResult[];
      if (fewMisses) return await parseOnThisThread(task);
      // A worker's answer is a message, and a chain of settled awaits never lets one in: without a
      // turn of the event loop here, this thread parsed every batch after the first few while the
      // worker, its answers unread, sat idle (one thread's speed with two cores).
      await nextTurn();
      return pool.saturated ? parseOnThisThread(task) : (pool.run({ kind: 'articles', ...task }) as Promise<ArticleTaskResult[]>);
    },
    render: (task) => pool.run({ kind: 'render', ...task }) as Promise<number[]>,
    // After relate the workers end: render starts fresh ones, holding none of relate's memory.
    relate: shareRelateWork(size, (task) => pool.run({ kind: 'relate', ...task }) as Promise<number>, () => pool.restart(), collectGarbage),
    articlesDone: async () => {
      await missWorker?.close();
      missWorker = null;
      await pool.restart();
      pool.start();
    },
    get workersParse() {
      return !fewMisses;
    },
    expectMisses: (misses) => {
      if (misses < MIN_INPUTS_FOR_WORKERS && !forced) {
        fewMisses = true;
        // One worker parses them, started now: its start-up and the parser's word lists (~0.25 s after one edit,
        // the same at any size) cost the core the term counter leaves mostly idle, not this thread, which reads the hits.
        if (misses > 0) {
          missWorker = new WorkerPool(siblingModule('build-worker', import.meta.url), 1);
          missWorker.start();
        }
      }
      else pool.start();
    },
    close: async () => {
      await missWorker?.close();
      await pool.close();
    },
  };
}
