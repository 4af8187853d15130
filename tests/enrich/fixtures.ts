/** Real-text fixtures for the enrich tests: the seeds and BBC articles, parsed the way the build parses them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InputFile } from '../../src/content/input-file.ts';
import { parseInput } from '../../src/content/load-article.ts';
import type { ParsedArticle } from '../../src/content/parsed-article.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The project's seeds/ folder. */
export const SEEDS_DIR = path.resolve(here, '../../seeds');
/** The shared BBC corpus, read-only. */
export const BBC_DIR = path.resolve(here, '../../../shared/corpora/bbc');

/** Parses one raw-text file as a seed, through the build's own parser. */
export function parseSeedFile(dir: string, relativePath: string): ParsedArticle {
  const absolutePath = path.join(dir, relativePath);
  const input: InputFile = { kind: 'seed', absolutePath, relativePath, displayPath: `${path.basename(dir)}/${relativePath}`, overridePath: null };
  const result = parseInput(input, readFileSync(absolutePath), null);
  if (!result.ok) throw new Error(`${relativePath}: ${result.problem.message}`);
  return result.article;
}
