/**
 * A file that cannot be read. Tests may run as root, where chmod 000 does not stop reads, so the
 * read is made to fail another way: a dangling symlink named like an article, and a folder named
 * like an article.
 */
import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject, expectSafeBuild, makeProject, outcomeOf } from './hostile-site.ts';

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
});
