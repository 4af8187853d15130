/**
 * Builds sites for the end-to-end site tests: the project's real seeds (read in place, never
 * copied) plus, when asked, a temp content/ folder of real BBC articles as Markdown whose front
 * matter declares dates, topics and entities, so term pages and pagination are deterministic.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type HTMLElement } from 'node-html-parser';
import { build, type BuildResult } from '../../src/build.ts';
import { resolveConfig } from '../../src/config/config.ts';
import { siteFileFor } from '../browser/harness/site-file.ts';

/** The project root, resolved from this file so tests run from any working directory. */
export const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The BBC corpus, read-only. */
export const BBC_DIR = path.resolve(PROJECT_DIR, '../shared/corpora/bbc');

/** The front matter declared for one real BBC article. */
export interface BbcArticleSpec {
  /** File under the BBC corpus ("politics/x.txt"); its first line becomes the title unless `title` is set. */
  readonly bbcFile: string;
  /** Name of the Markdown file in the temp content/ folder. */
  readonly file: string;
  readonly date: string;
  readonly source: string;
  readonly title?: string;
  readonly topics?: readonly string[];
  readonly people?: readonly string[];
  readonly places?: readonly string[];
  readonly organizations?: readonly string[];
  /** The `file` of the article this one is a near-copy of (the same wire story): never written to front matter; the build should find it. */
  readonly copyOf?: string;
}

/** A title, source and names no page may let through unescaped. */
export const HOSTILE = {
  title: '<script>alert("title")</script> & "Quotes" <b>bold</b>',
  source: '<i>Evil</i> "Press"',
  topic: '"><img src=x onerror=alert(1)>',
  person: '<script>alert(1)</script>',
} as const;

/**
 * Ten real BBC articles, November 2004 to February 2005 (two of them one wire story, carried by two
 * sources), plus one with a hostile title. With a page size of 2: Politics spans 3 pages, January
 * 2005 3 pages, BBC News 4 pages.
 */
export const CONTENT_SPECS: readonly BbcArticleSpec[] = [
  { bbcFile: 'politics/blair-congratulates-bush-on-win.txt', file: 'blair-bush-win.md', date: '2004-11-04', source: 'BBC News', topics: ['Politics', 'United States'], people: ['Tony Blair', 'George Bush'], places: ['Middle East'] },
  { bbcFile: 'politics/blair-hails-turkey-eu-talks-deal.txt', file: 'turkey-eu.md', date: '2004-12-17', source: 'BBC News', topics: ['Politics', 'Europe'], people: ['Tony Blair', 'Recep Erdogan'], places: ['Turkey', 'Cyprus', 'Brussels'], organizations: ['EU'] },
  { bbcFile: 'politics/russian-ex-spy-on-hunger-strike.txt', file: 'ex-spy.md', date: '2005-01-11', source: 'BBC News', topics: ['Politics', 'Russia'], people: ['Viktor Makarov', 'Oleg Gordievsky'], places: ['London', 'Moscow'], organizations: ['MI6', 'KGB'] },
  { bbcFile: 'politics/nuclear-strike-key-terror-risk.txt', file: 'nuclear-risk.md', date: '2005-01-17', source: 'BBC News', topics: ['Politics', 'Security'], people: ['Amitai Etzioni'], places: ['Pakistan'], organizations: ['Foreign Policy Centre'] },
  { bbcFile: 'politics/blair-sees-greater-bush-consensus.txt', file: 'bush-consensus.md', date: '2005-01-21', source: 'BBC News', topics: ['Politics', 'United States'], people: ['Tony Blair', 'George W Bush'], places: ['Washington'] },
  { bbcFile: 'business/1m-payoff-for-former-shell-boss.txt', file: 'shell-payoff.md', date: '2005-01-26', source: 'BBC News', topics: ['Business'], people: ['Judy Boynton', 'Jeroen van der Veer'], organizations: ['Shell'] },
  { bbcFile: 'business/absa-and-barclays-talks-continue.txt', file: 'absa-barclays.md', date: '2005-02-01', source: 'BBC News', topics: ['Business'], places: ['South Africa'], organizations: ['Absa', 'Barclays'] },
  { bbcFile: 'politics/abbas-will-not-tolerate-attacks.txt', file: 'abbas.md', date: '2005-02-28', source: 'BBC News', topics: ['Politics', 'Middle East'], people: ['Mahmoud Abbas'], places: ['Tel Aviv', 'Israel'] },
  // A wire story carried twice (the corpus's own near-copy pair): the second is flagged as a copy, so
  // every page check and the link crawl also see a copy's page and an original listing its copy.
  { bbcFile: 'business/china-continues-breakneck-growth.txt', file: 'china-growth.md', date: '2004-11-20', source: 'Reuters', topics: ['Economy'], places: ['China'] },
  { bbcFile: 'business/china-continues-rapid-growth.txt', file: 'china-growth-copy.md', date: '2004-11-21', source: 'AFP', topics: ['Economy'], places: ['China'], copyOf: 'china-growth.md' },
  { bbcFile: 'business/ad-firm-wpp-s-profits-surge-15.txt', file: 'hostile.md', date: '2005-01-30', source: HOSTILE.source, title: HOSTILE.title, topics: [HOSTILE.topic], people: [HOSTILE.person] },
];

/** The declared articles a listing, feed, sitemap or search index shows: near-copies are left out of them. */
export const LISTED_SPECS: readonly BbcArticleSpec[] = CONTENT_SPECS.filter((s) => s.copyOf === undefined);

/** One record of `api/articles.json`, the fields these tests read. */
export interface ApiRecord {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly date: string | null;
  readonly source: string | null;
  readonly sourceFile: string;
  readonly topics: readonly string[];
  readonly people: readonly string[];
  readonly places: readonly string[];
  readonly organizations: readonly string[];
}

/** A built site in a temp folder. */
export interface BuiltSite {
  readonly outDir: string;
  readonly basePath: string;
  readonly result: BuildResult;
  /** `api/articles.json`, parsed. */
  readonly api: readonly ApiRecord[];
  /** The output file an href names (null when outside the base path). */
  fileFor(href: string): string | null;
  /** Whether an href names a file of the site. */
  exists(href: string): boolean;
  /** The raw HTML an href names; throws when there is no such page. */
  html(href: string): Promise<string>;
  /** The parsed page an href names. */
  page(href: string): Promise<HTMLElement>;
  /** The href of a site-relative URL under this site's base path ("topics/" → "/sub/topics/"). */
  href(url: string): string;
  /** The record of the article built from an input file. */
  record(sourceFile: string): ApiRecord;
  cleanup(): Promise<void>;
}

/** What to build. */
export interface SiteOptions {
  readonly basePath?: string;
  readonly pageSize?: number;
  /** Searchable articles per search bundle (the project's default when unset). */
  readonly searchShardSize?: number;
  /** Markdown articles made from the BBC corpus for a temp content/ folder; none by default. */
  readonly content?: readonly BbcArticleSpec[];
}

/** Builds the project's seeds (and optional BBC Markdown) with the project's templates into a temp folder. */
export async function buildSite(options: SiteOptions = {}): Promise<BuiltSite> {
  const root = await mkdtemp(path.join(tmpdir(), 'broadsheet-site-'));
  try {
    const contentDir = path.join(root, 'content');
    await mkdir(contentDir);
    for (const spec of options.content ?? []) await writeFile(path.join(contentDir, spec.file), await markdownFor(spec));
    const config = resolveConfig(PROJECT_DIR, {
      seeds: path.join(PROJECT_DIR, 'seeds'),
      content: contentDir,
      templates: path.join(PROJECT_DIR, 'templates'),
      out: path.join(root, 'site'),
      basePath: options.basePath ?? '/',
      ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
      ...(options.searchShardSize === undefined ? {} : { searchShardSize: options.searchShardSize }),
    });
    // The temp folder is the project: the build's cache goes there, not into the repository's.
    const result = await build(config, { projectDir: root });
    const outDir = result.outDir;
    const api = JSON.parse(await readFile(path.join(outDir, 'api', 'articles.json'), 'utf8')) as ApiRecord[];
    const fileFor = (href: string): string | null => siteFileFor(outDir, config.basePath, new URL(href, 'http://site.test/').pathname);
    const html = async (href: string): Promise<string> => {
      const file = fileFor(href);
      if (file === null) throw new Error(`${href} is outside the base path ${config.basePath}`);
      return readFile(file, 'utf8');
    };
    return {
      outDir,
      basePath: config.basePath,
      result,
      api,
      fileFor,
      exists: (href) => {
        const file = fileFor(href);
        return file !== null && existsSync(file);
      },
      html,
      page: async (href) => parse(await html(href)),
      href: (url) => `${config.basePath}${url}`,
      record: (sourceFile) => {
        const found = api.find((r) => r.sourceFile === sourceFile);
        if (found === undefined) throw new Error(`no article from ${sourceFile} in the API`);
        return found;
      },
      cleanup: () => rm(root, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}

/** A Markdown file: the declared front matter, then the BBC article's paragraphs (headline dropped). */
async function markdownFor(spec: BbcArticleSpec): Promise<string> {
  const [headline = '', ...rest] = (await readFile(path.join(BBC_DIR, spec.bbcFile), 'utf8')).split('\n');
  const lines = [
    '---',
    `title: ${JSON.stringify(spec.title ?? headline.trim())}`,
    `date: ${spec.date}`,
    `source: ${JSON.stringify(spec.source)}`,
  ];
  for (const key of ['topics', 'people', 'places', 'organizations'] as const) {
    const list = spec[key];
    if (list !== undefined && list.length > 0) lines.push(`${key}: ${JSON.stringify(list)}`);
  }
  lines.push('---', '', rest.join('\n').trim(), '');
  return lines.join('\n');
}
