/** Search finds each story once: a near-copy keeps its page but stays out of the Pagefind index; `search: false` builds no index. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildArchive } from '../../src/archive/build-archive.ts';
import { resolveConfig } from '../../src/config/config.ts';
import { BuildReport } from '../../src/report.ts';
import { searchableArticles, writeSearchIndex } from '../../src/outputs/write-reader-outputs.ts';
import { searchIndexKey } from '../../src/outputs/search-index.ts';
import { COPY, ORIGINAL, OTHERS, WITH_COPY } from '../archive/wire-copies.ts';
import { folderSink, indexedUrls } from './search-bundle.ts';

const archive = buildArchive(WITH_COPY, new Map());

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'broadsheet-search-copies-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('the searchable articles', () => {
  it('are every article but the near-copy, which the archive still holds', () => {
    expect(archive.byId.has(COPY.id)).toBe(true);
    const searchable = searchableArticles(archive).map((a) => a.id);
    expect(searchable).not.toContain(COPY.id);
    expect(searchable.sort()).toEqual([ORIGINAL, ...OTHERS].map((a) => a.id).sort());
  });

  it('decide the index key: the copy cannot change the bundle', () => {
    const withoutCopy = buildArchive(WITH_COPY.filter((a) => a.id !== COPY.id), new Map());
    expect(searchIndexKey(searchableArticles(archive), 'en', 'pagefind/')).toBe(searchIndexKey(searchableArticles(withoutCopy), 'en', 'pagefind/'));
  });
});

describe('writeSearchIndex', () => {
  it('indexes the original and leaves the copy out', async () => {
    const out = path.join(root, 'with-search');
    const config = resolveConfig(root, { out: path.join(root, 'previous-dist') });
    const report = new BuildReport();
    const indexed = await writeSearchIndex(archive, config, folderSink(out), report);
    expect(report.entries()).toEqual([]);
    expect(indexed).toBe(OTHERS.length + 1);
    const urls = await indexedUrls(path.join(out, 'pagefind'));
    expect(urls).toContain(`/${ORIGINAL.url}`);
    expect(urls).not.toContain(`/${COPY.url}`);
    expect(urls).toHaveLength(indexed);
  });

  it('writes nothing with search off', async () => {
    const out = path.join(root, 'without-search');
    const config = resolveConfig(root, { out: path.join(root, 'previous-dist'), search: false });
    expect(await writeSearchIndex(archive, config, folderSink(out), new BuildReport())).toBe(0);
    expect(existsSync(path.join(out, 'pagefind'))).toBe(false);
  });
});
