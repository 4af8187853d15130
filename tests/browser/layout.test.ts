/** Layout in Chromium: no horizontal overflow at phone and desktop widths, light and dark; screenshots kept. */
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openBrowserSite, type BrowserSite } from './harness/browser-site.ts';
import { ARTIFACTS_DIR } from './harness/sample-site.ts';
import { pageKinds } from './harness/page-kinds.ts';
import type { PageGlobals } from './harness/page-globals.ts';

/** A small phone and a desktop. */
const WIDTHS = [375, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;

let s: BrowserSite;
beforeAll(async () => {
  s = await openBrowserSite();
});
afterAll(async () => {
  await s?.close();
});

test.each(WIDTHS.flatMap((width) => SCHEMES.map((colorScheme) => ({ width, colorScheme }))))(
  'every page kind fits $width px wide in the $colorScheme scheme (screenshots in test-artifacts/browser/)',
  async ({ width, colorScheme }) => {
    const page = await s.newPage({ width, height: 800 });
    await page.emulateMedia({ colorScheme });
    const overflowing: Record<string, { scrollWidth: number; innerWidth: number; widest: string }> = {};
    for (const { kind, url } of pageKinds(s.site)) {
      await page.goto(s.server.url(url));
      const fit = await page.evaluate(() => {
        const { document, innerWidth } = globalThis as unknown as PageGlobals;
        const scroller = document.scrollingElement ?? document.documentElement;
        // The element reaching furthest right names the culprit when the page overflows.
        let widest = '';
        let right = 0;
        for (const element of Array.from(document.body.querySelectorAll('*'))) {
          const box = element.getBoundingClientRect();
          if (box.right > right) {
            right = box.right;
            widest = `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''}`;
          }
        }
        return { scrollWidth: scroller.scrollWidth, innerWidth, widest };
      });
      if (fit.scrollWidth > fit.innerWidth) overflowing[kind] = fit;
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${kind}-${width}-${colorScheme}.png`), fullPage: true });
    }
    expect(overflowing).toEqual({});
  },
);

test('the dark colour scheme really changes the colours', async () => {
  const colours: Record<string, { background: string; color: string }> = {};
  for (const colorScheme of SCHEMES) {
    const page = await s.newPage();
    await page.emulateMedia({ colorScheme });
    await page.goto(s.server.url(''));
    colours[colorScheme] = await page.evaluate(() => {
      const w = globalThis as unknown as PageGlobals;
      const style = w.getComputedStyle(w.document.body);
      return { background: style.backgroundColor, color: style.color };
    });
  }
  expect(colours.dark?.background).not.toBe(colours.light?.background);
  expect(colours.dark?.color).not.toBe(colours.light?.color);
});
