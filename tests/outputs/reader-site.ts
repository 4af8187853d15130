/**
 * The site the reader-feature tests read: the project's seeds plus the e2e fixture's real BBC
 * articles (dated, with topics, and one hostile title), built once into a temp folder with a
 * configured site URL, so feeds, sitemap, canonical links and the search index all exist.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { build, type BuildResult } from '../../src/build.ts';
import { resolveConfig } from '../../src/config/config.ts';
import { BBC_DIR, CONTENT_SPECS, LISTED_SPECS, PROJECT_DIR } from '../e2e/site-fixture.ts';

export { CONTENT_SPECS, LISTED_SPECS, PROJECT_DIR };

/** The site URL the fixture is built for: under a sub-path, so base paths are exercised too. */
export const SITE_URL = 'https://example.org/news/';

/** A built reader site. */
export interface ReaderSite {
  readonly outDir: string;
  readonly result: BuildResult;
  /** The temp content/ folder of Markdown articles, for tests that change one. */
  readonly contentDir: string;
  /** A file of the site by its site-relative path, as text. */
  read(file: string): Promise<string>;
  /** Builds again into the same output folder, as an author's next build would. */
  rebuild(): Promise<BuildResult>;
  cleanup(): Promise<void>;
}

/** Builds the seeds and the BBC Markdown articles; `siteUrl: null` builds without a site URL. */
export async function buildReaderSite(options: { siteUrl?: string | null; pageSize?: number } = {}): Promise<ReaderSite> {
  const root = await mkdtemp(path.join(tmpdir(), 'broadsheet-reader-'));
  const contentDir = path.join(root, 'content');
  await mkdir(contentDir);
  for (const spec of CONTENT_SPECS) {
    const [headline = '', ...body] = (await readFile(path.join(BBC_DIR, spec.bbcFile), 'utf8')).split('\n');
    const { bbcFile: _bbc, file: _file, title, copyOf: _copyOf, ...declared } = spec;
    await writeFile(path.join(contentDir, spec.file), matter.stringify(body.join('\n').trim(), { title: title ?? headline.trim(), ...declared }));
  }
  const siteUrl = options.siteUrl === undefined ? SITE_URL : options.siteUrl;
  const config = resolveConfig(PROJECT_DIR, {
    seeds: path.join(PROJECT_DIR, 'seeds'),
    content: contentDir,
    templates: path.join(PROJECT_DIR, 'templates'),
    out: path.join(root, 'site'),
    pageSize: options.pageSize ?? 2,
    ...(siteUrl === null ? { basePath: '/news/' } : { siteUrl }),
  });
  try {
    // The temp folder is the project: the build's cache goes there, not into the repository's.
    const result = await build(config, { projectDir: root });
    return {
      outDir: result.outDir,
      result,
      contentDir,
      rebuild: () => build(config, { projectDir: root }),
      read: (file) => readFile(path.join(result.outDir, file), 'utf8'),
      cleanup: () => rm(root, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}
