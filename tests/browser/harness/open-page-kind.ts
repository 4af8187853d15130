/** Opening one page kind of the sample site and waiting until it is fully drawn. */
import type { Page } from 'playwright-core';
import type { PageOfKind } from './page-kinds.ts';
import type { SiteServer } from './static-server.ts';

/** How long a page's own script (Pagefind's UI) may take to draw. */
const READY_TIMEOUT_MS = 15_000;

/**
 * Goes to the page of this kind and waits for what its script draws, if anything. Returns why the
 * page never got ready, or null; the caller records it and goes on, so one broken page kind does
 * not hide what the others show.
 */
export async function openPageKind(page: Page, server: SiteServer, kind: PageOfKind): Promise<string | null> {
  await page.goto(server.url(kind.url));
  if (kind.ready === undefined) return null;
  try {
    await page.locator(kind.ready).first().waitFor({ timeout: READY_TIMEOUT_MS });
    return null;
  } catch {
    return `never drew ${kind.ready} within ${READY_TIMEOUT_MS / 1000} s`;
  }
}
