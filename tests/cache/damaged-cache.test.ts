/**
 * An article cache damaged after it was written (a disk error, a power cut that left zeros in a
 * pack): a damaged entry's metadata makes it a miss, parsed again; damage found later (its terms
 * or body) fails the build in one line and clears the cache, so the next build is a full one.
 * Before, either ended the build with a SyntaxError's stack, and every build after it the same way.
 */
import { appendFile, copyFile, mkdir, open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EntryLocation } from '../../src/cache/article-pack.ts';
import { BBC_DIR, buildProject, makeProject, treeContents } from '../hostile/hostile-site.ts';

const ARTICLES = path.join('.broadsheet-cache', 'articles');

/** Overwrites `length` bytes of `file` at `offset` with zeros, as a power cut can leave them. */
async function zero(file: string, offset: number, length: number): Promise<void> {
  const handle = await open(file, 'r+');
  await handle.write(Buffer.alloc(length), 0, length, offset);
  await handle.close();
}

/** The cache's entries, by key. */
async function entries(root: string): Promise<EntryLocation[]> {
  return Object.values(JSON.parse(await readFile(path.join(root, ARTICLES, 'index.json'), 'utf8')) as Record<string, EntryLocation>);
}

/** A project of the real seeds and 60 articles of the BBC's politics desk, built once; `edit` changes a seed so the next build loads the cache. */
async function builtProject(): Promise<{ root: string; edit: (line: string) => Promise<void> }> {
  const root = await makeProject({});
  await mkdir(path.join(root, 'seeds/politics'));
  for (const name of (await readdir(path.join(BBC_DIR, 'politics'))).sort().slice(0, 60)) await copyFile(path.join(BBC_DIR, 'politics', name), path.join(root, 'seeds/politics', name));
  await buildProject(root, { search: false });
  const seed = path.join(root, 'seeds/000_c7242acd748ee215.txt');
  return { root, edit: (line) => appendFile(seed, `\n${line}\n`) };
}

describe('a damaged article cache', () => {
  it('parses again the articles whose metadata no longer reads, and builds what a clean build builds', async () => {
    const { root, edit } = await builtProject();
    const [first, second] = (await entries(root)).sort((a, b) => a[1] - b[1]);
    await zero(path.join(root, ARTICLES, 'packs', first![0]), first![1] + 10, 40);
    await zero(path.join(root, ARTICLES, 'packs', second![0]), second![1] + second![2] - 20, 20);
    await edit('An added line.');
    const rebuilt = await buildProject(root, { search: false });
    const clean = await buildProject(root, { search: false, out: 'clean' }, { cache: false });
    expect(await treeContents(rebuilt.outDir)).toEqual(await treeContents(clean.outDir));
  });

  it('fails in one line on an entry whose body no longer reads, clears the cache, and the next build is whole', { timeout: 30_000 }, async () => {
    const { root, edit } = await builtProject();
    const before = await treeContents(path.join(root, 'dist'));
    const [pack, offset, metaLength, termsLength, bodyLength] = (await entries(root)).sort((a, b) => b[1] - a[1])[0]!;
    // The last entry's body zeroed, as a power cut leaves a file's last blocks; its metadata and terms read as written.
    await zero(path.join(root, ARTICLES, 'packs', pack), offset + metaLength + termsLength + 2, bodyLength);
    await edit('An added line.');
    // Every page is rendered again (search on, the body is read for its record too): a template edit would do the same.
    await expect(buildProject(root, {})).rejects.toThrow(/^the article cache is damaged: .*\.pack holds no readable entry at byte \d+ \(.*\); the cache is cleared: build again/);
    expect(await treeContents(path.join(root, 'dist'))).toEqual(before);
    await expect(stat(path.join(root, ARTICLES, 'index.json'))).rejects.toThrow(/ENOENT/);
    const rebuilt = await buildProject(root, {});
    const clean = await buildProject(root, { out: 'clean' }, { cache: false });
    expect(await treeContents(rebuilt.outDir)).toEqual(await treeContents(clean.outDir));
  });
});
