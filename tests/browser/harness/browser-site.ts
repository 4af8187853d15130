/** One fixture for a browser test file: the sample site built, served, and Chromium started. */
import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CONTENT_SPECS, buildSite, type BuiltSite, type SiteOptions } from '../../e2e/site-fixture.ts';
import { ARTIFACTS_DIR } from './sample-site.ts';
import { serveSite, type SiteServer } from './static-server.ts';
import { launchChromium } from './chromium.ts';

/** The sample site, its server and a browser, torn down together. */
export interface BrowserSite {
  readonly site: BuiltSite;
  readonly server: SiteServer;
  readonly browser: Browser;
  /**
   * Every script error and alert/confirm/prompt dialog on any page opened so far ("URL: message").
   * The site's own scripts must not fail, and no name or title from content may ever run as code.
   */
  readonly scriptEvents: readonly string[];
  /** A fresh page in its own context (own cookies), 1280 × 800 unless told; its script errors and dialogs are recorded. */
  newPage(options?: { width?: number; height?: number }): Promise<Page>;
  /** The absolute URL of an href of the site ("/sub/topics/" → "http://127.0.0.1:PORT/sub/topics/"). */
  at(href: string): string;
  close(): Promise<void>;
}

/** Builds the seeds and the declared BBC articles, serves them and starts Chromium; call close() in afterAll. */
export async function openBrowserSite(options: Omit<SiteOptions, 'content'> = {}): Promise<BrowserSite> {
  // Chromium first: when it is missing, the test file fails with that message before any build.
  const browser = await launchChromium();
  let site: BuiltSite | undefined;
  let server: SiteServer | undefined;
  try {
    site = await buildSite({ ...options, content: CONTENT_SPECS });
    server = await serveSite(site.outDir, site.basePath);
    await mkdir(ARTIFACTS_DIR, { recursive: true });
  } catch (error) {
    await server?.close();
    await site?.cleanup();
    await browser.close();
    throw error;
  }
  const contexts: BrowserContext[] = [];
  const scriptEvents: string[] = [];
  const built = site;
  const served = server;
  return {
    site: built,
    server: served,
    browser,
    scriptEvents,
    async newPage({ width = 1280, height = 800 } = {}) {
      const context = await browser.newContext({ viewport: { width, height } });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => scriptEvents.push(`${page.url()}: script error: ${error.message}`));
      page.on('dialog', (dialog) => {
        scriptEvents.push(`${page.url()}: ${dialog.type()} dialog: ${dialog.message()}`);
        dialog.dismiss().catch(() => undefined);
      });
      return page;
    },
    at: (href) => new URL(href, served.origin).href,
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
      await served.close();
      await built.cleanup();
    },
  };
}
