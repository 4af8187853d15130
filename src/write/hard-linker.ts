/**
 * Hard-links files on a thread of its own. A rebuild after one edit links every unchanged file of
 * the previous output into the staging folder (21k at 5x, each page in a folder of its own). As
 * promises on libuv's four threads, mkdir then link, they fell behind the pages and the build
 * waited for them at commit (0.4-3.0 s of a 5x rebuild at load ~10); here the main thread only
 * posts batches of paths, and this thread makes each folder once and links with synchronous
 * calls, done before the pages are (commit 0.15-0.2 s, same load).
 */
import { Worker } from 'node:worker_threads';

/** Links posted at once: few messages, and the thread starts on a batch while the next fills. */
const BATCH = 256;

/**
 * The thread's code, plain CommonJS so it starts without the TypeScript loader. Each message is a
 * flat list of source, target pairs; the answer is the first failure, or null. A folder is made
 * once (recursively: a target's parent may be new), then known.
 */
const LINKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { linkSync, mkdirSync } = require('node:fs');
const path = require('node:path');
const made = new Set();
parentPort.on('message', (pairs) => {
  let failure = null;
  for (let i = 0; i < pairs.length; i += 2) {
    const target = pairs[i + 1];
    try {
      const dir = path.dirname(target);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      linkSync(pairs[i], target);
    } catch (error) {
      failure ??= { target, message: error.message };
    }
  }
  parentPort.postMessage(failure);
});
`;

/** One failed link: the target and why. */
export interface LinkFailure {
  readonly target: string;
  readonly message: string;
}

/** Hard-links files in batches on its own thread; started with the first batch, ended by done(). */
export class HardLinker {
  #worker: Worker | null = null;
  #batch: string[] = [];
  /** Batches posted and not answered, and who waits for the last answer. */
  #outstanding = 0;
  #idle: (() => void) | null = null;
  #failure: LinkFailure | null = null;

  /** Links `source` to `target` soon; a failure is reported by done(). */
  link(source: string, target: string): void {
    this.#batch.push(source, target);
    if (this.#batch.length >= BATCH * 2) this.#post();
  }

  /** Waits until every link asked for is made, ends the thread, and returns the first failure (null when none). */
  async done(): Promise<LinkFailure | null> {
    this.#post();
    while (this.#outstanding > 0) await new Promise<void>((resolve) => (this.#idle = resolve));
    const worker = this.#worker;
    this.#worker = null;
    await worker?.terminate();
    return this.#failure;
  }

  #post(): void {
    if (this.#batch.length === 0) return;
    const worker = (this.#worker ??= this.#start());
    // Held open only while links are under way: an idle linker must not keep the process alive.
    if (this.#outstanding === 0) worker.ref();
    this.#outstanding += 1;
    worker.postMessage(this.#batch);
    this.#batch = [];
  }

  #start(): Worker {
    // No execArgv: the thread needs neither the TypeScript loader nor the build's flags.
    const worker = new Worker(LINKER_SOURCE, { eval: true, execArgv: [] });
    worker.on('message', (failure: LinkFailure | null) => {
      this.#failure ??= failure;
      this.#answered(worker);
    });
    worker.on('error', (error: Error) => this.#lost(worker, error.message));
    // A thread that ends with batches unanswered (killed, out of memory) would leave done() waiting for ever.
    worker.on('exit', (code) => {
      if (this.#worker === worker && this.#outstanding > 0) this.#lost(worker, `it stopped with exit code ${code}`);
    });
    return worker;
  }

  /** A thread that failed answers nothing more: nothing is under way any longer, and a next batch starts another. */
  #lost(worker: Worker, message: string): void {
    this.#failure ??= { target: '', message };
    if (this.#worker === worker) this.#worker = null;
    this.#outstanding = 1;
    this.#answered(worker);
  }

  #answered(worker: Worker): void {
    this.#outstanding -= 1;
    if (this.#outstanding > 0) return;
    worker.unref();
    this.#idle?.();
  }
}
