/** Keyboard-only readers in Chromium: the skip link comes first and works, and focus is always visible. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowserSite, type BrowserSite } from './harness/browser-site.ts';
import type { PageGlobals } from './harness/page-globals.ts';

let s: BrowserSite;
beforeAll(async () => {
  s = await openBrowserSite();
});
afterAll(async () => {
  await s?.close();
});

/** What has focus: tag, id, text, whether a focus ring is drawn and whether it is inside <main>. */
function focused(page: Page): Promise<{ tag: string; id: string; text: string; ring: boolean; inMain: boolean }> {
  return page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals;
    const element = w.document.activeElement;
    if (element === null) return { tag: '', id: '', text: '', ring: false, inMain: false };
    const style = w.getComputedStyle(element);
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      text: (element.textContent ?? '').trim(),
      ring: style.outlineStyle !== 'none' && style.outlineWidth !== '0px',
      inMain: element.closest('main') !== null,
    };
  });
}

test.each(['light', 'dark'] as const)('in the %s scheme, Tab reaches "Skip to content" first, Enter moves focus to the main content, and each focused link shows a ring', async (colorScheme) => {
  const page = await s.newPage();
  await page.emulateMedia({ colorScheme });
  await page.goto(s.server.url(''));

  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ tag: 'a', text: 'Skip to content', ring: true });
  expect(await page.getByRole('link', { name: 'Skip to content' }).isVisible()).toBe(true);

  await page.keyboard.press('Enter');
  expect(await focused(page)).toMatchObject({ tag: 'main', id: 'main' });

  // The next stops are inside the main content, each with a visible focus ring.
  for (let i = 0; i < 5; i += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    expect(now, `Tab stop ${i + 1} after the skip link`).toMatchObject({ ring: true, inMain: true });
  }
  expect(s.scriptEvents).toEqual([]);
});
