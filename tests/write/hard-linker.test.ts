/** The linker thread: hard links into folders it makes, many batches, and the first failure reported. */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { HardLinker } from '../../src/write/hard-linker.ts';

const SEEDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../seeds');
const root = await mkdtemp(path.join(tmpdir(), 'broadsheet-linker-'));
afterAll(() => rm(root, { recursive: true, force: true }));

describe('HardLinker', () => {
  it('links every file into new nested folders, across several batches, as the same inode', async () => {
    const seeds = (await readdir(SEEDS_DIR)).filter((f) => f.endsWith('.txt'));
    expect(seeds.length).toBeGreaterThan(0);
    const linker = new HardLinker();
    // 600 links of each seed: more than two batches, each target in a folder of its own, as article pages are.
    const targets: Array<[string, string]> = [];
    for (let i = 0; i < 600; i++) {
      for (const seed of seeds) targets.push([path.join(SEEDS_DIR, seed), path.join(root, 'site', 'articles', `${i}-${seed}`, 'index.html')]);
    }
    for (const [source, target] of targets) linker.link(source, target);
    expect(await linker.done()).toBeNull();
    for (const [source, target] of [targets[0]!, targets.at(-1)!]) expect((await stat(target)).ino).toBe((await stat(source)).ino);
    expect((await readdir(path.join(root, 'site', 'articles'))).length).toBe(targets.length);
  });

  it('reports the first failed link and goes on with the others; done() with nothing asked is null', async () => {
    const seed = (await readdir(SEEDS_DIR)).find((f) => f.endsWith('.txt'))!;
    const linker = new HardLinker();
    linker.link(path.join(SEEDS_DIR, 'no-such-seed.txt'), path.join(root, 'failed', 'a.html'));
    linker.link(path.join(SEEDS_DIR, seed), path.join(root, 'failed', 'b.html'));
    const failure = await linker.done();
    expect(failure?.target).toBe(path.join(root, 'failed', 'a.html'));
    expect(failure?.message).toMatch(/ENOENT/);
    expect((await stat(path.join(root, 'failed', 'b.html'))).ino).toBe((await stat(path.join(SEEDS_DIR, seed))).ino);
    expect(await new HardLinker().done()).toBeNull();
  });
});
