/**
 * renderPages lends the event loop a turn while it keys pages: a rebuild links nearly every page
 * without sending a batch, and search, indexing meanwhile, waits on this thread's event loop for
 * Pagefind's answers and to send the next documents.
 */
import { describe, expect, it } from 'vitest';
import { renderPages } from '../../src/pool/render-pages.ts';
import type { Page } from '../../src/render/page.ts';
import type { PageRenderer } from '../../src/render/render-page.ts';
import type { SiteWriter } from '../../src/write/site-writer.ts';
import type { BuildRunner } from '../../src/pool/build-tasks.ts';

/** Keeps this thread busy for `ms`, as keying a page does. */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('renderPages', () => {
  it('lets the event loop run while every page is linked unchanged', async () => {
    const pages: Page[] = Array.from({ length: 400 }, (_, i) => ({ kind: 'article', url: `articles/a-${i}/`, id: `a-${i}` }));
    // Every page's inputs hash as before (0.1 ms each, 40 ms in all), so each is reused, never rendered.
    const renderer = {
      inputsText: () => {
        busy(0.1);
        return 'same';
      },
      prepareJson: () => {
        throw new Error('an unchanged page is not prepared');
      },
    } as unknown as PageRenderer;
    const reused: string[] = [];
    const writer = {
      incremental: true,
      reuseByKey: (file: string) => reused.push(file) > 0,
    } as unknown as SiteWriter;
    const runner = { workers: 0, saturated: false } as unknown as BuildRunner;

    const events: string[] = [];
    // Answers that another stage (search) waits for come in through the event loop.
    const ticker = setInterval(() => events.push('turn'), 0);
    const count = await renderPages(pages, pages.length, renderer, writer, runner, { templatesDir: '', basePath: '/', salt: 's', bodyFile: () => null });
    events.push('done');
    clearInterval(ticker);

    expect(count).toBe(400);
    expect(reused).toHaveLength(400);
    expect(reused[0]).toBe('articles/a-0/index.html');
    // 40 ms of keying, in turns of at most MAX_TURN_MS (8 ms): the loop ran several times before the stage ended.
    expect(events.indexOf('done')).toBeGreaterThanOrEqual(3);
  });
});
