/** build(): the whole pipeline, stage by stage. Reads like a table of contents. */
import path from 'node:path';
import type { SiteConfig } from './config/config.ts';
import { BuildReport, type ReportEntry } from './report.ts';
import { discoverInputs } from './content/input-file.ts';
import { dedupeArticles, loadArticles } from './content/load-articles.ts';
import { enrichArticle } from './enrich/enrich-article.ts';
import { relateArticles } from './enrich/relate-articles.ts';
import { buildArchive } from './archive/build-archive.ts';
import { createNunjucksEnv } from './render/nunjucks-env.ts';
import { PageRenderer } from './render/render-page.ts';
import { planPages } from './render/plan-pages.ts';
import { outputPathFor, apiArticlesUrl } from './urls.ts';
import { articlesJson } from './outputs/articles-api.ts';
import { writeFeedsAndSitemap, writeSearchIndex } from './outputs/write-reader-outputs.ts';
import { REPORT_FILE, SiteWriter } from './write/site-writer.ts';
import { copyAssets } from './write/copy-assets.ts';
import { StageTimer } from './stage-timer.ts';

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
  /** The project folder, never to be replaced by the output folder. */
  readonly projectDir?: string;
}

/** Builds the site described by `config` into `config.outDir`, atomically. */
export async function build(config: SiteConfig, options: BuildOptions = {}): Promise<BuildResult> {
  const report = new BuildReport();
  const timer = new StageTimer(options.onStage);

  const discovered = await timer.time('discover', () => discoverInputs(config.seedsDir, config.contentDir));
  for (const file of discovered.ignored) report.add('skipped', file.displayPath, file.reason);
  const displayPaths = new Map(discovered.inputs.map((i) => [`${i.kind}:${i.relativePath}`, i.displayPath]));
  const displayPath = (a: { inputKind: string; sourceFile: string }): string => displayPaths.get(`${a.inputKind}:${a.sourceFile}`) ?? a.sourceFile;

  const parsed = await timer.time('parse', () => loadArticles(discovered.inputs, report));
  const unique = timer.timeSync('dedupe', () => dedupeArticles(parsed, report, displayPath));
  const enriched = timer.timeSync('enrich', () => unique.map((article) => enrichArticle(article)));
  const { articles, related } = timer.timeSync('relate', () => relateArticles(enriched));
  const archive = timer.timeSync('group', () => buildArchive(articles, related));

  const projectDir = options.projectDir ?? process.cwd();
  const writer = await SiteWriter.open(config.outDir, [config.seedsDir, config.contentDir, config.templatesDir, projectDir]);
  let pages = 0;
  try {
    const renderer = new PageRenderer(createNunjucksEnv(config.templatesDir, config.basePath), archive, config);
    await timer.time('render', async () => {
      for (const page of planPages(archive, config.pageSize)) {
        await writer.write(outputPathFor(page.url), renderer.render(page));
        pages += 1;
      }
    });
    await timer.time('outputs', async () => {
      await writer.write(apiArticlesUrl(), articlesJson(archive.articles, config.basePath));
      await writeFeedsAndSitemap(archive, config, writer, report);
      await copyAssets(config.templatesDir, writer);
    });
    await timer.time('search', () => writeSearchIndex(archive, config, writer, report));
    const entries = report.entries();
    await writer.write(REPORT_FILE, `${JSON.stringify({ articles: articles.length, pages, skipped: report.count('skipped'), warnings: report.count('warning'), entries }, null, 2)}\n`);
    await timer.time('commit', () => writer.commit());
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
    await writer.abort();
    throw error;
  }
}
