/**
 * The whole pipeline over the real BBC corpus: every one of its 2,095 articles becomes an article
 * titled with its headline line, with no invented date and no paragraph lost as boilerplate.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { decodeHTMLStrict } from 'entities';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.ts';
import { resolveConfig } from '../../src/config/config.ts';
import { BBC_DIR, PROJECT_DIR, bbcFiles, bbcText } from '../content/real-text.ts';

/** The fields of an `api/articles.json` record this test reads. */
interface ApiRecord {
  readonly id: string;
  readonly title: string;
  readonly titleOrigin: string;
  readonly date: string | null;
  readonly sourceFile: string;
  readonly removed: readonly { readonly kind: string; readonly text: string }[];
}

/** The corpus's size, as its README states it. */
const BBC_ARTICLES = 2095;
/** How long the whole-corpus build may take before the test gives up. */
const BUILD_TIMEOUT_MS = 600_000;

describe('the BBC corpus built end to end', () => {
  let root = '';
  let result: BuildResult;
  let records: ApiRecord[] = [];
  const files = bbcFiles();

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'broadsheet-bbc-'));
    const content = path.join(root, 'content');
    await mkdir(content);
    const config = resolveConfig(PROJECT_DIR, { seeds: BBC_DIR, content, out: path.join(root, 'site'), templates: path.join(PROJECT_DIR, 'templates') });
    result = await build(config, { projectDir: root });
    records = JSON.parse(await readFile(path.join(result.outDir, 'api', 'articles.json'), 'utf8')) as ApiRecord[];
    // A cap for a shared, busy machine, not a speed goal: speed is measured by the benchmark.
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    if (root !== '') await rm(root, { recursive: true, force: true });
  });

  it('finds all 2,095 articles, one record each, named by their path in the corpus', () => {
    expect(files).toHaveLength(BBC_ARTICLES);
    expect(result.articles).toBe(BBC_ARTICLES);
    expect(records).toHaveLength(BBC_ARTICLES);
    expect(records.map((r) => r.sourceFile).sort()).toEqual(files);
  });

  it('titles every article with the first line of its file, by the headline rule', () => {
    const wrong = records.filter((r) => r.title !== firstLine(bbcText(r.sourceFile)) || r.titleOrigin !== 'headline');
    expect(wrong.map((r) => `${r.sourceFile}: ${r.title} (${r.titleOrigin})`)).toEqual([]);
  });

  it('invents no date: the corpus has none', () => {
    expect(records.filter((r) => r.date !== null).map((r) => `${r.sourceFile}: ${r.date}`)).toEqual([]);
  });

  it('removes nothing from BBC bodies as boilerplate', () => {
    expect(records.filter((r) => r.removed.length > 0).map((r) => r.sourceFile)).toEqual([]);
  });
});

/** A file's first line, its HTML entities (the corpus has a few, like &#233;) decoded. */
function firstLine(text: string): string {
  return decodeHTMLStrict(text.slice(0, text.indexOf('\n')).trim());
}
