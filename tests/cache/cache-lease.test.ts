/** Cache leases: a build does not prune the article cache while another build sharing it runs. */
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { leaseCache } from '../../src/cache/cache-lease.ts';
import { CACHE_DIR } from '../../src/build.ts';
import { bbcText, buildProject, makeProject, tempDir } from '../hostile/hostile-site.ts';

/** The keys of every entry in a project's article cache whose pack is still there. */
async function cacheEntries(root: string): Promise<string[]> {
  const dir = path.join(root, CACHE_DIR, 'articles');
  const index = JSON.parse(await readFile(path.join(dir, 'index.json'), 'utf8')) as Record<string, [string]>;
  const packs = new Set(await readdir(path.join(dir, 'packs')));
  return Object.entries(index).filter(([, [pack]]) => packs.has(pack)).map(([key]) => key).sort();
}

describe('leaseCache', () => {
  it('sees another live lease until it is released', async () => {
    const dir = await tempDir('lease');
    const a = await leaseCache(dir);
    const b = await leaseCache(dir);
    expect(await a.othersActive()).toBe(true);
    await b.release();
    expect(await a.othersActive()).toBe(false);
    await a.release();
    expect(await readdir(path.join(dir, 'leases'))).toEqual([]);
  });

  it('ignores and removes a lease left by a process that is gone', async () => {
    const dir = await tempDir('lease');
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    await mkdir(path.join(dir, 'leases'), { recursive: true });
    await writeFile(path.join(dir, 'leases', `${gone}-0-killed-build`), '');
    const lease = await leaseCache(dir);
    expect(await lease.othersActive()).toBe(false);
    expect(await readdir(path.join(dir, 'leases'))).toHaveLength(1);
    await lease.release();
  });
});

describe('a build sharing the cache with a running build', () => {
  it('keeps the other build’s entries, and prunes them once no other build runs', async () => {
    const root = await makeProject({ 'other/absa.txt': await bbcText() });
    await buildProject(root, { out: 'dist-a' });
    const first = await cacheEntries(root);
    expect(first.length).toBeGreaterThan(1);

    // A build of the real seeds is still rendering from its entries while another folder is built.
    const running = await leaseCache(path.join(root, CACHE_DIR));
    await buildProject(root, { seeds: 'other', out: 'dist-b' });
    const during = await cacheEntries(root);
    for (const entry of first) expect(during).toContain(entry);

    await running.release();
    await buildProject(root, { seeds: 'other', out: 'dist-c' });
    expect(await cacheEntries(root)).toHaveLength(1);
  });
});
