/** The reader-facing files beside the pages: feeds, sitemap, robots.txt and the search index. */
import { copyFile, link, mkdir, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Archive } from '../archive/archive.ts';
import { originalOf } from '../archive/original-of.ts';
import type { Article } from '../content/article.ts';
import type { SiteConfig } from '../config/config.ts';
import type { BuildReport } from '../report.ts';
import { planPages } from '../render/plan-pages.ts';
import { siteFeedFiles } from './feeds.ts';
import { sitemapEntries, sitemapFiles } from './sitemap.ts';
import { robotsTxt } from './robots.ts';
import { SEARCH_BUNDLE_DIR, SEARCH_KEY_FILE, buildSearchIndex, searchIndexKey } from './search-index.ts';

/** Where generated files go: the build's SiteWriter, or anything with the same `write`. */
export interface OutputSink {
  write(relativePath: string, contents: string | Uint8Array): Promise<void>;
}

/** A sink that also names the absolute path of a site-relative path, for tools that write files themselves. */
export interface StagingSink extends OutputSink {
  resolve(relativePath: string): string;
  /** Reuses the previous output's files under a folder (SiteWriter: without touching them when nothing else changed); false when it cannot. */
  keepPrevious?(relativeDir: string): Promise<boolean>;
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

/**
 * Indexes every article but near-copies with Pagefind into `pagefind/`; problems become report lines, never a
 * failed build. When the previous build's bundle was made from the same search documents, its
 * files are hard-linked instead (byte-identical, mtimes kept), so an unchanged rebuild skips
 * Pagefind. Returns the number of articles in the index (0 when config.search is off: no bundle).
 */
export async function writeSearchIndex(archive: Archive, config: SiteConfig, sink: StagingSink, report: BuildReport): Promise<number> {
  if (!config.search) return 0;
  const articles = searchableArticles(archive);
  const key = searchIndexKey(articles, config.language);
  const previous = path.join(config.outDir, SEARCH_BUNDLE_DIR);
  const previousKey = await readFile(path.join(previous, SEARCH_KEY_FILE), 'utf8').catch(() => null);
  if (previousKey?.trim() === key && (await sink.keepPrevious?.(SEARCH_BUNDLE_DIR))) return articles.length;
  const target = sink.resolve(SEARCH_BUNDLE_DIR);
  if (previousKey?.trim() === key && (await linkTree(previous, target))) return articles.length;
  await rm(target, { recursive: true, force: true });

  const result = await buildSearchIndex(articles, config.language, target);
  for (const error of result.errors) report.add('warning', error.file, `search index: ${error.message}`);
  if (result.pages === 0 && articles.length > 0) {
    report.add('warning', null, 'search index not built: the search page will find nothing (is the pagefind package installed for this platform?)');
    return 0;
  }
  await sink.write(`${SEARCH_BUNDLE_DIR}${SEARCH_KEY_FILE}`, `${key}\n`);
  return result.pages;
}

/**
 * The articles search finds: all but near-copies of another article (originalOf, the rule the
 * listings follow), so a wire story published by several outlets comes up once, as its original,
 * whose page links its copies. Each copy keeps its own page (left out of feeds and sitemap too).
 */
export function searchableArticles(archive: Archive): Article[] {
  return archive.articles.filter((article) => originalOf(article, archive.byId) === null);
}

/** Hard-links (or, across file systems, copies) every file of `from` into `to`; false when anything failed. */
async function linkTree(from: string, to: string): Promise<boolean> {
  try {
    const entries = await readdir(from, { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const source = path.join(entry.parentPath, entry.name);
      const target = path.join(to, path.relative(from, source));
      await mkdir(path.dirname(target), { recursive: true });
      await link(source, target).catch(() => copyFile(source, target));
    }
    return true;
  } catch {
    await rm(to, { recursive: true, force: true });
    return false;
  }
}
