/** The build key: the same inputs give the same key, read or taken from the index of hashes; any edit changes it. */
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKey } from '../../src/cache/build-key.ts';
import { discoverInputs } from '../../src/content/input-file.ts';
import { bbcText, tempDir } from '../hostile/hostile-site.ts';

describe('buildKey', () => {
  it('keeps a hash while the file is untouched, and notices an edit and an unreadable input', async () => {
    const root = await tempDir('key');
    const seeds = path.join(root, 'seeds');
    const text = await bbcText();
    await mkdir(seeds);
    await writeFile(path.join(seeds, 'absa.txt'), text);
    await writeFile(path.join(seeds, 'absa.yml'), 'title: Absa and Barclays\n');
    await symlink(path.join(root, 'gone.txt'), path.join(seeds, 'dangling.txt'));
    const index = path.join(root, 'cache/inputs.json');
    const discover = (): ReturnType<typeof discoverInputs> => discoverInputs(seeds, path.join(root, 'content'));

    const unindexed = await buildKey(await discover(), 'salt');
    const first = await buildKey(await discover(), 'salt', index);
    expect(first.key).toBe(unindexed.key);
    // Only the readable input is remembered; the dangling link is read (and reported) every time.
    expect(Object.keys(JSON.parse(await readFile(index, 'utf8')) as object)).toEqual([path.join(seeds, 'absa.txt')]);
    const again = await buildKey(await discover(), 'salt', index);
    expect(again.key).toBe(first.key);
    expect([...again.contentHashes.values()]).toEqual([...first.contentHashes.values()]);

    await writeFile(path.join(seeds, 'absa.yml'), 'title: Absa and Barclays talks\n');
    const corrected = await buildKey(await discover(), 'salt', index);
    expect(corrected.key).not.toBe(first.key);
    await writeFile(path.join(seeds, 'absa.txt'), text.replace('still in talks', 'no longer in talks'));
    const edited = await buildKey(await discover(), 'salt', index);
    expect(edited.key).not.toBe(corrected.key);
    expect(edited.key).toBe((await buildKey(await discover(), 'salt')).key);
  });
});
