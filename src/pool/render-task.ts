/** Per-page work for the pool: render a batch of prepared pages through Nunjucks and write them to the staging folder. */
import { mkdirSync, writeFileSync } from 'node:fs';
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

/** The thread's environment and what it was made for: Nunjucks caches compiled templates in it, so it is kept while the templates are the same. */
let cached: { readonly key: string; readonly env: nunjucks.Environment } | null = null;

/** Renders and writes a batch of pages; returns the bytes written for each. */
export async function runRenderTask(task: RenderTask): Promise<number[]> {
  const key = `${task.templatesDir}\0${task.basePath}\0${task.templatesHash}`;
  if (cached?.key !== key) cached = { key, env: createNunjucksEnv(task.templatesDir, task.basePath) };
  const env = cached.env;
  return task.pages.map((job) => {
    const prepared = JSON.parse(job.preparedJson) as PreparedPage;
    if (job.bodyFile !== null) (prepared.context['article'] as { bodyHtml: string }).bodyHtml = cachedBodyHtml(job.bodyFile);
    const html = renderTemplate(env, prepared);
    // Synchronous: in a worker nothing else waits, and it saves a trip through libuv's thread pool per file.
    mkdirSync(path.dirname(job.target), { recursive: true });
    writeFileSync(job.target, html);
    return Buffer.byteLength(html);
  });
}
