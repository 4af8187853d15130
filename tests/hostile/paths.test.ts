/** Hostile ids and slugs: `../` and absolute paths never name a file outside the output folder. */
import { access } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { bbcText, buildHostile, expectSafeBuild, outcomeOf } from './hostile-site.ts';

describe('hostile paths', () => {
  it('turns ids and slugs that try ../ or absolute paths into plain slugs inside the site', async () => {
    const text = await bbcText();
    const body = text.split('\n').slice(2).join('\n');
    const marker = `broadsheet-escape-${process.pid}`;
    const site = await buildHostile({
      'content/up.md': `---\nid: ../../../${marker}\ntitle: Up\n---\n${body}`,
      'content/abs.md': `---\nslug: /tmp/${marker}\ntitle: Absolute\n---\n${body} Absolute.`,
      'content/dots.md': `---\nslug: ..\nid: "..\\\\..\\\\${marker}"\ntitle: Dots\n---\n${body} Dots.`,
      'content/source.md': `---\ntitle: Source\nsource: ../../${marker}\n---\n${body} Source.`,
      'seeds/override.txt': text,
      'seeds/override.yml': `slug: ../../${marker}-override\nsource: /etc/${marker}\n`,
    });
    const inputs = ['content/up.md', 'content/abs.md', 'content/dots.md', 'content/source.md', 'seeds/override.txt', 'seeds/override.yml'];
    await expectSafeBuild(site, inputs);
    await expect(access(`/tmp/${marker}`)).rejects.toThrow();
    await expect(access(`/etc/${marker}`)).rejects.toThrow();
    for (const file of inputs.filter((f) => !f.endsWith('.yml'))) {
      const { html } = await outcomeOf(site, file);
      expect(html, file).not.toBeNull();
    }
    const pages = site.tree.filter((f) => f.startsWith('dist/articles/'));
    expect(pages).toEqual(expect.arrayContaining([`dist/articles/${marker}/index.html`, `dist/articles/tmp-${marker}/index.html`, `dist/articles/${marker}-override/index.html`]));
    // The "..", which has nothing usable, falls back to the id and says so.
    const dots = await outcomeOf(site, 'content/dots.md');
    expect(dots.lines).toEqual(expect.arrayContaining([expect.objectContaining({ message: expect.stringMatching(/"\.\." has nothing usable in a URL/) })]));
    expect(site.tree.every((f) => !f.includes('..'))).toBe(true);
  });

  it('never names a file or folder as Windows names a device (con, nul, aux...), which it could not hold', async () => {
    const body = (await bbcText()).split('\n').slice(2).join('\n');
    const site = await buildHostile({
      // A path-derived id, a front-matter slug and a declared topic.
      'seeds/con.txt': `Markets steady after talks\n\n${body}`,
      'content/null.md': `---\ntitle: Nothing here\nslug: NUL\ntopics: [Aux]\n---\n${body} Nul.`,
    });
    await expectSafeBuild(site, ['seeds/con.txt', 'content/null.md']);
    expect(site.tree).toEqual(expect.arrayContaining(['dist/articles/con-/index.html', 'dist/articles/nul-/index.html', 'dist/topics/aux-/index.html']));
    const device = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
    expect(site.tree.filter((file) => file.startsWith('dist/')).flatMap((file) => file.split('/')).filter((name) => device.test(name))).toEqual([]);
    const nul = await outcomeOf(site, 'content/null.md');
    expect(nul.lines).toEqual(expect.arrayContaining([expect.objectContaining({ message: expect.stringMatching(/"NUL" is a name Windows keeps for a device.*; using "nul-"/) })]));
    // Links lead to the pages as written.
    expect(nul.html).toContain('topics/aux-/');
  });
});
