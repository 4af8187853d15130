/** The render stage on the pool: pages are prepared here, rendered and written in batches by the workers, or linked unchanged. */
import { createHash, hash } from 'node:crypto';
import path from 'node:path';
import type { Page } from '../render/page.ts';
import type { PageRenderer } from '../render/render-page.ts';
import type { SiteWriter } from '../write/site-writer.ts';
import { outputPathFor } from '../urls.ts';
import { renderPagesNow, type PageJob, type RenderTask } from './render-task.ts';
import type { BuildRunner } from './build-tasks.ts';
import { nextTurn, turnTaker } from '../next-turn.ts';

/** What rendering needs besides the pages. */
export interface RenderPagesOptions {
  readonly templatesDir: string;
  readonly basePath: string;
  /** Hash of code, templates and config: with what a page is made from, it decides whether the page changed. */
  readonly salt: string;
  /** The article cache entry holding an article page's body (workers read it there: it is not in the prepared page); null for other pages. */
  readonly bodyFile: (page: Page) => string | null;
  readonly onProgress?: (done: number, total: number) => void;
  /** Once aborted, no further page is prepared: the stage rejects with its reason when the batches under way are written. */
  readonly signal?: AbortSignal;
}

/** Pages per task: one message, one answer and one await for many pages. */
const PAGES_PER_TASK = 24;

/** Tasks handed to the workers and not yet written: bounds memory whatever the site's size. */
const TASKS_IN_FLIGHT_PER_WORKER = 4;

/**
 * The longest this thread keeps the event loop waiting while it keys pages, in milliseconds. A
 * rebuild links nearly every page without sending a batch, which alone would lend the loop a turn:
 * search's Pagefind answers, and the next documents it is sent, would wait for the whole stage.
 */
const MAX_TURN_MS = 8;

/** A page waiting in a batch, with its site path and key for the writer. */
interface BatchedPage extends PageJob {
  readonly file: string;
  readonly key: string | null;
}

/**
 * Renders every page into the writer's staging folder. A page whose inputs (see PageInputs) or
 * variables (and, for an article, body) hash like the previous build's is hard-linked from the
 * previous output instead of rendered. Returns how many pages the site has.
 */
export async function renderPages(pages: Iterable<Page>, total: number, renderer: PageRenderer, writer: SiteWriter, runner: BuildRunner, options: RenderPagesOptions): Promise<number> {
  const limit = Math.max(1, runner.workers) * TASKS_IN_FLIGHT_PER_WORKER;
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  let count = 0;
  let done = 0;
  const finished = (n: number): void => {
    done += n;
    options.onProgress?.(done, total);
  };
  let batch: BatchedPage[] = [];
  const task = { templatesDir: options.templatesDir, basePath: options.basePath, templatesHash: options.salt };

  const send = async (): Promise<void> => {
    const jobs = batch;
    batch = [];
    // When every worker is busy this thread renders the batch itself rather than wait for one.
    const here = runner.workers === 0 || runner.saturated || inFlight.size >= limit;
    // Only the files and keys wait for the answer (no closure here holds the batch): a page's JSON,
    // copied into the message, then dies young instead of outliving the young generation.
    const files = jobs.map(({ file, key }) => [file, key] as const);
    const running = startBatch(here, runner, { ...task, pages: jobs.map(({ preparedJson, target, bodyFile }) => ({ preparedJson, target, bodyFile })) })
      .then((bytes) => {
        files.forEach(([file, key], i) => writer.wrote(file, key, bytes[i]!));
        finished(files.length);
      })
      // A failure stops the stage once the tasks under way are done, so no worker writes into a staging folder being removed.
      .catch((error: unknown) => {
        failure ??= error;
      });
    if (here) await running;
    else {
      const tracked = running.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
    }
    // Let the workers' answers in: preparing and rendering here never waits on I/O, so without this turn of the event loop they would queue unread.
    await nextTurn();
  };

  const takeTurn = turnTaker(MAX_TURN_MS);
  for (const page of pages) {
    if (failure === null && options.signal?.aborted === true) failure = options.signal.reason;
    if (failure !== null) break;
    count += 1;
    const turn = (count & 31) === 0 ? takeTurn() : null;
    if (turn !== null) await turn;
    const file = outputPathFor(page.url);
    const bodyFile = options.bodyFile(page);
    // Keys are needed only to compare with the next build's; the body is in them through its cache entry, named by a hash of the input.
    // An article or term page is keyed first by what it is made from, so an unchanged one is not even prepared; when that
    // key changed, by its variables as well, so a page that reads the same is still kept, and only changed pages are written.
    const inputs = writer.incremental ? renderer.inputsText(page) : null;
    const inputsKey = inputs === null ? null : `i:${hash('sha1', `${options.salt}\0${bodyName(bodyFile)}\0${inputs}`, 'base64url')}`;
    if (inputsKey !== null && writer.reuseByKey(file, inputsKey)) {
      finished(1);
      continue;
    }
    const preparedJson = renderer.prepareJson(page);
    const variablesKey = writer.incremental ? variablesKeyOf(options.salt, bodyFile, preparedJson) : null;
    const key = inputsKey === null ? variablesKey : `${inputsKey} ${variablesKey}`;
    if (variablesKey !== null && writer.reuseByKey(file, variablesKey, key ?? undefined)) {
      finished(1);
      continue;
    }
    batch.push({ file, key, preparedJson, target: writer.stagedPath(file), bodyFile });
    if (batch.length >= PAGES_PER_TASK) await send();
  }
  if (batch.length > 0 && failure === null) await send();
  await Promise.all(inFlight);
  if (failure !== null) throw failure;
  return count;
}

/**
 * A page's key by its variables: salt, body entry and the page's prepared JSON, hashed in turn
 * (joining them first would copy each page's JSON once more). The key by its inputs joins their
 * text, short, to hash it at once: a hash object per page cost more than the hashing.
 */
function variablesKeyOf(salt: string, bodyFile: string | null, preparedJson: string): string {
  return `p:${createHash('sha1').update(salt).update('\0').update(bodyName(bodyFile)).update('\0').update(preparedJson).digest('base64url')}`;
}

/** The name of a page's body entry in the article cache ('' for no body): named by a hash of its input, the body's part of the page's key. */
function bodyName(bodyFile: string | null): string {
  return bodyFile === null ? '' : path.basename(bodyFile);
}

/** Renders a batch on a worker, or here at once; the bytes written per page, or the error, as a promise. */
function startBatch(here: boolean, runner: BuildRunner, task: RenderTask): Promise<number[]> {
  if (!here) return runner.render(task);
  try {
    return Promise.resolve(renderPagesNow(task));
  } catch (error) {
    return Promise.reject(error);
  }
}
