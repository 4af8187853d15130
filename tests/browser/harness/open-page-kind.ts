/** Opening one page kind of the sample site and waiting until it is fully drawn. */
import type { Page } from 'playwright-core';
import type { PageOfKind } from './page-kinds.ts';
import type { SiteServer } from './static-server.ts';
import type { PageGlobals } from './page-globals.ts';

/** How long a page's own script (Pagefind's UI) may take to draw. */
const READY_TIMEOUT_MS = 15_000;

/**
 * Goes to the page of this kind, waits for what its script draws, if anything, and opens every
 * <details> (removed source text, search filters), so what a reader can expand is checked too.
 * Returns why the page never got ready, or null; the caller records it and goes on, so one broken
 * page kind does not hide what the others show.
 */
export async function openPageKind(page: Page, server: SiteServer, kind: PageOfKind): Promise<string | null> {
  await page.goto(server.url(kind.url));
  if (kind.ready !== undefined) {
    try {
      await page.locator(kind.ready).first().waitFor({ timeout: READY_TIMEOUT_MS });
    } catch {
      return `never drew ${kind.ready} within ${READY_TIMEOUT_MS / 1000} s`;
    }
  }
  await page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals;
    for (const details of Array.from(document.querySelectorAll('details'))) details.setAttribute('open', '');
  });
  return null;
}
