/** SiteWriter.writeChunks: a file written from chunks has the bytes write() gives it, and an unchanged one keeps its file. */
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
