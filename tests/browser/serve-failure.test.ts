/**
 * The live preview in Chromium: a rebuild that fails shows a banner on the open page (the last
 * good build, with the error as text), and the next good build reloads the page without it.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { serve, type BuildOutcome, type Preview } from '../../src/serve/serve.ts';
import { BUILD_FAILED_ID, LIVE_RELOAD_PATH } from '../../src/serve/live-reload.ts';
import { launchChromium } from './harness/chromium.ts';
import { PROJECT_DIR } from '../hostile/hostile-site.ts';

/** The longest a build or a change on the page may take. */
const WAIT_MS = 30_000;

let project: string;
let preview: Preview;
let browser: Browser;

beforeAll(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'broadsheet-serve-browser-'));
  await cp(path.join(PROJECT_DIR, 'seeds'), path.join(project, 'seeds'), { recursive: true });
  await cp(path.join(PROJECT_DIR, 'templates'), path.join(project, 'templates'), { recursive: true });
  await mkdir(path.join(project, 'content'));
  await writeFile(path.join(project, 'broadsheet.config.json'), JSON.stringify({ title: 'Preview Desk', search: false }));
  preview = await serve({ projectDir: project, flags: {}, port: 0, debounceMs: 100, log: () => undefined });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  await rm(project, { recursive: true, force: true });
});

/** The first build from now whose outcome passes `accept` (a save can cause more than one). */
async function buildWhere(accept: (outcome: BuildOutcome) => boolean): Promise<BuildOutcome> {
  for (;;) {
    const outcome = await preview.nextBuild();
    if (accept(outcome)) return outcome;
  }
}

test('a failed rebuild shows a banner with the error on the open page, and the next good build reloads it without', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The page can be told once its event stream is answered: the server counts it among its listeners then.
  const listening = page.waitForResponse((response) => response.url().endsWith(LIVE_RELOAD_PATH), { timeout: WAIT_MS });
  await page.goto(preview.url);
  await listening;
  await expect(page.getByRole('heading', { level: 1 }).first().textContent()).resolves.toContain('Preview Desk');

  const template = path.join(project, 'templates', 'home.njk');
  const good = await readFile(template, 'utf8');
  const failed = buildWhere((o) => !o.ok);
  // A title holding markup: the banner shows it as text.
  await writeFile(template, `${good}\n{% if %}<img src=x onerror=alert(1)>\n`);
  await failed;
  const banner = page.getByRole('alert');
  await banner.waitFor({ timeout: WAIT_MS });
  const text = (await banner.textContent()) ?? '';
  expect(text).toContain('The last build failed: this page is from the last good build.');
  expect(text).toContain('home.njk');
  expect(await page.locator(`#${BUILD_FAILED_ID} img`).count()).toBe(0);
  // At the top of the viewport, over the page, which is still the last good build.
  const box = await banner.boundingBox();
  expect(box?.y).toBe(0);
  await expect(page.getByRole('heading', { level: 1 }).first().textContent()).resolves.toContain('Preview Desk');

  const fixed = buildWhere((o) => o.ok);
  const reloaded = page.waitForEvent('load', { timeout: WAIT_MS });
  await writeFile(template, good);
  await fixed;
  await reloaded;
  expect(await page.locator(`#${BUILD_FAILED_ID}`).count()).toBe(0);
  await expect(page.getByRole('heading', { level: 1 }).first().textContent()).resolves.toContain('Preview Desk');
  expect(errors).toEqual([]);
});
