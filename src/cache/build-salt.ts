/** What cached results depend on besides their input: the code, its data files, the dependencies and the config. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import type { SiteConfig } from '../config/config.ts';
import { compareCodePoints } from '../text/compare.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { outputIgnore } from '../write/output-ignore.ts';

let codeHash: Promise<string> | undefined;

/** Salts for the two caches: articles (code and data) and pages (the same plus config and templates). */
export interface BuildSalts {
  readonly articles: string;
  readonly pages: string;
}

/** Hashes every file cached results depend on; any change makes every cached result a miss. */
export async function buildSalts(config: SiteConfig): Promise<BuildSalts> {
  // Hashed once per process: the code that runs is the code loaded at start, whatever is edited later.
  codeHash ??= hashFiles(PACKAGE_ROOT, ['src/**/*', 'data/**/*', 'package-lock.json']);
  const code = await codeHash;
  // Parsing and enriching read no configuration, so a new title, base path or --no-search reuses every parsed article.
  const articles = createHash('sha256').update(code).digest('hex');
  const templates = await hashFiles(config.templatesDir, ['**/*'], outputIgnore(config.templatesDir, config.outDir));
  return { articles, pages: createHash('sha256').update(articles).update(JSON.stringify(config)).update(templates).digest('hex') };
}

async function hashFiles(dir: string, patterns: string[], ignore: string[] = []): Promise<string> {
  const files = (await fg(patterns, { cwd: dir, onlyFiles: true, dot: false, suppressErrors: true, ignore })).sort(compareCodePoints);
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update('\0').update(await readFile(path.join(dir, file))).update('\0');
  return hash.digest('hex');
}
