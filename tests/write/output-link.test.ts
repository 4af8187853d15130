/** An output folder that is a symbolic link: the build swaps in the site where it leads, and the link stays. */
import { lstat, mkdir, readdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BroadsheetError } from '../../src/errors.ts';
import { followOutputLink } from '../../src/write/output-link.ts';
import { buildProject, makeProject, tempDir } from '../hostile/hostile-site.ts';

describe('followOutputLink', () => {
  it('follows links, relative ones from the folder holding them, to a folder that may not exist yet', async () => {
    const dir = await tempDir('output-link');
    await mkdir(path.join(dir, 'www/site'), { recursive: true });
    await symlink(path.join(dir, 'www/site'), path.join(dir, 'absolute'));
    await symlink('www/site', path.join(dir, 'relative'));
    await symlink('relative', path.join(dir, 'chain'));
    await symlink('www/not-yet', path.join(dir, 'dangling'));
    expect(followOutputLink(path.join(dir, 'plain'))).toBe(path.join(dir, 'plain'));
    expect(followOutputLink(path.join(dir, 'www/site'))).toBe(path.join(dir, 'www/site'));
    for (const name of ['absolute', 'relative', 'chain']) expect(followOutputLink(path.join(dir, name)), name).toBe(path.join(dir, 'www/site'));
    expect(followOutputLink(path.join(dir, 'dangling'))).toBe(path.join(dir, 'www/not-yet'));
  });

  it('refuses a loop of links, naming the folder', async () => {
    const dir = await tempDir('output-link');
    await symlink('b', path.join(dir, 'a'));
    await symlink('a', path.join(dir, 'b'));
    expect(() => followOutputLink(path.join(dir, 'a'))).toThrow(BroadsheetError);
    expect(() => followOutputLink(path.join(dir, 'a'))).toThrow(`the output folder ${path.join(dir, 'a')} is a symbolic link that leads through more than 40 links`);
  });
});

describe('a build into a linked output folder', () => {
  it('keeps the link and builds, then rebuilds incrementally, where it leads', async () => {
    const root = await makeProject({});
    const site = path.join(path.dirname(root), 'www/site');
    await mkdir(site, { recursive: true });
    await symlink('../www/site', path.join(root, 'dist'));
    const first = await buildProject(root, { search: false });
    // Before, the finished folder was renamed onto the link: dist/ became a plain folder and www/site stayed empty.
    expect((await lstat(path.join(root, 'dist'))).isSymbolicLink()).toBe(true);
    expect(await readlink(path.join(root, 'dist'))).toBe('../www/site');
    expect(first.result.outDir).toBe(site);
    expect(await readFile(path.join(site, 'index.html'), 'utf8')).toContain('<!DOCTYPE html>');
    const kept = 'articles/001-63d6e588ad32ed8a/index.html';
    const keptInode = (await stat(path.join(site, kept))).ino;

    const seed = path.join(root, 'seeds/000_c7242acd748ee215.txt');
    await writeFile(seed, `${await readFile(seed, 'utf8')}\nA line added in an edit.\n`);
    const second = await buildProject(root, { search: false });
    expect(second.result.outDir).toBe(site);
    expect(await readlink(path.join(root, 'dist'))).toBe('../www/site');
    expect(await readFile(path.join(site, 'articles/000-c7242acd748ee215/index.html'), 'utf8')).toContain('A line added in an edit.');
    expect((await stat(path.join(site, kept))).ino).toBe(keptInode);
    // No staging folder left beside the site.
    expect(await readdir(path.dirname(site))).toEqual(['site']);
  });
});
