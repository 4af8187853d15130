/** Every page of the built sample site is valid HTML, checked by html-validate's Node API. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { CONTENT_SPECS, buildSite, type BuiltSite } from './site-fixture.ts';
import { htmlPages } from './check-links.ts';

/**
 * The recommended preset plus the whole-document rules. Three of its rules are about taste, not
 * validity, and are set for a generated news site on purpose:
 * - require-sri only for cross-origin resources: the site's own stylesheet and scripts come from
 *   the same origin, where a hash adds nothing and would break every time the CSS changes;
 * - long-title off: a page title is the headline plus the site name, and headlines run long;
 * - no-trailing-whitespace off: template indentation in the output is harmless to readers.
 */
const HTML_RULES: ConfigData = {
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: {
    'require-sri': ['error', { target: 'crossorigin' }],
    'long-title': 'off',
    'no-trailing-whitespace': 'off',
  },
};

let site: BuiltSite;
beforeAll(async () => {
  // The seeds and the declared BBC articles (a hostile title among them), two articles a page, so
  // paginated pages and their pagers are validated too.
  site = await buildSite({ content: CONTENT_SPECS, pageSize: 2 });
});
afterAll(async () => {
  await site?.cleanup();
});

test('every page of the sample site is valid HTML', async () => {
  const validator = new HtmlValidate(HTML_RULES);
  const pages = await htmlPages(site.outDir);
  expect(pages.length).toBe(site.result.pages);
  const problems: string[] = [];
  for (const page of pages) {
    const report = await validator.validateString(await readFile(path.join(site.outDir, page), 'utf8'), page);
    for (const result of report.results) {
      for (const m of result.messages) problems.push(`${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  }
  expect(problems).toEqual([]);
});

test('the validator rejects what it should: a real page with a duplicate id and a stray end tag', async () => {
  const validator = new HtmlValidate(HTML_RULES);
  const front = await readFile(path.join(site.outDir, 'index.html'), 'utf8');
  expect(front).toContain('<main id="main"');
  const broken = front.replace('<main id="main"', '<div id="main"></span></div><main id="main"');
  const rules = (await validator.validateString(broken, 'index.html')).results.flatMap((r) => r.messages.map((m) => m.ruleId));
  expect(rules).toEqual(expect.arrayContaining(['no-dup-id', 'close-order']));
});
