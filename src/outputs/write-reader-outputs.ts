/** The reader-facing files beside the pages: feeds, sitemap, robots.txt and the search index. */
import type { Archive } from '../archive/archive.ts';
import type { SiteConfig } from '../config/config.ts';
import type { BuildReport } from '../report.ts';
import { planPages } from '../render/plan-pages.ts';
import { siteFeedFiles } from './feeds.ts';
import { sitemapEntries, sitemapFiles } from './sitemap.ts';
import { robotsTxt } from './robots.ts';
import { SEARCH_BUNDLE_DIR, buildSearchIndex } from './search-index.ts';

/** Where generated files go: the build's SiteWriter, or anything with the same `write`. */
export interface OutputSink {
  write(relativePath: string, contents: string | Uint8Array): Promise<void>;
}

/** Writes feeds, sitemap and robots.txt; without a site URL only robots.txt, and a report line says why. */
export async function writeFeedsAndSitemap(archive: Archive, config: SiteConfig, sink: OutputSink, report: BuildReport): Promise<void> {
  await sink.write('robots.txt', robotsTxt(config.siteUrl));
  if (config.siteUrl === null) {
    // Feeds and sitemaps must carry absolute URLs: better none than broken ones.
    report.add('warning', null, 'no feeds or sitemap: they need the site URL; set "siteUrl" in broadsheet.config.json or pass --site-url https://example.org/');
    return;
  }
  const site = { title: config.title, description: config.description, language: config.language, siteUrl: config.siteUrl };
  for (const file of siteFeedFiles(archive, site)) await sink.write(file.path, file.contents);
  if (archive.undated.length > 0) {
    report.add('warning', null, `${archive.undated.length} undated article(s) left out of the feeds: a feed entry needs a date; give them one (front matter "date") to syndicate them`);
  }
  for (const file of sitemapFiles(sitemapEntries(planPages(archive, config.pageSize), archive), config.siteUrl)) await sink.write(file.path, file.contents);
}

/** Indexes every article with Pagefind into `pagefind/`; problems become report lines, never a failed build. */
export async function writeSearchIndex(archive: Archive, config: SiteConfig, sink: OutputSink, report: BuildReport): Promise<number> {
  const result = await buildSearchIndex(archive.articles, config.language);
  for (const error of result.errors) report.add('warning', error.file, `search index: ${error.message}`);
  if (result.files.length === 0) {
    report.add('warning', null, 'search index not built: the search page will find nothing (is the pagefind package installed for this platform?)');
    return 0;
  }
  for (const file of result.files) await sink.write(`${SEARCH_BUNDLE_DIR}${file.path}`, file.contents);
  return result.pages;
}
