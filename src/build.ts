/** build(): the whole pipeline, stage by stage. Reads like a table of contents. */
import path from 'node:path';
import v8 from 'node:v8';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { SiteConfig } from './config/config.ts';
import { BuildReport, type ReportEntry } from './report.ts';
import { discoverInputs } from './content/input-file.ts';
import type { InputFile } from './content/input-file.ts';
import { dedupeArticles, loadEach, type LoadBatches } from './content/load-articles.ts';
import { relateArticlesShared, type Relations, type SharedWork } from './enrich/relate-articles.ts';
import type { Archive } from './archive/archive.ts';
import { BroadsheetError, systemErrorMessage } from './errors.ts';
import { buildArchive } from './archive/build-archive.ts';
import { createNunjucksEnv } from './render/nunjucks-env.ts';
import { checkTemplates } from './render/template-errors.ts';
import { PageRenderer } from './render/render-page.ts';
import { planPages } from './render/plan-pages.ts';
import { apiArticlesUrl } from './urls.ts';
import { articlesJsonChunks } from './outputs/articles-api.ts';
import { writeFeedsAndSitemap, writeSearchIndex } from './outputs/write-reader-outputs.ts';
import { REPORT_FILE, SiteWriter } from './write/site-writer.ts';
import { copyAssets } from './write/copy-assets.ts';
import { copyMedia } from './write/copy-media.ts';
import { checkMedia } from './content/media-file.ts';
import { missingArticleLinks } from './content/article-links.ts';
import { followOutputLink } from './write/output-link.ts';
import { claimSpare, giveBackSpare } from './write/spare-output.ts';
import { forgetGoneOutputs, outputManifestFile } from './write/output-manifests.ts';
import { StageTimer } from './stage-timer.ts';
import { createBuildRunner } from './pool/build-tasks.ts';
import { renderPages } from './pool/render-pages.ts';
import { buildSalts } from './cache/build-salt.ts';
import { ArticleCache } from './cache/article-cache.ts';
import { leaseCache } from './cache/cache-lease.ts';
import { ArticleBodies, inputKey } from './cache/article-bodies.ts';
import type { ArticleOutcome } from './pool/article-task.ts';
import { releaseArticleReading } from './enrich/term-vectors.ts';
import { termsCounted, termsKeptHere, type KeptTerms } from './pool/kept-terms.ts';
import { articleLoader, ARTICLES_PER_BATCH, batchConcurrency, inputCacheKeys } from './pool/article-loader.ts';
import { StringPool } from './pool/string-pool.ts';
import type { ProgressListener } from './progress.ts';
import { hashInputs } from './cache/build-key.ts';
import { releaseEnrichResources } from './enrich/enrich-resources.ts';
import { collectGarbage } from './collect-garbage.ts';
import { heapAdvice } from './heap-room.ts';

/** The cache folder, in the project folder: parsed articles and the manifest of the last output. */
export const CACHE_DIR = '.broadsheet-cache';

/** The content hashes of the inputs as last read, by path and file identity (see hashInputs). */
const INPUT_INDEX_FILE = 'inputs.json';

/** What a build did. */
export interface BuildResult {
  /** Absolute path of the output folder. */
  readonly outDir: string;
  /** Articles in the site. */
  readonly articles: number;
  /** HTML pages written. */
  readonly pages: number;
  /** All files written, pages included. */
  readonly files: number;
  /** Bytes written. */
  readonly bytes: number;
  /** Report entries, sorted; also in `<out>/build-report.json`. */
  readonly report: readonly ReportEntry[];
  /** Seconds per stage, in order. */
  readonly timings: ReadonlyArray<readonly [string, number]>;
  /** Wall seconds of the whole build. */
  readonly seconds: number;
}

/** Options that are not site configuration. */
export interface BuildOptions {
  /** Called with a short line as each stage ends. */
  readonly onStage?: (stage: string, seconds: number) => void;
  /** The project folder, never to be replaced by the output folder; holds the cache. */
  readonly projectDir?: string;
  /** Reuse cached articles and unchanged output files of the previous build (default true). */
  readonly cache?: boolean;
  /** Progress of the long stages (parse, render, and search beside render). */
  readonly onProgress?: ProgressListener;
  /**
   * Called at once with advice to show even if the build never ends: Node's heap looks too small
   * for the archive (see heapAdvice), or the cache folder cannot be written.
   */
  readonly onAdvice?: (message: string) => void;
  /**
   * Stops the build at its next step once aborted (Ctrl+C in the CLI): it rejects with the
   * signal's reason, after the tasks under way are done, leaving the output folder as it was.
   */
  readonly signal?: AbortSignal;
}

/**
 * How far V8's heap may grow past the data still in use before a full collection, in percent.
 * By default V8 lets it grow to several times that: a 25x build held 2+ GB of garbage beside
 * ~0.5 GB of articles. Half again keeps the peak near the data, for a few more collections.
 */
export const HEAP_GROWING_PERCENT = 50;

/**
 * The same while a build that takes nearly every article from the cache loads and relates them:
 * no workers parse, so its peak is not there but in render, and at 50 the main thread, which
 * bounds such a build, spent ~1.3 s of a 25x one-article rebuild's first 6 s collecting (median
 * of six, alternately: 16.6 → 15.6 s; at 5x 5.41 → 5.15 s; peaks unchanged). Render goes back
 * to HEAP_GROWING_PERCENT: at 120 a 25x rebuild rendering every page (a template edited) peaked
 * at ~1 GiB, against ~800-900 MiB.
 */
export const LOADING_HEAP_GROWING_PERCENT = 120;

/** Builds the site described by `givenConfig` into its outDir (where it leads, if a link), atomically. */
export async function build(givenConfig: SiteConfig, options: BuildOptions = {}): Promise<BuildResult> {
  // An output folder that is a symbolic link stays one: the site is swapped in where it leads.
  const config: SiteConfig = { ...givenConfig, outDir: followOutputLink(givenConfig.outDir) };
  setHeapGrowingPercent(HEAP_GROWING_PERCENT);
  const report = new BuildReport();
  const timer = new StageTimer(options.onStage);
  const signal = options.signal;

  const discovered = await timer.time('discover', () => discoverInputs(config.seedsDir, config.contentDir, config.outDir));
  // Every template compiles before an input is read: a typo costs a moment, not a parse of the archive (see checkTemplates).
  const env = createNunjucksEnv(config.templatesDir, config.basePath);
  timer.timeSync('templates', () => checkTemplates(env, config.templatesDir, config.outDir));
  for (const file of discovered.ignored) report.add('skipped', file.displayPath, file.reason);
  const advice = heapAdvice(discovered.inputs.length);
  if (advice !== null) options.onAdvice?.(advice);
  const displayPaths = new Map(discovered.inputs.map((i) => [`${i.kind}:${i.relativePath}`, i.displayPath]));
  const displayPath = (a: { inputKind: string; sourceFile: string }): string => displayPaths.get(`${a.inputKind}:${a.sourceFile}`) ?? a.sourceFile;

  const projectDir = options.projectDir ?? process.cwd();
  // Another build sharing the cache must not prune entries this one reads its bodies from. Where the lease cannot be
  // written (a read-only checkout), the build goes on without the cache, as with `cache: false`, and says so.
  const lease = options.cache === false ? null : await leaseCache(path.join(projectDir, CACHE_DIR)).catch((error: unknown) => noCache(error, options.onAdvice));
  const cacheDir = lease === null ? null : path.join(projectDir, CACHE_DIR);
  // Without the cache, articles still go to a cache folder, a temporary one: pages read their bodies back from it.
  const articleCacheDir = cacheDir === null ? await mkdtemp(path.join(tmpdir(), 'broadsheet-articles-')) : path.join(cacheDir, 'articles');
  // Per-article work (parse, enrich, relate's vectors and neighbour search, render) runs on a worker pool, started now so its start-up
  // overlaps the hashing below, unless the cache has articles: then only once the misses are counted.
  const runner = createBuildRunner(discovered.inputs.length, { startNow: cacheDir === null || !ArticleCache.exists(articleCacheDir) });
  let terms: KeptTerms | null = null;
  /** Gives back the spare this build claimed, until its writer takes it: for a build failing before then. */
  let unstagedSpare: (() => Promise<void>) | null = null;
  try {
    const salts = await timer.time('hash', () => buildSalts(config));
    const manifestFile = cacheDir === null ? null : outputManifestFile(cacheDir, config.outDir);
    // Nothing read by the build changed since the last one: its output is this build's (builds are deterministic).
    // An input new since then is left to parse, which reads it anyway: then the key is made after parse.
    const hashes = cacheDir === null ? null : await timer.time('key', () => hashInputs(discovered, path.join(cacheDir, INPUT_INDEX_FILE), { cacheHasEntries: ArticleCache.exists(articleCacheDir) }));
    const unchangedKey = (await hashes?.save(salts.pages)) ?? null;
    const current = manifestFile === null || unchangedKey === null ? null : await previousResult(config, manifestFile, unchangedKey, timer);
    if (current !== null) return current;
    signal?.throwIfAborted();
    // The output the last build replaced is emptied of files while articles load, and staged into (see spare-output.ts).
    const skeleton = manifestFile === null ? Promise.resolve(null) : claimSpare(manifestFile, config.outDir);
    if (manifestFile !== null) unstagedSpare = () => giveBackSpare(skeleton, manifestFile);

    const cache = await ArticleCache.open(articleCacheDir, salts.articles);
    const cacheKeys = new Set<string>();
    const bodies = new ArticleBodies();
    const strings = new StringPool();
    const { keys, misses } = inputCacheKeys(cache, discovered.inputs, hashes?.contentHashes);
    runner.expectMisses(misses);
    // At most one input in ten to parse, and no workers parsing: the build's memory is the cache's records, read once.
    if (!runner.workersParse && misses * 10 <= discovered.inputs.length) setHeapGrowingPercent(LOADING_HEAP_GROWING_PERCENT);
    // When this thread loads the articles alone (most are cached), a thread of its own counts their terms meanwhile, on
    // the core the workers leave free, and relate finds its table made. When the workers parse, no core is free: relate counts them.
    terms = runner.workers > 0 && !runner.workersParse ? termsCounted() : termsKeptHere();
    const load = articleLoader({ cache, runner, keys, bodies, strings, cacheKeys, terms, hashes });
    const batches: LoadBatches = { size: ARTICLES_PER_BATCH, concurrency: batchConcurrency(runner), drafts: config.drafts, ...(signal === undefined ? {} : { signal }) };
    const { articles, related } = await relatedArticles(discovered.inputs, timer, report, displayPath, load, batches, terms, runner.relate, (done, total) => options.onProgress?.('parse', done, total), async () => {
      await runner.articlesDone();
      strings.clear();
      releaseArticleReading();
      // Written now, so a build that fails later still leaves its parsed articles to the next.
      if (cacheDir !== null) await cache.saveIndex();
      // This thread parsed only its share beside the workers: its word lists are not needed again.
      if (runner.workers > 0) releaseEnrichResources();
    });
    const media = checkMedia(articles, discovered.media, displayPath);
    for (const line of media.missing) report.add('warning', line.file, line.message, line.line);
    for (const line of missingArticleLinks(media.articles, displayPath)) report.add('warning', line.file, line.message, line.line);
    const key = (await hashes?.finish(salts.pages)) ?? null;
    // Before render, whose peak is the build's (see LOADING_HEAP_GROWING_PERCENT).
    setHeapGrowingPercent(HEAP_GROWING_PERCENT);
    // Relate's working data is garbage now: collected before render's pages and worker come on top of it (see collectGarbage).
    timer.timeSync('collect', collectGarbage);
    const archive = timer.timeSync('group', () => buildArchive(media.articles, related));

    // Timed: it waits for the spare to be emptied, which a slow disk would show here.
    const writer = await timer.time('open', async () => {
      const opened = await SiteWriter.open(config.outDir, [config.seedsDir, config.contentDir, config.templatesDir, projectDir], {
        manifestFile,
        buildKey: key,
        skeleton: await skeleton,
      });
      // The writer has the spare now: it stages into it, or gives it back.
      unstagedSpare = null;
      return opened;
    });
    let pages = 0;
    // Search indexes on Pagefind's processes while this thread renders: after one edit, Pagefind
    // reindexes one shard on one core while preparing and keying every page keeps this one busy,
    // and the render worker, with few pages to render, leaves the other core mostly idle.
    // The article salt lets the index's keys name bodies by input hash, and bodies are read back from the cache
    // batch by batch, so a rebuild reads only the changed shards' and render's memory peak carries no copy of the articles.
    // When render or the other outputs fail, Pagefind starts no more shards: the build is failing anyway.
    // Stopped by the caller's signal too: search would otherwise index every shard before an aborted build could end.
    const stopSearch = new AbortController();
    const stopSearchOrBuild = signal === undefined ? stopSearch.signal : AbortSignal.any([stopSearch.signal, signal]);
    const search = timer.time('search', () =>
      writeSearchIndex(archive, config, writer, report, {
        bodySalt: salts.articles,
        bodyOf: (article) => bodies.html(article),
        signal: stopSearchOrBuild,
        onProgress: (done, all) => options.onProgress?.('search', done, all),
      }),
    );
    // Awaited below, with the other outputs or before the staging folder is removed; until then a failure must not count as unhandled.
    search.catch(() => undefined);
    try {
      const renderer = new PageRenderer(env, archive, config);
      // Pages are planned lazily (memory stays flat); the first pass only counts them for progress.
      const total = countPages(planPages(archive, config.pageSize));
      pages = await timer.time('render', () =>
        renderPages(planPages(archive, config.pageSize), total, renderer, writer, runner, {
          templatesDir: config.templatesDir,
          basePath: config.basePath,
          salt: salts.pages,
          bodyFile: (page) => (page.kind === 'article' ? bodies.refOf(archive.byId.get(page.id) ?? missing(page.id)) : null),
          onProgress: (done, all) => options.onProgress?.('render', done, all),
          ...(signal === undefined ? {} : { signal }),
        }),
      );
      // No stage after render runs on the workers: their memory goes back before outputs, where the heap grows again.
      await runner.close();
      // Search, still indexing, and the other outputs write different files and run at once.
      const readable = withBodies(archive, bodies);
      const outputs = timer.time('outputs', async () => {
        signal?.throwIfAborted();
        await writer.writeChunks(apiArticlesUrl(), articlesJsonChunks(archive.articles, config.basePath));
        // The page salt (code, templates, config) keys each feed, so a rebuild makes only the feeds whose entries changed.
        await writeFeedsAndSitemap(readable, config, writer, report, salts.pages);
        await copyAssets(config.templatesDir, writer, config.outDir);
        await copyMedia(discovered.media, writer, report, path.basename(config.contentDir));
      }).catch((error: unknown) => {
        stopSearch.abort(error);
        throw error;
      });
      // Settled, not all(): a failure must not reach abort() while Pagefind still writes into the staging folder.
      const rejected = (await Promise.allSettled([search, outputs])).find((result) => result.status === 'rejected');
      if (rejected !== undefined) throw rejected.reason;
      const entries = report.entries();
      await writer.write(REPORT_FILE, reportJson(report, articles.length, pages));
      // The last moment a stop leaves the output as it was: the commit swaps the new one in.
      signal?.throwIfAborted();
      await timer.time('commit', () => writer.commit());
      // Only while no other build uses the cache: cache entries this build did not use, and the manifests and spares of output folders that are gone.
      if (lease !== null && !(await lease.othersActive())) {
        await timer.time('prune', async () => {
          await cache.prune(cacheKeys);
          if (manifestFile !== null) await forgetGoneOutputs(manifestFile);
        });
      }
      return {
        outDir: path.resolve(config.outDir),
        articles: articles.length,
        pages,
        files: writer.stats.files,
        bytes: writer.stats.bytes,
        report: entries,
        timings: timer.timings,
        seconds: timer.total,
      };
    } catch (error) {
      // Pagefind must have stopped writing into the staging folder before it is removed.
      stopSearch.abort(error);
      await search.catch(() => undefined);
      await writer.abort();
      throw error;
    }
  } finally {
    // A build that failed while loading would otherwise leave the loose setting to a watching process until its next build.
    setHeapGrowingPercent(HEAP_GROWING_PERCENT);
    await unstagedSpare?.();
    // Also when parsing failed: a watching process would otherwise keep this thread's reading scratch (4 bytes a character of the longest text read) until its next build.
    releaseArticleReading();
    await terms?.close();
    await runner.close();
    await lease?.release();
    if (cacheDir === null) await rm(articleCacheDir, { recursive: true, force: true });
  }
}

/**
 * Loads every input (through `load`, in batches, on the pool), drops repeated files and relates the articles.
 * The articles come without bodies: relate reads the terms counted where each was parsed (`terms`,
 * kept by inputKey as each loads), and their body HTML stays in the article cache (see
 * ArticleBodies), so memory holds metadata only. Relate's per-article work is shared with the workers (`work`) when there are any.
 */
async function relatedArticles(
  inputs: readonly InputFile[],
  timer: StageTimer,
  report: BuildReport,
  displayPath: (a: { inputKind: string; sourceFile: string }) => string,
  load: (batch: readonly InputFile[]) => Promise<ArticleOutcome[]>,
  batches: LoadBatches,
  terms: KeptTerms,
  work: SharedWork | null,
  onProgress: (done: number, total: number) => void,
  onParsed: () => Promise<void>,
): Promise<Relations> {
  const parsed = await timer.time('parse+enrich', () => loadEach(inputs, report, load, batches, onProgress));
  await onParsed();
  batches.signal?.throwIfAborted();
  const enriched = timer.timeSync('dedupe', () => dedupeArticles(parsed, report, displayPath));
  parsed.length = 0;
  // Each article's terms are let go once relate has read them: garbage it can collect while it works.
  const relations = await timer.time('relate', () => relateArticlesShared(enriched, terms.source, work, batches.signal));
  await terms.close();
  return relations;
}

/**
 * The archive as the feeds read it: each article reads its body back from the cache when asked
 * for it, and keeps none (see ArticleBodies.withBody). Search reads bodies by bodyOf instead.
 */
function withBodies(archive: Archive, bodies: ArticleBodies): Archive {
  const articles = archive.articles.map((a) => bodies.withBody(a));
  return { ...archive, articles, byId: new Map(articles.map((a) => [a.id, a])) };
}

/** No cache for a build whose cache folder cannot be written (`error`, a system error; any other is thrown): said through `onAdvice`. */
function noCache(error: unknown, onAdvice: ((message: string) => void) | undefined): null {
  const system = systemErrorMessage(error);
  if (system === null) throw error;
  onAdvice?.(`cannot write ${CACHE_DIR}/ in the project folder (${system}): building without it, so every page is made again`);
  return null;
}

function missing(id: string): never {
  throw new BroadsheetError(`no article with id ${id}`);
}

/** The last build's result when its output is current for `key`, read back from its report; else null. */
async function previousResult(config: SiteConfig, manifestFile: string, key: string, timer: StageTimer): Promise<BuildResult | null> {
  const written = await SiteWriter.current(config.outDir, manifestFile, key);
  if (written === null) return null;
  const saved = await readFile(path.join(config.outDir, REPORT_FILE), 'utf8')
    .then((text) => JSON.parse(text) as { articles: number; pages: number; entries: ReportEntry[] })
    .catch(() => null);
  if (saved === null) return null;
  return { outDir: path.resolve(config.outDir), articles: saved.articles, pages: saved.pages, files: written.files, bytes: written.bytes, report: saved.entries, timings: timer.timings, seconds: timer.total };
}

/** `build-report.json`: the counts and every report entry, in a stable order. */
function reportJson(report: BuildReport, articles: number, pages: number): string {
  const entries = report.entries();
  return `${JSON.stringify({ articles, pages, skipped: report.count('skipped'), warnings: report.count('warning'), entries }, null, 2)}\n`;
}

function countPages(pages: Iterable<unknown>): number {
  let count = 0;
  for (const _page of pages) count += 1;
  return count;
}

/** Sets V8's --heap-growing-percent: a flag, so process-wide (workers too), read at each collection, so it takes effect at once. */
function setHeapGrowingPercent(percent: number): void {
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
