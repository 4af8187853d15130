/** Search finds each story once: a near-copy keeps its page but stays out of the Pagefind index; `search: false` builds no index. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import fg from 'fast-glob';
import { buildArchive } from '../../src/archive/build-archive.ts';
import { resolveConfig } from '../../src/config/config.ts';
import { BuildReport } from '../../src/report.ts';
import { searchableArticles, writeSearchIndex, type StagingSink } from '../../src/outputs/write-reader-outputs.ts';
import { searchIndexKey } from '../../src/outputs/search-index.ts';
import { COPY, ORIGINAL, OTHERS, WITH_COPY } from '../archive/wire-copies.ts';

const archive = buildArchive(WITH_COPY, new Map());

/** A sink writing into a folder, as the build's SiteWriter stages files. */
function folderSink(root: string): StagingSink {
  return {
    resolve: (relativePath) => path.join(root, relativePath),
    write: async (relativePath, contents) => {
      await mkdir(path.dirname(path.join(root, relativePath)), { recursive: true });
      await writeFile(path.join(root, relativePath), contents);
    },
  };
}

/** The URLs of the records in a Pagefind bundle (fragments are gzipped JSON behind a signature). */
async function indexedUrls(bundle: string): Promise<string[]> {
  const files = await fg('fragment/*.pf_fragment', { cwd: bundle });
  const urls = await Promise.all(files.map(async (f) => (JSON.parse(gunzipSync(await readFile(path.join(bundle, f))).toString('utf8').replace(/^pagefind_dcd/, '')) as { url: string }).url));
  return urls.sort();
}

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
    expect(searchIndexKey(searchableArticles(archive), 'en')).toBe(searchIndexKey(searchableArticles(withoutCopy), 'en'));
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
