/**
 * A file that cannot be read. Tests may run as root, where chmod 000 does not stop reads, so the
 * read is made to fail another way: a dangling symlink named like an article, and a folder named
 * like an article. Files that are no regular files (a named pipe, and a link to one, which a read
 * would wait on for ever), and a name that is not UTF-8, which cannot be opened by the name read.
 * A folder with a line break in its name, which fast-glob does not look inside. A folder linked
 * in, read once.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BBC_DIR, buildProject, expectSafeBuild, headingOf, makeProject, outcomeOf } from './hostile-site.ts';

describe('hostile unreadable files', () => {
  it('reports a dangling symlink and a folder named x.txt, and builds the rest', async () => {
    const root = await makeProject({});
    await symlink(path.join(root, 'no-such-file.txt'), path.join(root, 'seeds/dangling.txt'));
    await mkdir(path.join(root, 'seeds/folder.txt'));
    await mkdir(path.join(root, 'content/folder.md'));
    const site = await buildProject(root);
    const inputs = ['seeds/dangling.txt'];
    await expectSafeBuild(site, inputs);
    for (const file of ['seeds/dangling.txt', 'seeds/folder.txt', 'content/folder.md']) {
      const { html, lines } = await outcomeOf(site, file);
      expect(html, file).toBeNull();
      expect(lines, file).toEqual([expect.objectContaining({ level: 'skipped', message: expect.stringMatching(/cannot read/) })]);
    }
  });

  it.runIf(process.platform !== 'win32')('reports a folder whose name holds a line break, which the file search does not enter, and reads a file named so', async () => {
    const root = await makeProject({});
    const text = 'date 2024-03-02\nTown hall reopens\n\nThe town hall reopened on Saturday after two years of repairs, the council said.\n';
    // Before, the article in the folder was dropped without a word: fast-glob lists the folder but matches nothing in it.
    for (const folder of ['seeds/desk\n2019', 'seeds/wire\r\nfeed', 'content/notes\u2028old']) {
      await mkdir(path.join(root, folder));
      await writeFile(path.join(root, folder, folder.startsWith('content') ? 'a.md' : 'a.txt'), text);
    }
    await writeFile(path.join(root, 'seeds/line\nbreak.txt'), text);
    const site = await buildProject(root);
    await expectSafeBuild(site, ['seeds/desk\n2019/a.txt', 'seeds/wire\r\nfeed/a.txt', 'content/notes\u2028old/a.md', 'seeds/line\nbreak.txt']);
    for (const folder of ['seeds/desk\n2019', 'seeds/wire\r\nfeed', 'content/notes\u2028old']) {
      expect(site.report.entries.filter((e) => e.file === folder), folder).toEqual([expect.objectContaining({ level: 'skipped', message: expect.stringMatching(/^cannot read the files in it: its name holds a line break/) })]);
    }
    expect(headingOf((await outcomeOf(site, 'seeds/line\nbreak.txt')).html)).toBe('Town hall reopens');
  });

  it.runIf(process.platform !== 'win32')('reads a folder linked into seeds/ once, and reports a link that loops or leads to a folder read already', async () => {
    const root = await makeProject({});
    // An archive kept elsewhere, linked in: seeds/2005 -> ../../archive/2005 (beside the project, in the test's sandbox).
    const archive = path.join(path.dirname(root), 'archive/2005');
    await mkdir(archive, { recursive: true });
    const names = (await readdir(path.join(BBC_DIR, 'tech'))).sort().slice(0, 5);
    for (const name of names) await copyFile(path.join(BBC_DIR, 'tech', name), path.join(archive, name));
    await symlink('../../archive/2005', path.join(root, 'seeds/2005'));
    await symlink('..', path.join(root, 'seeds/loop'));
    await symlink('2005', path.join(root, 'seeds/again'));
    const site = await buildProject(root, { search: false });
    // Before, the linked folder was one line, "skipped seeds/2005: not an article", and its five articles were not read.
    expect(site.result.articles).toBe(3 + names.length);
    for (const name of names) expect((await outcomeOf(site, `seeds/2005/${name}`)).html, name).not.toBeNull();
    for (const link of ['seeds/loop', 'seeds/again']) {
      expect((await outcomeOf(site, link)).lines, link).toEqual([expect.objectContaining({ level: 'skipped', message: 'not read: a link to a folder that is read already, or holds one (a loop, or a second way to the same articles)' })]);
    }
  });

  it.runIf(process.platform !== 'win32')('reports a named pipe, links to it and to /dev/zero, and a name that is not UTF-8, without waiting on either', { timeout: 30_000 }, async () => {
    const root = await makeProject({});
    // Before, the build opened the pipe and waited for a writer for ever; Ctrl+C could not end it either.
    execFileSync('mkfifo', [path.join(root, 'seeds/pipe.txt')]);
    await symlink('pipe.txt', path.join(root, 'seeds/to-pipe.txt'));
    // A device that never ends: the old read ran on until killed (30 s tried).
    await symlink('/dev/zero', path.join(root, 'seeds/zero.txt'));
    // "Müller" in Latin-1 (0xFC): the name reads back with U+FFFD, under which no file exists.
    await writeFile(Buffer.concat([Buffer.from(path.join(root, 'seeds/M')), Buffer.from([0xfc]), Buffer.from('ller.txt')]), 'Müller speaks\n\nA report of a speech in the town hall.\n');
    const site = await buildProject(root);
    await expectSafeBuild(site, ['seeds/pipe.txt', 'seeds/to-pipe.txt', 'seeds/zero.txt', 'seeds/M\uFFFDller.txt']);
    const expected = {
      'seeds/pipe.txt': 'cannot read it as an article: it is not a regular file but a named pipe, socket or device',
      'seeds/to-pipe.txt': 'cannot read the file (not a regular file: a folder, named pipe, socket or device)',
      'seeds/zero.txt': 'cannot read the file (not a regular file: a folder, named pipe, socket or device)',
      'seeds/M\uFFFDller.txt': 'cannot read it: its name is not valid UTF-8 (written in another encoding, such as Latin-1); rename the file',
    };
    for (const [file, message] of Object.entries(expected)) {
      const { html, lines } = await outcomeOf(site, file);
      expect(html, file).toBeNull();
      expect(lines, file).toEqual([expect.objectContaining({ level: 'skipped', message })]);
    }
  });
});
