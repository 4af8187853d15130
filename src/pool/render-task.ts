/** Per-page work for the pool: render one prepared page through Nunjucks and write it to the staging folder. */
import { writeFile } from 'node:fs/promises';
import type nunjucks from 'nunjucks';
import { createNunjucksEnv } from '../render/nunjucks-env.ts';
import { renderTemplate, type PreparedPage } from '../render/render-page.ts';

/** What a render task carries: the prepared page and where its file goes. */
export interface RenderTask {
  readonly templatesDir: string;
  readonly basePath: string;
  /** Hash of the templates (and code): a worker keeps its environment, and compiled templates, only while it is the same. */
  readonly templatesHash: string;
  /** The prepared page as JSON: a string crosses to a worker far faster than the object would be cloned. */
  readonly preparedJson: string;
  /** Absolute path of the file in the staging folder. */
  readonly target: string;
}

/** The thread's environment and what it was made for: Nunjucks caches compiled templates in it, so it is kept while the templates are the same. */
let cached: { readonly key: string; readonly env: nunjucks.Environment } | null = null;

/** Renders and writes one page; returns the bytes written. */
export async function runRenderTask(task: RenderTask): Promise<number> {
  const key = `${task.templatesDir}\0${task.basePath}\0${task.templatesHash}`;
  if (cached?.key !== key) cached = { key, env: createNunjucksEnv(task.templatesDir, task.basePath) };
  const env = cached.env;
  const html = renderTemplate(env, JSON.parse(task.preparedJson) as PreparedPage);
  // The folder exists: SiteWriter.prepare() made it when it named the target.
  await writeFile(task.target, html);
  return Buffer.byteLength(html);
}
