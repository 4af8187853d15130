/**
 * The spare output: the folder a build replaced becomes the next build's staging folder, emptied
 * of files first, with the folders of pages that are gone removed, and nothing outside touched.
 */
import { link, mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SiteWriter } from '../../src/write/site-writer.ts';
import { claimSpare, spareDirOf } from '../../src/write/spare-output.ts';
import { forgetGoneOutputs } from '../../src/write/output-manifests.ts';
import { bbcDesk, listFolders, tempDir } from '../hostile/hostile-site.ts';

/** Every folder under `dir` but the unchanged pages' own (see UNCHANGED), relative, sorted. */
async function folders(dir: string): Promise<string[]> {
  return (await listFolders(dir)).filter((f) => !/^topics\/t\d+$/.test(f));
}

/** Pages every build writes unchanged, as most of a site's are after one edit: a replaced output is kept only when most of its files are the new output's too. */
const UNCHANGED = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`topics/t${i}/index.html`, `<p>topic ${i}</p>\n`]));

/** One build of `files` (site path → contents) and the unchanged pages into root/`outName`, staged into the spare when `spare` is set; returns the writer's stats. */
async function buildFiles(root: string, files: Record<string, string>, spare = false, unchanged = UNCHANGED, outName = 'dist'): Promise<{ reused: number }> {
  const manifestFile = manifestOf(root, outName);
  const out = path.join(root, outName);
  const skeleton = spare ? await claimSpare(manifestFile, out) : null;
  if (spare) expect(skeleton).not.toBeNull();
  const writer = await SiteWriter.open(out, [], { manifestFile, skeleton });
  for (const [file, contents] of Object.entries({ ...files, ...unchanged })) await writer.write(file, contents);
  await writer.write('build-report.json', '{}\n');
  await writer.commit();
  return writer.stats;
}

/** The manifest of output folder root/`outName`: root/cache/outputs.json for dist, as the build names them for others. */
function manifestOf(root: string, outName: string): string {
  return path.join(root, 'cache', outName === 'dist' ? 'outputs.json' : `outputs-${Buffer.from(outName).toString('hex')}.json`);
}

describe('the spare output', () => {
  it('is staged into: its folders kept, its files replaced, the folders of pages gone removed, links in it never followed', async () => {
    const root = await tempDir('spare');
    await mkdir(path.join(root, 'cache'));
    const [one, two, three] = await bbcDesk('politics');
    const dist = path.join(root, 'dist');
    const manifestFile = path.join(root, 'cache', 'outputs.json');

    // A: the first build. B: one page changed, one gone, one new; A's output becomes the spare.
    await buildFiles(root, { 'articles/a/index.html': one!, 'articles/b/index.html': one!, 'topics/c/deep/index.html': two! });
    const folderOfA = (await stat(path.join(dist, 'articles/a'))).ino;
    await buildFiles(root, { 'articles/a/index.html': one!, 'articles/b/index.html': two!, 'articles/d/index.html': three! });
    expect(await folders(spareDirOf(manifestFile))).toEqual(['articles', 'articles/a', 'articles/b', 'topics', 'topics/c', 'topics/c/deep']);
    // B's changed page, held by a link of its own: staging must never write into a file the live output shares.
    const heldB = path.join(root, 'held-b.html');
    await link(path.join(dist, 'articles/b/index.html'), heldB);
    const unchanged = (await stat(path.join(dist, 'articles/a/index.html'))).ino;

    // Hostile leftovers in the spare: a file where a page goes, a link to a file and to a folder outside.
    const outside = path.join(root, 'outside');
    await mkdir(outside);
    await writeFile(path.join(outside, 'keep.txt'), 'outside\n');
    const spare = spareDirOf(manifestFile);
    await rm(path.join(spare, 'articles/b/index.html'));
    await symlink(path.join(outside, 'keep.txt'), path.join(spare, 'articles/b/index.html'));
    await symlink(outside, path.join(spare, 'articles/d'));
    await writeFile(path.join(spare, 'articles/stray.html'), 'stray\n');

    // C: b changed again, c still gone, d kept; staged into A's emptied output.
    const stats = await buildFiles(root, { 'articles/a/index.html': one!, 'articles/b/index.html': three!, 'articles/d/index.html': three! }, true);
    expect(stats.reused).toBe(3 + Object.keys(UNCHANGED).length);
    expect((await stat(path.join(dist, 'articles/a'))).ino).toBe(folderOfA);
    expect(await folders(dist)).toEqual(['articles', 'articles/a', 'articles/b', 'articles/d', 'topics']);
    expect((await readdir(path.join(dist, 'articles'))).sort()).toEqual(['a', 'b', 'd']);
    expect(await readFile(path.join(dist, 'articles/b/index.html'), 'utf8')).toBe(three);
    expect(await readFile(path.join(dist, 'articles/d/index.html'), 'utf8')).toBe(three);
    expect((await stat(path.join(dist, 'articles/a/index.html'))).ino).toBe(unchanged);
    expect((await stat(path.join(dist, 'articles/d'))).isDirectory()).toBe(true);
    expect(await readFile(heldB, 'utf8')).toBe(two);
    expect(await readdir(outside)).toEqual(['keep.txt']);
    expect(await readFile(path.join(outside, 'keep.txt'), 'utf8')).toBe('outside\n');
    // B's output is the spare now, and no staging folder is left beside the output.
    expect(await readFile(path.join(spare, 'articles/b/index.html'), 'utf8')).toBe(two);
    expect((await readdir(root)).sort()).toEqual(['cache', 'dist', 'held-b.html', 'outside']);
  });

  it('is given back when a build changed nothing, and is not there for a first rebuild', async () => {
    const root = await tempDir('spare-back');
    await mkdir(path.join(root, 'cache'));
    const [one, two] = await bbcDesk('tech');
    const manifestFile = path.join(root, 'cache', 'outputs.json');
    await buildFiles(root, { 'articles/a/index.html': one! });
    expect(await claimSpare(manifestFile, path.join(root, 'dist'))).toBeNull();
    await buildFiles(root, { 'articles/a/index.html': two! });

    const before = (await stat(path.join(root, 'dist'))).ino;
    await buildFiles(root, { 'articles/a/index.html': two! }, true);
    // Nothing changed: the output folder stays, and the emptied spare waits for the next build.
    expect((await stat(path.join(root, 'dist'))).ino).toBe(before);
    expect(await folders(spareDirOf(manifestFile))).toEqual(['articles', 'articles/a', 'topics']);
    expect((await readdir(spareDirOf(manifestFile), { recursive: true, withFileTypes: true })).filter((e) => !e.isDirectory())).toEqual([]);
    expect((await readdir(root)).sort()).toEqual(['cache', 'dist']);
  });

  it('is not kept when most of the replaced output was rewritten: emptying it would delete a whole site on the next build', async () => {
    const root = await tempDir('spare-rewritten');
    await mkdir(path.join(root, 'cache'));
    const manifestFile = path.join(root, 'cache', 'outputs.json');
    await buildFiles(root, {});
    // Every page rewritten, as after a template edit: the replaced output goes to the trash.
    const rewritten = Object.fromEntries(Object.entries(UNCHANGED).map(([file, html]) => [file, `<!-- edited -->${html}`]));
    await buildFiles(root, {}, false, rewritten);
    expect(await claimSpare(manifestFile, path.join(root, 'dist'))).toBeNull();
    // One page changed of 31: the replaced output is kept.
    await buildFiles(root, { 'articles/a/index.html': 'a\n' }, false, rewritten);
    expect(await folders(spareDirOf(manifestFile))).toEqual(['topics']);
  });

  it('of an output folder that is gone is discarded, with its manifest, by the next build of another output', async () => {
    const root = await tempDir('spare-orphan');
    await mkdir(path.join(root, 'cache'));
    const [one, two] = await bbcDesk('business');
    // Two outputs built twice each, one page changed: each keeps a spare.
    for (const outName of ['public', 'preview']) {
      await buildFiles(root, { 'articles/a/index.html': one! }, false, UNCHANGED, outName);
      await buildFiles(root, { 'articles/a/index.html': two! }, false, UNCHANGED, outName);
    }
    // A third output built once: a manifest and no spare.
    await buildFiles(root, { 'articles/a/index.html': one! }, false, UNCHANGED, 'scratch');
    const [publicSpare, previewSpare] = [spareDirOf(manifestOf(root, 'public')), spareDirOf(manifestOf(root, 'preview'))];
    expect(await folders(publicSpare)).toEqual(['articles', 'articles/a', 'topics']);
    expect(await folders(previewSpare)).toEqual(['articles', 'articles/a', 'topics']);

    // While both output folders are there, a build of one keeps the other's spare.
    expect(await forgetGoneOutputs(manifestOf(root, 'preview'))).toBe(0);
    expect(await folders(publicSpare)).toEqual(['articles', 'articles/a', 'topics']);

    // public/ and scratch/ deleted: public's spare held the only copy of its last output but one, for no build to use.
    await rm(path.join(root, 'public'), { recursive: true });
    await rm(path.join(root, 'scratch'), { recursive: true });
    expect(await forgetGoneOutputs(manifestOf(root, 'preview'))).toBe(2);
    await expect(stat(publicSpare)).rejects.toThrow(/ENOENT/);
    await expect(stat(manifestOf(root, 'public'))).rejects.toThrow(/ENOENT/);
    await expect(stat(manifestOf(root, 'scratch'))).rejects.toThrow(/ENOENT/);
    // The building output's own spare and manifest stay, as do those of an output whose manifest cannot be read.
    expect(await folders(previewSpare)).toEqual(['articles', 'articles/a', 'topics']);
    await stat(manifestOf(root, 'preview'));
    await rm(path.join(root, 'preview'), { recursive: true });
    await writeFile(manifestOf(root, 'preview'), 'not json\n');
    expect(await forgetGoneOutputs(path.join(root, 'cache', 'outputs-00.json'))).toBe(0);
    expect(await folders(previewSpare)).toEqual(['articles', 'articles/a', 'topics']);
  });
});
