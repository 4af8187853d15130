/** The reader-facing files beside the pages: feeds, sitemap, robots.txt and the search index. */
import { copyFile, link, mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Archive } from '../archive/archive.ts';
import { originalOf } from '../archive/original-of.ts';
import type { Article } from '../content/article.ts';
import type { SiteConfig } from '../config/config.ts';
import type { BuildReport } from '../report.ts';
import { planPages } from '../render/plan-pages.ts';
import { feedFiles, feedKey, feedPaths, siteFeedSubjects } from './feeds.ts';
import { sitemapEntries, sitemapFiles } from './sitemap.ts';
import { robotsTxt } from './robots.ts';
import { SEARCH_KEY_FILE, buildSearchIndex, searchIndexKey } from './search-index.ts';
import { pagefindEnding } from './pagefind-process.ts';
import { PRIMARY_BUNDLE_DIR, searchShards, type SearchShard } from './search-shards.ts';

/** Where generated files go: the build's SiteWriter, or anything with the same `write`. */
export interface OutputSink {
  write(relativePath: string, contents: string | Uint8Array): Promise<void>;
}

/** A sink that keeps what the previous build made from the same input (SiteWriter: see reuseMade and writeMade). */
export interface KeyedSink extends OutputSink {
  /** Reuses all these files when the previous build made each from `inputKey`; else none, and false. */
  reuseMade(relativePaths: readonly string[], inputKey: string): boolean;
  /** Writes a file made from `inputKey`, for the next build to reuse by that key. */
  writeMade(relativePath: string, inputKey: string, contents: string | Uint8Array): Promise<void>;
}

/** A sink that also names the absolute path of a site-relative path, for tools that write files themselves. */
export interface StagingSink extends OutputSink {
  resolve(relativePath: string): string;
  /**
   * Reuses the previous output's files under a folder, but for the site paths in `except`
   * (SiteWriter: without touching them when nothing else changed); false when it cannot.
   */
  keepPrevious?(relativeDir: string, except?: ReadonlySet<string>): Promise<boolean>;
}

/**
 * Writes feeds, sitemap and robots.txt; without a site URL only robots.txt, and a report line says
 * why. With a keyed sink and `salt` (the code and config), a feed whose key (feedKey) is the
 * previous build's is reused without being made: after one edit, only the feeds listing it are.
 */
export async function writeFeedsAndSitemap(archive: Archive, config: SiteConfig, sink: OutputSink | KeyedSink, report: BuildReport, salt: string | null = null): Promise<void> {
  await sink.write('robots.txt', robotsTxt(config.siteUrl));
  if (config.siteUrl === null) {
    // Feeds and sitemaps must carry absolute URLs: better none than broken ones.
    report.add('warning', null, 'no feeds or sitemap: they need the site URL; set "siteUrl" in broadsheet.config.json or pass --site-url https://example.org/');
    return;
  }
  const site = { title: config.title, description: config.description, language: config.language, siteUrl: config.siteUrl };
  const keyed = salt !== null && 'reuseMade' in sink ? { sink, salt } : null;
  for (const subject of siteFeedSubjects(archive, site)) {
    if (keyed === null) {
      for (const file of feedFiles(subject, archive.byId, site)) await sink.write(file.path, file.contents);
      continue;
    }
    const key = feedKey(subject, archive.byId, site, keyed.salt);
    const paths = feedPaths(subject.pageUrl);
    if (keyed.sink.reuseMade([paths.atom, paths.rss, paths.json], key)) continue;
    for (const file of feedFiles(subject, archive.byId, site)) await keyed.sink.writeMade(file.path, key, file.contents);
  }
  if (archive.undated.length > 0) {
    report.add('warning', null, `${archive.undated.length} undated article(s) left out of the feeds: a feed entry needs a date; give them one (front matter "date") to syndicate them`);
  }
  for (const file of sitemapFiles(sitemapEntries(planPages(archive, config.pageSize), archive), config.siteUrl)) await sink.write(file.path, file.contents);
}

/** How writeSearchIndex shards and keys the index. */
export interface SearchIndexOptions {
  /** The article cache's salt: keys name bodies by their input's hash instead of reading them (see searchIndexKey). */
  readonly bodySalt?: string | null;
  /** Pagefind processes at once, at most (default SEARCH_LANES, and never more than the cores). */
  readonly lanes?: number;
  /** Once aborted (another stage of the build failed), no shard starts, those under way stop within a batch unwritten, and the index rejects with the signal's reason once they have. */
  readonly signal?: AbortSignal;
  /** An article's body HTML (default: its bodyHtml): the build reads bodies back from its cache only for the shards it indexes. */
  readonly bodyOf?: (article: Article) => string;
  /** Called with the articles of the shards done (indexed, reused or failed) and of all shards: at the start, then as each shard ends. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Pagefind processes indexing shards at once, at most (fewer on fewer cores). One process indexes
 * on about one core (25x: 85 s of its CPU in an 80 s stage); each peaks at ~300 MiB at the shard
 * size. At 5x two cut the stage from 16.6-22.5 s to 11.5-14.4 s on this 2-core machine.
 */
const SEARCH_LANES = 2;

/** The script in the primary bundle that names the other bundles, for the search page to merge (Pagefind's mergeIndex). */
export const SEARCH_SHARDS_SCRIPT = 'broadsheet-shards.js';

/**
 * Indexes every article but near-copies with Pagefind, in shards (see search-shards.ts): the
 * primary bundle in `pagefind/`, the others in `pagefind-<n>/`, listed in the primary's
 * SEARCH_SHARDS_SCRIPT. Problems become report lines, never a failed build. A shard whose key
 * matches the previous build's is hard-linked from it instead (byte-identical, mtimes kept), so
 * a rebuild runs Pagefind only for shards whose articles changed, and there lends it the previous
 * bundle's fragments (see pagefind-fragments.ts). The primary is indexed beside the others, as one
 * more shard: only its list waits for them (written last, naming the bundles that were built).
 * Returns the number of articles indexed (0 when config.search is off: no bundle).
 */
export async function writeSearchIndex(archive: Archive, config: SiteConfig, sink: StagingSink, report: BuildReport, options: SearchIndexOptions = {}): Promise<number> {
  if (!config.search) return 0;
  const [primary, ...others] = searchShards(searchableArticles(archive), config.searchShardSize);
  const bodySalt = options.bodySalt ?? null;
  const bodyOf = options.bodyOf ?? ((article: Article): string => article.bodyHtml);
  if (primary === undefined) return 0;
  const shards = [primary, ...others];
  // Every bundle's key names the layout, so a new number of shards indexes each one again.
  const layout = `${primary.bits}:${shards.map((s) => s.dir).join(',')}`;
  // Shards on as many lanes as there are cores, up to SEARCH_LANES, each lane a Pagefind process
  // of its own: one process indexes on about one core (at 25x: 85 s of its CPU in an 80 s stage).
  const built = new Array<number | null>(shards.length).fill(null);
  const keys = await Promise.all(shards.map((shard) => shardKeys(shard, `${shard.dir}\0${layout}`, bodySalt, bodyOf, config)));
  const order = indexingOrder(keys);
  let next = 0;
  let failed = false;
  const total = shards.reduce((sum, shard) => sum + shard.articles.length, 0);
  let done = 0;
  options.onProgress?.(done, total);
  const lane = async (laneIndex: number): Promise<void> => {
    try {
      while (!failed && options.signal?.aborted !== true && next < order.length) {
        const i = order[next++]!;
        built[i] = await writeShard(shards[i]!, keys[i]!, { bodyOf, lane: laneIndex, signal: options.signal }, config, sink, report);
        done += shards[i]!.articles.length;
        options.onProgress?.(done, total);
      }
    } catch (error) {
      // The other lanes start no more shards: the build is failing, and its staging folder goes with it.
      failed = true;
      throw error;
    }
  };
  // An explicit number of lanes (tests) is taken as it is; the default never exceeds the cores.
  const lanes = Math.max(1, Math.min(options.lanes ?? Math.min(SEARCH_LANES, availableParallelism()), shards.length));
  // Settled, not all(): a failure must not return while another lane's Pagefind still writes into the staging folder.
  const settled = await Promise.allSettled(Array.from({ length: lanes }, (_, laneIndex) => lane(laneIndex)));
  const rejected = settled.find((result) => result.status === 'rejected');
  if (rejected !== undefined) throw rejected.reason;
  options.signal?.throwIfAborted();
  const primaryPages = built[0] ?? null;
  if (primaryPages === null) return 0;
  // In shard order, whichever lane finished first; the primary lists only the bundles that were built: the search page fails on a missing one.
  const merged = others.filter((_, i) => built[i + 1] != null).map((shard) => shard.dir);
  const script = `/* The other bundles of the search index, merged into this one by the search page; folders from the site root. */\nwindow.broadsheetSearchShards = ${JSON.stringify(merged)};\n`;
  await sink.write(shardListPath(primary), script);
  return built.reduce<number>((sum, pages) => sum + (pages ?? 0), 0);
}

/**
 * The order shards are indexed in, as indexes into `keys`: those to index first, those to reuse
 * after, each in shard order. After one edit, Pagefind starts on the changed shard at once rather
 * than after a lane has reused the shards before it (0.26 s later in one 5x rebuild, the fourth of
 * 8 shards). The primary is one of them: indexed last, after the others, it used to run alone on
 * one lane at the end of a clean build (5x: ~1.7 s with the other core idle).
 */
export function indexingOrder(keys: ReadonlyArray<{ readonly unchanged: boolean }>): number[] {
  return keys.map((_, i) => i).sort((a, b) => Number(keys[a]!.unchanged) - Number(keys[b]!.unchanged) || a - b);
}

/** The site path of the primary bundle's list of the other bundles: written after them, never reused with the bundle. */
function shardListPath(primary: SearchShard): string {
  return `${primary.dir}${SEARCH_SHARDS_SCRIPT}`;
}

/** A shard's key (see searchIndexKey) and whether the previous output's bundle was made from the same. */
interface ShardKeys {
  readonly key: string;
  readonly unchanged: boolean;
}

/** The key of a shard at `placement` (its folder and the layout), and whether the previous output's bundle has it. */
async function shardKeys(shard: SearchShard, placement: string, bodySalt: string | null, bodyOf: (article: Article) => string, config: SiteConfig): Promise<ShardKeys> {
  const key = searchIndexKey(shard.articles, config.language, placement, bodySalt, bodyOf);
  const previousKey = await readFile(path.join(config.outDir, shard.dir, SEARCH_KEY_FILE), 'utf8').catch(() => null);
  return { key, unchanged: previousKey?.trim() === key };
}

/**
 * Writes one shard's bundle, reused from the previous output when `keys` says it is unchanged;
 * returns its articles, or null when Pagefind failed (with report lines saying so). `how.lane`
 * names the Pagefind process that indexes it (see buildSearchIndex).
 */
async function writeShard(
  shard: SearchShard,
  { key, unchanged }: ShardKeys,
  how: { readonly bodyOf: (article: Article) => string; readonly lane: number; readonly signal: AbortSignal | undefined },
  config: SiteConfig,
  sink: StagingSink,
  report: BuildReport,
): Promise<number | null> {
  const { lane, bodyOf, signal } = how;
  const primary = shard.dir === PRIMARY_BUNDLE_DIR;
  const previous = path.join(config.outDir, shard.dir);
  // The primary's list of bundles is written once every shard is done (see writeSearchIndex), not reused with its bundle.
  const notReused = primary ? [SEARCH_SHARDS_SCRIPT] : [];
  if (unchanged && (await sink.keepPrevious?.(shard.dir, new Set(notReused.map((file) => `${shard.dir}${file}`))))) return shard.articles.length;
  const target = sink.resolve(shard.dir);
  if (unchanged && (await linkTree(previous, target, notReused))) return shard.articles.length;
  await rm(target, { recursive: true, force: true });

  // The previous bundle lends the fragments of the articles that did not change: Pagefind compresses only the others'.
  const result = await buildSearchIndex(shard.articles, config.language, target, { indexOnly: !primary, lane, bodyOf, previous, ...(signal === undefined ? {} : { signal }) });
  // Stopped part way: the build is failing, and the signal's reason is what it reports.
  signal?.throwIfAborted();
  for (const error of result.errors) report.add('warning', error.file, `search index: ${error.message}`);
  if (result.pages === 0 && shard.articles.length > 0) {
    // What Pagefind wrote before it failed is no bundle: without it the search page says the index is missing.
    await rm(target, { recursive: true, force: true });
    const why = primary
      ? 'search index not built: the search page will find nothing'
      : `search index shard ${shard.dir} not built: search will miss its ${shard.articles.length} articles`;
    // A process killed part way most likely was for its memory, which grows with the shard; one that exited printed why.
    const endings = result.errors.map((error) => pagefindEnding(error.message));
    const killed = endings.includes('killed');
    const ended = endings.some((ending) => ending !== null);
    const hint = killed
      ? ` (Pagefind holds about 150 KB an article of a shard while writing it: if the machine ran short of memory, a smaller searchShardSize, now ${config.searchShardSize}, needs less)`
      : ended
        ? ''
        : ' (is the pagefind package installed for this platform?)';
    report.add('warning', null, `${why}${hint}`);
    return null;
  }
  await sink.write(`${shard.dir}${SEARCH_KEY_FILE}`, `${key}\n`);
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

/** Hard-links (or, across file systems, copies) every file of `from` into `to` but those at the paths in `except` (relative to `from`); false when anything failed. */
async function linkTree(from: string, to: string, except: readonly string[] = []): Promise<boolean> {
  try {
    const entries = await readdir(from, { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const source = path.join(entry.parentPath, entry.name);
      if (except.includes(path.relative(from, source))) continue;
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
