/** The render stage on the pool: pages are prepared here, rendered and written by the workers, or linked unchanged. */
import { createHash } from 'node:crypto';
import type { Page } from '../render/page.ts';
import type { PageRenderer } from '../render/render-page.ts';
import type { SiteWriter } from '../write/site-writer.ts';
import { outputPathFor } from '../urls.ts';
import type { BuildRunner } from './build-tasks.ts';

/** What rendering needs besides the pages. */
export interface RenderPagesOptions {
  readonly templatesDir: string;
  readonly basePath: string;
  /** Hash of code, templates and config: with a page's variables, it decides whether the page changed. */
  readonly salt: string;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Pages handed to the workers and not yet written: bounds memory whatever the site's size. */
const IN_FLIGHT_PER_WORKER = 16;

/**
 * Renders every page into the writer's staging folder. A page whose template and variables hash
 * like the previous build's is hard-linked from the previous output instead of rendered. Returns
 * how many pages the site has.
 */
export async function renderPages(pages: Iterable<Page>, total: number, renderer: PageRenderer, writer: SiteWriter, runner: BuildRunner, options: RenderPagesOptions): Promise<number> {
  const limit = Math.max(1, runner.workers) * IN_FLIGHT_PER_WORKER;
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  let count = 0;
  let done = 0;
  const finished = (): void => options.onProgress?.(++done, total);
  for (const page of pages) {
    if (failure !== null) break;
    count += 1;
    const prepared = renderer.prepare(page);
    const file = outputPathFor(page.url);
    const preparedJson = JSON.stringify(prepared);
    const key = `p:${createHash('sha1').update(options.salt).update(preparedJson).digest('hex')}`;
    if (writer.reuse(file, key)) {
      finished();
      continue;
    }
    const task = runner
      .render({ templatesDir: options.templatesDir, basePath: options.basePath, templatesHash: options.salt, preparedJson, target: writer.prepare(file) })
      .then((bytes) => {
        writer.wrote(file, key, bytes);
        finished();
      })
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
    if (inFlight.size >= limit) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failure !== null) throw failure;
  return count;
}
