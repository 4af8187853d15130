/**
 * SiteWriter.writeChunks: a file written from chunks has the bytes write() gives it, and an
 * unchanged one keeps its file. SiteWriter.reuseByKey: a page recorded under two keys is kept by either.
 */
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SiteWriter } from '../../src/write/site-writer.ts';
import { bbcDesk, bbcText, tempDir } from '../hostile/hostile-site.ts';

/** Writes one file from `lines` in a build of its own, commits it, and returns its inode and bytes. */
async function buildWith(root: string, lines: readonly string[]): Promise<{ ino: number; text: string }> {
  const writer = await SiteWriter.open(path.join(root, 'dist'), [], { manifestFile: path.join(root, 'manifest.json') });
  await writer.writeChunks('api/articles.json', lines);
  await writer.write('build-report.json', '{}\n');
  await writer.commit();
  const file = path.join(root, 'dist/api/articles.json');
  return { ino: (await stat(file)).ino, text: await readFile(file, 'utf8') };
}

describe('SiteWriter.writeChunks', () => {
  it('writes the chunks in order, links the previous file when they are unchanged, and writes again when not', async () => {
    const root = await tempDir('writer');
    const lines = (await bbcText()).split('\n').map((line) => `${line}\n`);
    const first = await buildWith(root, lines);
    expect(first.text).toBe(lines.join(''));

    const same = await buildWith(root, lines);
    expect(same).toEqual(first);

    const edited = [...lines.slice(0, -1), 'A last line that was not there before.\n'];
    const changed = await buildWith(root, edited);
    expect(changed.text).toBe(edited.join(''));
    expect(changed.ino).not.toBe(first.ino);
    // No temporary file is left beside it.
    expect((await stat(path.join(root, 'dist/api'))).isDirectory()).toBe(true);
    expect(await readdir(path.join(root, 'dist/api'))).toEqual(['articles.json']);
  });

  it('writes megabytes of non-ASCII text byte for byte, across its buffer and in a chunk larger than the buffer', async () => {
    const root = await tempDir('writer-large');
    // Every business article of the BBC corpus (~1 MB), a line a chunk, with "£" and other multi-byte characters.
    const text = (await bbcDesk('business')).join('\n');
    expect(Buffer.byteLength(text)).toBeGreaterThan(Buffer.byteLength(text.replace(/[^\x00-\x7f]/g, '')));
    const lines = text.split('\n').map((line) => `${line}\n`);
    // The lines twice over, the whole text as one chunk between them (more than the buffer takes at once).
    const chunks = [...lines, text, ...lines];
    const written = await buildWith(root, chunks);
    expect(written.text).toBe(chunks.join(''));
    expect(Buffer.byteLength(written.text)).toBeGreaterThan(2 * 1024 * 1024);
    expect(await buildWith(root, chunks)).toEqual(written);
  });

  it('writes a file afresh when its previous copy cannot be looked at (its folder became a file)', async () => {
    const root = await tempDir('writer-notdir');
    const lines = (await bbcText()).split('\n').map((line) => `${line}\n`);
    await buildWith(root, lines);
    // The manifest still lists api/articles.json, but a stat of it now fails with ENOTDIR, not ENOENT.
    await rm(path.join(root, 'dist/api'), { recursive: true });
    await writeFile(path.join(root, 'dist/api'), 'not a folder\n');
    const rebuilt = await buildWith(root, lines);
    expect(rebuilt.text).toBe(lines.join(''));
  });
});

describe('SiteWriter.reuseByKey', () => {
  const page = 'articles/x/index.html';

  /** One build that offers the page's keys to reuseByKey in turn (writing it afresh when none is taken); returns what it kept, the manifest's key and the file's inode. */
  async function pageBuild(root: string, tries: ReadonlyArray<readonly [string, string?]>, fresh: string): Promise<{ kept: boolean[]; key: string; ino: number }> {
    const manifestFile = path.join(root, 'manifest.json');
    const writer = await SiteWriter.open(path.join(root, 'dist'), [], { manifestFile });
    const kept: boolean[] = [];
    for (const [key, recordAs] of tries) {
      kept.push(writer.reuseByKey(page, key, recordAs));
      if (kept.at(-1)) break;
    }
    if (!kept.some(Boolean)) {
      await writeFile(writer.prepare(page), '<p>Absa and Barclays</p>\n');
      writer.wrote(page, fresh, 25);
    }
    await writer.write('build-report.json', '{}\n');
    await writer.commit();
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { files: Record<string, [string, number]> };
    return { kept, key: manifest.files[page]![0], ino: (await stat(path.join(root, 'dist', page))).ino };
  }

  it('keeps a page by either of its keys, records the keys it is given, and matches whole keys only', async () => {
    const root = await tempDir('writer-keys');
    const first = await pageBuild(root, [], 'i:A p:B');
    expect(first.key).toBe('i:A p:B');
    // Its inputs unchanged: kept by the first key, recorded as before.
    const byInputs = await pageBuild(root, [['i:A']], 'unused');
    expect(byInputs).toEqual({ kept: [true], key: 'i:A p:B', ino: first.ino });
    // Its inputs changed, its variables not: kept by the second key, recorded under the new pair.
    const byVariables = await pageBuild(root, [['i:C'], ['p:B', 'i:C p:B']], 'unused');
    expect(byVariables).toEqual({ kept: [false, true], key: 'i:C p:B', ino: first.ino });
    // Neither: a part of a key, or both keys as one, is no key; the page is written afresh.
    const neither = await pageBuild(root, [['p'], ['i:C p:B'], ['p:D', 'i:E p:D']], 'i:E p:D');
    expect(neither.kept).toEqual([false, false, false]);
    expect(neither.key).toBe('i:E p:D');
    expect(neither.ino).not.toBe(first.ino);
  });
});
