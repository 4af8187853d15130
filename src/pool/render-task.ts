/** Per-page work for the pool: render a batch of prepared pages through Nunjucks and write them to the staging folder. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type nunjucks from 'nunjucks';
import { createNunjucksEnv } from '../render/nunjucks-env.ts';
import { renderTemplate, type PreparedPage } from '../render/render-page.ts';
import { cachedBodyHtml } from '../cache/article-bodies.ts';
import { resolveArticleLinks } from '../content/article-links.ts';

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
 * Renders and writes a batch of pages, synchronously, on whichever thread runs it (a worker, or
 * the main thread when every worker is busy); returns the bytes written for each.
 *
 * Synchronous writes, because the file system takes a large share of a page's CPU (its folder
 * and file: about a quarter), and asynchronous writes cost more of it. Each page is a folder and a
 * file in one parent folder (articles/, a term's folder), and libuv's four threads making them at
 * once contend for that folder's lock in the kernel: 10,000 folders with a 12 KB file each, written
 * 24 at a time with 4 batches under way (as this worker did), took 1.7–1.9× the CPU of the same
 * written one by one. A clean 25x build without search, the worker writing asynchronously then
 * synchronously: render 40.95 → 27.07 s, CPU 131.8 → 118.1 s. Written at once, each page's HTML
 * also dies young.
 */
export function renderPagesNow(task: RenderTask): number[] {
  return renderBatch(task).map(({ target, html }) => {
    try {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, html);
    } catch (error) {
      // A write that fails part way ("ENOSPC: ..., write") does not say where: the disk is told by the path.
      const failure = error as Error;
      if (!failure.message.includes(target)) failure.message = `${failure.message} '${target}'`;
      throw failure;
    }
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
    if (job.bodyFile !== null) {
      const article = prepared.context['article'] as { bodyHtml: string; bodyLinks?: Record<string, string> };
      const links = article.bodyLinks ?? {};
      article.bodyHtml = resolveArticleLinks(cachedBodyHtml(job.bodyFile), (file) => (Object.hasOwn(links, file) ? links[file]! : null));
    }
    return { target: job.target, html: renderTemplate(env, task.templatesDir, prepared) };
  });
}
