/** The build key: the same inputs give the same key, read, taken from the index of hashes or learnt from parse; any edit changes it. */
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashInputs } from '../../src/cache/build-key.ts';
import { discoverInputs } from '../../src/content/input-file.ts';
import { contentHashOf, readInputBytesSync } from '../../src/content/read-input.ts';
import { bbcText, tempDir } from '../hostile/hostile-site.ts';

/** A seeds folder with a BBC article, its override file and a dangling link (an unreadable input). */
async function seedsFolder(name: string): Promise<{ root: string; seeds: string; text: string; discover: () => ReturnType<typeof discoverInputs> }> {
  const root = await tempDir(name);
  const seeds = path.join(root, 'seeds');
  const text = await bbcText();
  await mkdir(seeds);
  await writeFile(path.join(seeds, 'absa.txt'), text);
  await writeFile(path.join(seeds, 'absa.yml'), 'title: Absa and Barclays\n');
  await symlink(path.join(root, 'gone.txt'), path.join(seeds, 'dangling.txt'));
  return { root, seeds, text, discover: () => discoverInputs(seeds, path.join(root, 'content')) };
}

describe('hashInputs', () => {
  it('keeps a hash while the file is untouched, and notices an edit and an unreadable input', async () => {
    const { root, seeds, text, discover } = await seedsFolder('key');
    const index = path.join(root, 'cache/inputs.json');
    // Without an index every input is read; with one, an input it does not name is read when the cache has entries.
    const unindexed = await (await hashInputs(await discover(), null, { cacheHasEntries: false })).save('salt');
    const firstHashes = await hashInputs(await discover(), index, { cacheHasEntries: true });
    const first = await firstHashes.save('salt');
    expect(first).not.toBeNull();
    expect(first).toBe(unindexed);
    // Only the readable input is remembered; the dangling link is read (and reported) every time.
    expect(Object.keys(JSON.parse(await readFile(index, 'utf8')) as object)).toEqual([path.join(seeds, 'absa.txt')]);
    const againHashes = await hashInputs(await discover(), index, { cacheHasEntries: false });
    expect(await againHashes.save('salt')).toBe(first);
    expect([...againHashes.contentHashes.values()]).toEqual([...firstHashes.contentHashes.values()]);

    await writeFile(path.join(seeds, 'absa.yml'), 'title: Absa and Barclays talks\n');
    const corrected = await (await hashInputs(await discover(), index, { cacheHasEntries: false })).save('salt');
    expect(corrected).not.toBe(first);
    await writeFile(path.join(seeds, 'absa.txt'), text.replace('still in talks', 'no longer in talks'));
    const edited = await (await hashInputs(await discover(), index, { cacheHasEntries: false })).save('salt');
    expect(edited).not.toBe(corrected);
    expect(edited).toBe(await (await hashInputs(await discover(), null, { cacheHasEntries: false })).save('salt'));
  });

  it('leaves an input the index does not name to parse on a first build, and makes the same key from what parse learnt', async () => {
    const { root, discover } = await seedsFolder('key-first');
    const index = path.join(root, 'cache/inputs.json');
    const discovered = await discover();
    const readAll = await (await hashInputs(discovered, null, { cacheHasEntries: false })).save('salt');

    const hashes = await hashInputs(discovered, index, { cacheHasEntries: false });
    // The readable seed is left to parse; the dangling link, which cannot be looked at, is read (and reported) now.
    expect(hashes.contentHashes.size).toBe(0);
    expect(await hashes.save('salt')).toBeNull();
    await expect(readFile(index, 'utf8')).rejects.toThrow();

    // What a parse task tells the loader: the hash of the bytes it read.
    for (const input of discovered.inputs) {
      const read = readInputBytesSync(input);
      if (read.ok) hashes.learn(input, contentHashOf(read.bytes, read.overrideBytes));
    }
    const learnt = [...hashes.contentHashes.values()];
    expect(learnt).toHaveLength(1);
    expect(await hashes.finish('salt')).toBe(readAll);
    expect(hashes.contentHashes.size).toBe(0);
    // The next build finds the seed by its identity, without reading it.
    const next = await hashInputs(await discover(), index, { cacheHasEntries: true });
    expect([...next.contentHashes.values()]).toEqual(learnt);
    expect(await next.save('salt')).toBe(readAll);
  });

  it('reads an unindexed input now once the article cache has entries, even when the index names other paths', async () => {
    const { root, seeds, discover } = await seedsFolder('key-moved');
    // A link to a folder: it can be looked at (stat) but not read (EISDIR), as a chmod 000 file for a user other than root.
    await symlink(root, path.join(seeds, 'folder.txt'));
    const index = path.join(root, 'cache/inputs.json');
    const discovered = await discover();
    const readAll = await (await hashInputs(discovered, null, { cacheHasEntries: false })).save('salt');

    // A first build leaves the readable inputs to parse; parse learns the seed's hash and the folder's problem.
    const first = await hashInputs(discovered, index, { cacheHasEntries: false });
    for (const input of discovered.inputs) {
      const read = readInputBytesSync(input);
      if (read.ok) first.learn(input, contentHashOf(read.bytes, read.overrideBytes));
      else first.unreadable(input, read.problem.message);
    }
    expect(await first.finish('salt')).toBe(readAll);
    // Only the seed's hash is indexed: the next build, with nothing changed, reads the folder now and has its key before parse.
    expect(Object.keys(JSON.parse(await readFile(index, 'utf8')) as object)).toEqual([path.join(seeds, 'absa.txt')]);
    expect(await (await hashInputs(await discover(), index, { cacheHasEntries: true })).save('salt')).toBe(readAll);

    // An index naming only other paths (the project moved): the seed is read now, so parse finds its cached entry by hash.
    await writeFile(index, JSON.stringify({ '/elsewhere/seeds/absa.txt': ['1:2:3:4', 'ab12'] }));
    const moved = await hashInputs(await discover(), index, { cacheHasEntries: true });
    expect(moved.contentHashes.size).toBe(1);
    expect(await moved.save('salt')).toBe(readAll);
  });
});
