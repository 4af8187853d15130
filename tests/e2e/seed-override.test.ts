/**
 * Correcting a seed without editing it: a YAML file beside the seed overrides what the parser
 * guessed, survives rebuilds (cache included), and the archive still shows the article once.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { resolveConfig } from '../../src/config/config.ts';
import type { ArticleRecord } from '../../src/outputs/articles-api.ts';
import { PROJECT_DIR } from './site-fixture.ts';

const SEED = '001_63d6e588ad32ed8a.txt';
const SEEDS = ['000_c7242acd748ee215.txt', SEED, '003_8d78b157a282ba9e.txt'];

let dir: string;

async function buildAndRead(): Promise<ArticleRecord[]> {
  const config = resolveConfig(dir, { seeds: 'seeds', content: 'content', out: 'dist', templates: path.join(PROJECT_DIR, 'templates') });
  await build(config, { projectDir: dir });
  return JSON.parse(await readFile(path.join(dir, 'dist/api/articles.json'), 'utf8')) as ArticleRecord[];
}

const recordOf = (records: ArticleRecord[]): ArticleRecord | undefined => records.find((r) => r.sourceFile === SEED);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'broadsheet-override-'));
  await mkdir(path.join(dir, 'seeds'));
  await mkdir(path.join(dir, 'content'));
  for (const seed of SEEDS) await copyFile(path.join(PROJECT_DIR, 'seeds', seed), path.join(dir, 'seeds', seed));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a seed override file', () => {
  it('starts from what the parser guessed', async () => {
    const record = recordOf(await buildAndRead());
    expect(record?.date).toBeNull();
    expect(record?.titleOrigin).toBe('lede');
    expect(record?.source).toBe('The Moscow Times');
  });

  it('corrects title, date, topics and source without touching the seed, and shows it once', async () => {
    const before = await readFile(path.join(dir, 'seeds', SEED));
    await writeFile(
      path.join(dir, 'seeds', SEED.replace(/\.txt$/, '.yml')),
      'title: Kremlin sees room for Iran–US talks\ndate: 2026-01-29\ntopics: [Diplomacy, Iran]\nsource: The Moscow Times (English edition)\n',
    );
    const records = await buildAndRead();
    expect(records).toHaveLength(SEEDS.length);
    expect(records.filter((r) => r.sourceFile === SEED)).toHaveLength(1);
    const record = recordOf(records);
    expect(record).toMatchObject({
      title: 'Kremlin sees room for Iran–US talks',
      titleOrigin: 'override',
      date: '2026-01-29',
      dateOrigin: 'override',
      topics: ['Diplomacy', 'Iran'],
      source: 'The Moscow Times (English edition)',
      sourceOrigin: 'override',
    });
    expect(record?.warnings.some((w) => w.startsWith('no date'))).toBe(false);
    expect(await readFile(path.join(dir, 'seeds', SEED))).toEqual(before);
    const page = await readFile(path.join(dir, 'dist', record!.url.replace(/^\//, ''), 'index.html'), 'utf8');
    expect(page).toContain('Kremlin sees room for Iran–US talks');
    expect(page).toContain('datetime="2026-01-29"');
  });

  it('survives a rebuild, and a changed override is picked up despite the cache', async () => {
    expect(recordOf(await buildAndRead())?.title).toBe('Kremlin sees room for Iran–US talks');
    await writeFile(path.join(dir, 'seeds', SEED.replace(/\.txt$/, '.yml')), 'title: Kremlin urges restraint on Iran\n');
    const record = recordOf(await buildAndRead());
    expect(record?.title).toBe('Kremlin urges restraint on Iran');
    // Fields the override no longer sets fall back to what the parser finds.
    expect(record?.date).toBeNull();
    expect(record?.source).toBe('The Moscow Times');
  });
});
