/** A throwaway project for one hostile input: the real seeds plus the hostile files, built into a temp folder. */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, onTestFinished } from 'vitest';
import { build, type BuildOptions, type BuildResult } from '../../src/build.ts';
import { resolveConfig, type UserConfig } from '../../src/config/config.ts';
import type { ReportEntry } from '../../src/report.ts';

/** The project root, resolved from this file so tests run from any working directory. */
export const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The real seed articles every hostile site also holds, so "the rest still builds" is checked. */
export const REAL_SEEDS = path.join(PROJECT_DIR, 'seeds');

/** The BBC corpus, read-only. */
export const BBC_DIR = path.resolve(PROJECT_DIR, '../shared/corpora/bbc');

/** A real BBC article's text (headline, blank line, paragraphs). */
export async function bbcText(desk = 'business', name = 'absa-and-barclays-talks-continue.txt'): Promise<string> {
  return readFile(path.join(BBC_DIR, desk, name), 'utf8');
}

/** Every BBC article of one desk, in name order. */
export async function bbcDesk(desk: string): Promise<string[]> {
  const names = (await readdir(path.join(BBC_DIR, desk))).filter((n) => n.endsWith('.txt')).sort();
  return Promise.all(names.map((n) => readFile(path.join(BBC_DIR, desk, n), 'utf8')));
}

/** What one hostile build left behind. */
export interface HostileBuild {
  /** The temp project folder (seeds/, content/, dist/). */
  readonly root: string;
  /** The output folder. */
  readonly outDir: string;
  readonly result: BuildResult;
  /** build-report.json as written. */
  readonly report: { articles: number; pages: number; entries: ReportEntry[] };
  /** Every file under the project folder after the build, relative, sorted. */
  readonly tree: string[];
}

/** Files to add, by path relative to the project ("seeds/x.txt", "content/y.md"). */
export type HostileFiles = Record<string, string | Uint8Array>;

/** Makes a temp project holding the real seeds plus `files`, and returns its root. */
export async function makeProject(files: HostileFiles): Promise<string> {
  // The project sits one level down, so a file escaping it lands in the sandbox where it is seen.
  const root = path.join(await mkdtemp(path.join(tmpdir(), 'broadsheet-hostile-')), 'project');
  await mkdir(path.join(root, 'seeds'), { recursive: true });
  await mkdir(path.join(root, 'content'), { recursive: true });
  for (const name of (await readdir(REAL_SEEDS)).filter((n) => n.endsWith('.txt'))) {
    await copyFile(path.join(REAL_SEEDS, name), path.join(root, 'seeds', name));
  }
  for (const [rel, contents] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), contents);
  }
  return root;
}

/** Builds a project made by makeProject with the repository's templates; the project is removed when the test ends. */
export async function buildProject(root: string, config: UserConfig = {}, options: Pick<BuildOptions, 'cache'> = {}): Promise<HostileBuild> {
  onTestFinished(() => rm(path.dirname(root), { recursive: true, force: true }));
  const resolved = resolveConfig(root, { templates: path.join(PROJECT_DIR, 'templates'), ...config });
  const result = await build(resolved, { projectDir: root, ...options });
  const report = JSON.parse(await readFile(path.join(resolved.outDir, 'build-report.json'), 'utf8')) as HostileBuild['report'];
  return { root, outDir: resolved.outDir, result, report, tree: await listTree(root) };
}

/** makeProject + buildProject. */
export async function buildHostile(files: HostileFiles, config: UserConfig = {}): Promise<HostileBuild> {
  return buildProject(await makeProject(files), config);
}

/** The cache's trash: replaced outputs a detached `rm -rf` is removing while the test looks (see SiteWriter). */
const TRASH = path.join('.broadsheet-cache', 'trash');

/** Every file under `dir`, relative, sorted; symlinks listed, not followed; the cache's trash left out. */
export async function listTree(dir: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await readdir(path.join(dir, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) {
        if (child !== TRASH) await walk(child);
      } else files.push(child);
    }
  };
  await walk('');
  return files.sort();
}

/** Every file under `dir` with its bytes (base64), to compare whole outputs. */
export async function treeContents(dir: string): Promise<Map<string, string>> {
  const files = await listTree(dir);
  return new Map(await Promise.all(files.map(async (f) => [f, (await readFile(path.join(dir, f))).toString('base64')] as const)));
}

/** Every folder under `dir`, relative, sorted: a rebuild must leave none a clean build would not make. */
export async function listFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

/** A temp folder for one test, removed when the test ends. */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `broadsheet-${prefix}-`));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Puts BROADSHEET_WORKERS back as it was after each test of the calling file (tests set it to pick the pool size). */
export function restoreWorkerCountAfterEach(): void {
  const workers = process.env['BROADSHEET_WORKERS'];
  afterEach(() => {
    if (workers === undefined) delete process.env['BROADSHEET_WORKERS'];
    else process.env['BROADSHEET_WORKERS'] = workers;
  });
}

/** The checks every hostile case shares: the real seeds built, nothing outside dist/, no staging left, no script. */
export async function expectSafeBuild(site: HostileBuild, inputs: readonly string[]): Promise<void> {
  // The three real seeds still have their pages.
  const articlePages = site.tree.filter((f) => /^dist\/articles\/[^/]+\/index\.html$/.test(f));
  for (const seed of ['000-c7242acd748ee215', '001-63d6e588ad32ed8a', '003-8d78b157a282ba9e']) {
    expect(articlePages).toContain(`dist/articles/${seed}/index.html`);
  }
  // Nothing but the inputs and dist/ in the project: no file escaped, no staging folder left.
  const outside = site.tree.filter((f) => !/^(dist|seeds|content|\.broadsheet-cache)\//.test(f));
  expect(outside).toEqual([]);
  expect(await readdir(path.dirname(site.root))).toEqual(['project']);
  expect(site.tree.filter((f) => f.startsWith('seeds/') || f.startsWith('content/')).length).toBe((await readdir(REAL_SEEDS)).filter((n) => n.endsWith('.txt')).length + inputs.length);
  // No script gets in: JSON-LD blocks must be whole JSON (an early </script> would cut them), other
  // scripts are the templates' own and never hold the payloads' alert(); no event-handler attribute anywhere.
  for (const file of site.tree.filter((f) => f.endsWith('.html'))) {
    let html = await readFile(path.join(site.root, file), 'utf8');
    html = html.replace(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g, (_block, json: string) => {
      expect(() => JSON.parse(json), `${file}: JSON-LD`).not.toThrow();
      return '';
    });
    for (const script of html.match(/<script\b[\s\S]*?<\/script>/gi) ?? []) expect(script, file).not.toMatch(/alert\(/);
    // Quoted attribute values are text (autoescaped), so they are blanked before looking for attributes.
    expect(html.replace(/"[^"<>]*"/g, '""'), file).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
  }
}

/** The page built for an input, or the report lines naming it: exactly one of the two exists. */
export async function outcomeOf(site: HostileBuild, displayPath: string): Promise<{ html: string | null; lines: ReportEntry[] }> {
  const lines = site.report.entries.filter((e) => e.file === displayPath);
  const api = JSON.parse(await readFile(path.join(site.outDir, 'api/articles.json'), 'utf8')) as { articles?: Array<{ sourceFile: string; inputKind: string; url: string }> } | Array<{ sourceFile: string; inputKind: string; url: string }>;
  const records = Array.isArray(api) ? api : (api.articles ?? []);
  const [folder, ...rest] = displayPath.split('/');
  const kind = folder === 'seeds' ? 'seed' : 'content';
  const record = records.find((r) => r.inputKind === kind && r.sourceFile === rest.join('/'));
  if (record === undefined) return { html: null, lines };
  const href = record.url.replace(/^\//, '');
  return { html: await readFile(path.join(site.outDir, href, 'index.html'), 'utf8'), lines };
}

/** The page's main heading as HTML source (escaped), or null. */
export function headingOf(html: string | null): string | null {
  return /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html ?? '')?.[1] ?? null;
}
