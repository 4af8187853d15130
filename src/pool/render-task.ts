/** Per-page work for the pool: render a batch of prepared pages through Nunjucks and write them to the staging folder. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type nunjucks from 'nunjucks';
import { createNunjucksEnv } from '../render/nunjucks-env.ts';
import { renderTemplate, type PreparedPage } from '../render/render-page.ts';
import { cachedBodyHtml } from '../cache/article-bodies.ts';

/** One page of a render task. */
export interface PageJob {
  /** The prepared page as JSON (PageRenderer.prepareJson): made for the page's key anyway, and a string crosses to a worker far faster than an object is cloned. */
  readonly preparedJson: string;
  /** Absolute path of the file in the staging folder; its folder is made here. */
  readonly target: string;
  /** For an article page: the article cache entry holding the body HTML, which the prepared `article` view leaves empty. */
  readonly bodyFile: string | null;
}

/** What a render task carries: pages, batched so one message carries many, and how to render them. */
export interface RenderTask {
  readonly templatesDir: string;
  readonly basePath: string;
  /** Hash of the templates (and code): a worker keeps its environment, and compiled templates, only while it is the same. */
  readonly templatesHash: string;
  readonly pages: readonly PageJob[];
}

/** The thread's environment and what it was made for: Nunjucks caches compiled templates in it, so it is kept while the templates are the same. */
let cached: { readonly key: string; readonly env: nunjucks.Environment } | null = null;

/**
 * Renders and writes a batch of pages (in a worker); resolves with the bytes written for each once
 * every file is written. The folders and files are made on libuv's threads while this thread
 * renders the next batch: a page's folder and file cost ~0.3 ms of waiting on the file system,
 * and synchronous writes left the worker blocked for a third of the stage on a loaded machine
 * (measured again with the writes synchronous: the worker spent 15 s of a 30 s stage in mkdir
 * and write at load 8).
 */
export async function runRenderTask(task: RenderTask): Promise<number[]> {
  const pages = renderBatch(task);
  // Settled, not all(): a failed write must not answer while the others still write into a staging folder about to be removed.
  const written = await Promise.allSettled(pages.map(({ target, html }) => writePage(target, html)));
  const failed = written.find((w) => w.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  return written.map((w) => (w as PromiseFulfilledResult<number>).value);
}

/**
 * Renders and writes a batch of pages in this thread, synchronously: the main thread writes its
 * own pages at once, so their HTML dies young. Kept until an asynchronous write ended, each
 * page's HTML outlived the young generation into the main thread's large old generation: at 25x
 * that build peaked at 1,205 MB (VmHWM) against 1,100 MB with these writes synchronous.
 * Returns the bytes written for each.
 */
export function renderPagesNow(task: RenderTask): number[] {
  return renderBatch(task).map(({ target, html }) => {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, html);
    return Buffer.byteLength(html);
  });
}

/** Renders every page of a batch before any is written: a template error then leaves no write under way. */
function renderBatch(task: RenderTask): Array<{ readonly target: string; readonly html: string }> {
  const key = `${task.templatesDir}\0${task.basePath}\0${task.templatesHash}`;
  if (cached?.key !== key) cached = { key, env: createNunjucksEnv(task.templatesDir, task.basePath) };
  const env = cached.env;
  return task.pages.map((job) => {
    const prepared = JSON.parse(job.preparedJson) as PreparedPage;
    if (job.bodyFile !== null) (prepared.context['article'] as { bodyHtml: string }).bodyHtml = cachedBodyHtml(job.bodyFile);
    return { target: job.target, html: renderTemplate(env, prepared) };
  });
}

/** Makes a page's folder and writes it; resolves with its bytes. */
async function writePage(target: string, html: string): Promise<number> {
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, html);
  return Buffer.byteLength(html);
}
