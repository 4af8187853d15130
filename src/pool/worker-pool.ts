/** A small pool of worker threads running one task module, so per-article work uses every core. */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { BroadsheetError } from '../errors.ts';

/** A task as the worker receives it: an id to answer to plus the payload. */
export interface TaskMessage<T> {
  readonly id: number;
  readonly task: T;
}

/** A worker's answer: the result, or the error as plain data (errors do not survive the thread boundary as classes). */
export type ResultMessage<R> =
  | { readonly id: number; readonly ok: true; readonly result: R }
  | { readonly id: number; readonly ok: false; readonly error: { name: string; message: string; stack?: string; file: string | null; line: number | null } };

interface Pending<R> {
  resolve(result: R): void;
  reject(error: Error): void;
}

/** Tasks sent to one worker before it answers: enough to hide the message round trip, few enough to keep memory flat. */
const IN_FLIGHT_PER_WORKER = 4;

/**
 * How many workers a build uses: one per core besides the main thread's (which prepares pages and
 * takes a share of the articles), at least one; or BROADSHEET_WORKERS when set (0: main thread only).
 */
export function workerCount(): number {
  const wanted = process.env['BROADSHEET_WORKERS'];
  if (wanted !== undefined && wanted !== '' && Number.isInteger(Number(wanted)) && Number(wanted) >= 0) return Number(wanted);
  return Math.max(1, availableParallelism() - 1);
}

/** Runs tasks on `size` workers of one module; answers come back in any order, each to its own promise. */
export class WorkerPool<T, R> {
  readonly size: number;
  readonly #workers: Worker[] = [];
  readonly #load: number[] = [];
  readonly #pending = new Map<number, Pending<R>>();
  readonly #owner = new Map<number, number>();
  readonly #queue: Array<{ id: number; task: T }> = [];
  #nextId = 0;
  #failed: Error | null = null;

  readonly #moduleUrl: URL;

  /** Workers start on the first task, so a build that needs none (everything cached) starts none. */
  constructor(moduleUrl: URL, size: number) {
    this.size = size;
    this.#moduleUrl = moduleUrl;
  }

  /** Starts the workers now, ahead of their first task, so their start-up overlaps the caller's own work; once only. */
  start(): void {
    if (this.#workers.length > 0) return;
    for (let i = 0; i < this.size; i++) {
      const worker = startWorker(this.#moduleUrl);
      worker.on('message', (message: ResultMessage<R>) => this.#settle(i, message));
      worker.on('error', (error) => this.#fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.#fail(new Error(`a build worker stopped with exit code ${code}`));
      });
      // Idle workers must not keep the process alive.
      worker.unref();
      this.#workers.push(worker);
      this.#load.push(0);
    }
  }

  /** Queues one task; resolves with the worker's result or rejects with its error. */
  run(task: T): Promise<R> {
    if (this.#failed !== null) return Promise.reject(this.#failed);
    this.start();
    const id = this.#nextId++;
    const promise = new Promise<R>((resolve, reject) => this.#pending.set(id, { resolve, reject }));
    // A task nobody awaits any more (its caller failed first, then closed the pool) must not end the
    // process as an unhandled rejection; a caller that awaits it still sees the rejection.
    promise.catch(() => undefined);
    this.#queue.push({ id, task });
    this.#dispatch();
    return promise;
  }

  /** Whether every worker has all the tasks it takes at once: a task queued now would wait, so the caller may as well run it itself. */
  get saturated(): boolean {
    return this.#workers.length > 0 && (this.#queue.length > 0 || this.#load.every((load) => load >= IN_FLIGHT_PER_WORKER));
  }

  /**
   * Ends every worker, between tasks only (none under way); the next task starts fresh ones. A
   * fresh thread's heap holds nothing earlier tasks left behind: loaded data, garbage, the
   * part-filled pages of a heap that grew while they ran.
   */
  async restart(): Promise<void> {
    if (this.#pending.size > 0) throw new Error('WorkerPool.restart() while tasks are under way');
    const old = this.#workers.splice(0);
    this.#load.length = 0;
    // A terminated worker exits with code 1: not a failure here.
    for (const worker of old) worker.removeAllListeners('exit');
    await Promise.all(old.map((w) => w.terminate()));
  }

  /**
   * Stops the workers for good: tasks still pending or queued are rejected (nothing is left
   * waiting for ever), and a task asked for later is rejected at once.
   */
  async close(): Promise<void> {
    const closed = (this.#failed ??= new Error('the build workers were closed'));
    const workers = this.#workers.splice(0);
    this.#load.length = 0;
    this.#queue.length = 0;
    this.#owner.clear();
    // A deliberate stop, not a worker failing (as in restart()): the tasks end with `closed`, not with an exit code.
    for (const worker of workers) worker.removeAllListeners('exit');
    for (const pending of this.#pending.values()) pending.reject(closed);
    this.#pending.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      let best = -1;
      for (let i = 0; i < this.#workers.length; i++) {
        if (this.#load[i]! < IN_FLIGHT_PER_WORKER && (best === -1 || this.#load[i]! < this.#load[best]!)) best = i;
      }
      if (best === -1) return;
      const next = this.#queue.shift()!;
      this.#load[best]! += 1;
      this.#owner.set(next.id, best);
      const worker = this.#workers[best]!;
      worker.ref();
      worker.postMessage({ id: next.id, task: next.task } satisfies TaskMessage<T>);
    }
  }

  #settle(worker: number, message: ResultMessage<R>): void {
    const pending = this.#pending.get(message.id);
    this.#pending.delete(message.id);
    this.#owner.delete(message.id);
    this.#load[worker]! -= 1;
    if (this.#load[worker] === 0) this.#workers[worker]!.unref();
    this.#dispatch();
    if (pending === undefined) return;
    if (message.ok) pending.resolve(message.result);
    else pending.reject(reviveError(message.error));
  }

  #fail(error: Error): void {
    this.#failed ??= error;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
    this.#queue.length = 0;
  }
}

/** Turns an error into a ResultMessage error, keeping a BroadsheetError's file and line. */
export function errorMessage(error: unknown): Extract<ResultMessage<never>, { ok: false }>['error'] {
  const e = error instanceof Error ? error : new Error(String(error));
  const located = e instanceof BroadsheetError ? e : null;
  return { name: e.name, message: e.message, ...(e.stack === undefined ? {} : { stack: e.stack }), file: located?.file ?? null, line: located?.line ?? null };
}

function reviveError(data: Extract<ResultMessage<never>, { ok: false }>['error']): Error {
  const error = data.name === 'BroadsheetError' ? new BroadsheetError(data.message, { file: data.file, line: data.line }) : new Error(data.message);
  if (data.stack !== undefined) error.stack = data.stack;
  return error;
}

/**
 * The module `name` beside the module at `from` (an import.meta.url), with the same extension:
 * `.ts` when run from source, `.js` in the compiled copy (bin/compiled-cli.js), where each worker
 * module is a file of its own beside the code that starts it.
 */
export function siblingModule(name: string, from: string): URL {
  const extension = /\.[cm]?[jt]s$/.exec(new URL(from).pathname)?.[0] ?? '.js';
  return new URL(`./${name}${extension}`, from);
}

/**
 * Starts a worker on a module. A `.ts` module is loaded through tsx's API, registered inside the
 * worker: tsx does not register itself in workers started from a tsx process (checked with tsx 4.23).
 */
function startWorker(moduleUrl: URL): Worker {
  if (!moduleUrl.pathname.endsWith('.ts')) return new Worker(moduleUrl);
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const bootstrap = `import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(moduleUrl.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`));
}
