/**
 * The live preview in Chromium: a rebuild that fails shows a banner on the open page (the last
 * good build, with the error as text), and the next good build reloads the page without it; a
 * first build that fails leaves a page saying why, which becomes the site once a save mends it.
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

/** The first build of `of` from now whose outcome passes `accept` (a save can cause more than one). */
async function buildWhere(accept: (outcome: BuildOutcome) => boolean, of: Preview = preview): Promise<BuildOutcome> {
  for (;;) {
    const outcome = await of.nextBuild();
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

test('a preview whose first build fails shows why on the page, and the site once a save mends it', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'broadsheet-serve-browser-first-'));
  await cp(path.join(PROJECT_DIR, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  await cp(path.join(PROJECT_DIR, 'templates'), path.join(dir, 'templates'), { recursive: true });
  await writeFile(path.join(dir, 'broadsheet.config.json'), JSON.stringify({ title: 'First Desk', search: false }));
  const template = path.join(dir, 'templates', 'home.njk');
  const good = await readFile(template, 'utf8');
  await writeFile(template, `${good}\n{% if %}\n`);
  const first = await serve({ projectDir: dir, flags: {}, port: 0, debounceMs: 100, log: () => undefined });
  try {
    const page = await browser.newPage();
    const listening = page.waitForResponse((response) => response.url().endsWith(LIVE_RELOAD_PATH), { timeout: WAIT_MS });
    const response = await page.goto(first.url);
    await listening;
    // No site yet: a page that says so, and why, rather than a bare "not found".
    expect(response?.status()).toBe(404);
    const banner = page.getByRole('alert');
    await banner.waitFor({ timeout: WAIT_MS });
    expect(await banner.textContent()).toContain('home.njk');

    const fixed = buildWhere((o) => o.ok, first);
    const reloaded = page.waitForEvent('load', { timeout: WAIT_MS });
    await writeFile(template, good);
    await fixed;
    await reloaded;
    await expect(page.getByRole('heading', { level: 1 }).first().textContent()).resolves.toContain('First Desk');
    expect(await page.locator(`#${BUILD_FAILED_ID}`).count()).toBe(0);
  } finally {
    await first.close();
    await rm(dir, { recursive: true, force: true });
  }
});
