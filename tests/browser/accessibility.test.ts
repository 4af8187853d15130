/** axe-core in Chromium on every page kind of the sample site, in light and dark colour schemes. */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { AxeResults } from 'axe-core';
import { openBrowserSite, type BrowserSite } from './harness/browser-site.ts';
import { pageKinds } from './harness/page-kinds.ts';
import { openPageKind } from './harness/open-page-kind.ts';
import type { PageGlobals } from './harness/page-globals.ts';

/** axe's browser bundle, injected into each page as it is. */
const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let s: BrowserSite;
beforeAll(async () => {
  s = await openBrowserSite();
});
afterAll(async () => {
  await s?.close();
});

/** One line per violation and element: enough to find the template line at fault. */
function describeViolations(results: Pick<AxeResults, 'violations'>): string[] {
  return results.violations.flatMap((v) => v.nodes.map((node) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} at ${node.target.join(' ')}: ${node.html.slice(0, 160)}`));
}

test.each(['light', 'dark'] as const)('axe-core finds no violations on any page kind in the %s colour scheme', async (colorScheme) => {
  const page = await s.newPage();
  await page.emulateMedia({ colorScheme });
  const found: Record<string, string[]> = {};
  for (const pageKind of pageKinds(s.site)) {
    const { kind, url } = pageKind;
    const notReady = await openPageKind(page, s.server, pageKind);
    if (notReady !== null) {
      found[`${kind} (${url})`] = [notReady];
      continue;
    }
    await page.addScriptTag({ path: AXE_SCRIPT });
    const results = await page.evaluate(async () => {
      const w = globalThis as unknown as PageGlobals;
      const run = await w.axe.run(w.document, { resultTypes: ['violations'] });
      return { violations: run.violations };
    });
    const lines = describeViolations(results);
    if (lines.length > 0) found[`${kind} (${url})`] = lines;
  }
  // All kinds are checked before failing, so one run lists every template line at fault.
  expect(found).toEqual({});
  expect(s.scriptEvents).toEqual([]);
});
