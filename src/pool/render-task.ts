/** Per-page work for the pool: render a batch of prepared pages through Nunjucks and write them to the staging folder. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type nunjucks from 'nunjucks';
import { createNunjucksEnv } from '../render/nunjucks-env.ts';
import { renderTemplate, type PreparedPage } from '../render/render-page.ts';
import { cachedBodyHtml } from '../cache/article-bodies.ts';

/** One page of a render task. */
export interface PageJob {
  /** The prepared page as JSON: a string crosses to a worker far faster than the object would be cloned. */
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

/** A page as the thread that prepared it renders it: the prepared object itself, no JSON round trip. */
export interface PreparedJob {
  readonly prepared: PreparedPage;
  readonly target: string;
  readonly bodyFile: string | null;
}

/** The thread's environment and what it was made for: Nunjucks caches compiled templates in it, so it is kept while the templates are the same. */
let cached: { readonly key: string; readonly env: nunjucks.Environment } | null = null;

/** Renders and writes a batch of pages (in a worker); resolves with the bytes written for each once every file is written. */
export function runRenderTask(task: RenderTask): Promise<number[]> {
  return renderPrepared(task, task.pages.map((job) => ({ prepared: JSON.parse(job.preparedJson) as PreparedPage, target: job.target, bodyFile: job.bodyFile })));
}

/**
 * Renders a batch of prepared pages now and starts writing them; resolves with the bytes of each
 * once every file is written. The folder and the file are made on libuv's threads: a page's folder
 * and file cost ~0.3 ms of waiting on the file system each, which this thread spends rendering the
 * next pages instead (synchronous writes were a third of the render stage's wall time). Async only
 * to turn a template error into a rejection: the pages are rendered before it returns.
 */
export async function renderPrepared(task: Omit<RenderTask, 'pages'>, jobs: readonly PreparedJob[]): Promise<number[]> {
  const key = `${task.templatesDir}\0${task.basePath}\0${task.templatesHash}`;
  if (cached?.key !== key) cached = { key, env: createNunjucksEnv(task.templatesDir, task.basePath) };
  const env = cached.env;
  const writes = jobs.map((job) => {
    const prepared = job.prepared;
    if (job.bodyFile !== null) (prepared.context['article'] as { bodyHtml: string }).bodyHtml = cachedBodyHtml(job.bodyFile);
    const html = renderTemplate(env, prepared);
    return writePage(job.target, html);
  });
  return Promise.all(writes);
}

/** Makes a page's folder and writes it; resolves with its bytes. */
async function writePage(target: string, html: string): Promise<number> {
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, html);
  return Buffer.byteLength(html);
}
