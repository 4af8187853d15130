/** Layout in Chromium: no horizontal overflow at 320, 375 and 1280 px, light and dark; screenshots kept. */
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openBrowserSite, type BrowserSite } from './harness/browser-site.ts';
import { ARTIFACTS_DIR } from './harness/sample-site.ts';
import { pageKinds } from './harness/page-kinds.ts';
import { openPageKind } from './harness/open-page-kind.ts';
import type { PageGlobals } from './harness/page-globals.ts';

/** WCAG 1.4.10's reflow width (1280 px at 400 % zoom), a small phone, and a desktop. */
const WIDTHS = [320, 375, 1280] as const;
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
    const problems: Record<string, { scrollWidth: number; innerWidth: number; widest: string } | string> = {};
    for (const pageKind of pageKinds(s.site)) {
      const { kind } = pageKind;
      const notReady = await openPageKind(page, s.server, pageKind);
      if (notReady !== null) problems[kind] = notReady;
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
            // The class attribute, not className: on SVG elements that is an object.
            const classes = (element.getAttribute('class') ?? '').trim();
            widest = `${element.tagName.toLowerCase()}${classes === '' ? '' : `.${classes.split(/\s+/).join('.')}`}`;
          }
        }
        return { scrollWidth: scroller.scrollWidth, innerWidth, widest };
      });
      if (fit.scrollWidth > fit.innerWidth) problems[kind] = fit;
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${kind}-${width}-${colorScheme}.png`), fullPage: true });
    }
    expect(problems).toEqual({});
    expect(s.scriptEvents).toEqual([]);
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
