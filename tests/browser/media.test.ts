/** In Chromium: an image beside a Markdown article shows on its page, and a PDF beside it opens, on a site served under a base path. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './harness/chromium.ts';
import { serveSite, type SiteServer } from './harness/static-server.ts';
import { bbcText, buildProject, makeProject } from '../hostile/hostile-site.ts';
import { png } from '../content/png-fixture.ts';
import type { PageGlobals } from './harness/page-globals.ts';

let browser: Browser;
let server: SiteServer | undefined;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await server?.close();
  await browser?.close();
});

test('an image and a PDF beside a Markdown article load from its page under a base path', async () => {
  const [headline = '', ...body] = (await bbcText()).split('\n');
  const root = await makeProject({
    'content/2005/absa.md': `---\ntitle: ${JSON.stringify(headline.trim())}\ndate: 2005-03-01\nslug: absa-talks\n---\n${body.join('\n').trim()}\n\n![The offices](photo.png)\n\nThe [statement](docs/statement%20in%20full.pdf).\n`,
    'content/2005/photo.png': png(7),
    'content/2005/docs/statement in full.pdf': '%PDF-1.4\n% statement\n%%EOF\n',
  });
  const site = await buildProject(root, { basePath: '/news/' });
  server = await serveSite(site.outDir, '/news/');
  const page = await browser.newPage();
  const failed: string[] = [];
  page.on('requestfailed', (request) => failed.push(request.url()));
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(server.url('articles/absa-talks/'));
  const image = page.getByRole('img', { name: 'The offices' });
  await image.waitFor();
  // Loaded and decoded: a broken image has no natural width.
  expect(await image.evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).complete && (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(7);
  const href = await page.getByRole('link', { name: 'statement' }).evaluate((a) => (a as unknown as { href: string }).href);
  expect(href).toBe(server.url('media/2005/docs/statement%20in%20full.pdf'));
  const pdf = await page.evaluate(async (url) => {
    const response = await (globalThis as unknown as PageGlobals & { fetch: typeof fetch }).fetch(url);
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  }, href);
  expect(pdf).toEqual({ status: 200, type: 'application/pdf', text: '%PDF-1.4\n% statement\n%%EOF\n' });
  expect(failed).toEqual([]);
});
