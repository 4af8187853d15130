/** Drafts: left out with one report line, or built to preview them (--drafts), from the same cache. */
import { describe, expect, it } from 'vitest';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { bbcText, buildProject, headingOf, makeProject, outcomeOf } from '../hostile/hostile-site.ts';

describe('drafts', () => {
  it('are left out with one line, built with a notice and a warning when asked for, and the cache serves both', async () => {
    const text = await bbcText();
    const [headline = '', ...body] = text.split('\n');
    // No date: a published article's warning, which a draft left out must not add to the report.
    const root = await makeProject({
      'content/draft.md': `---\ntitle: ${JSON.stringify(headline.trim())}\ndraft: true\n---\n${body.join('\n')}`,
      'content/published.md': `---\ntitle: Published\ndate: 2005-03-01\n---\n${body.join('\n')} Published.`,
    });

    const without = await buildProject(root);
    const left = await outcomeOf(without, 'content/draft.md');
    expect(left.html).toBeNull();
    expect(left.lines).toEqual([expect.objectContaining({ level: 'skipped', message: 'draft: true, not published (--drafts builds drafts)' })]);
    expect((await outcomeOf(without, 'content/published.md')).html).not.toBeNull();
    expect(without.result.articles).toBe(4);

    const parsed = await packBytes(root);
    const withDrafts = await buildProject(root, { drafts: true });
    // Nothing parsed again: the draft came from the cache, as parsed by the build that left it out.
    expect(await packBytes(root)).toBe(parsed);
    const built = await outcomeOf(withDrafts, 'content/draft.md');
    expect(headingOf(built.html)).toBe(headline.trim().replace(/&/g, '&amp;'));
    expect(built.html).toMatch(/<strong>Draft\.<\/strong>/);
    expect(built.lines.map((l) => `${l.level} ${l.message}`)).toEqual(expect.arrayContaining(['warning draft: true, built because drafts are on (--drafts)', 'warning no date in front matter: listed as undated']));
    expect(withDrafts.result.articles).toBe(5);
    // A published article's page has no notice.
    expect((await outcomeOf(withDrafts, 'content/published.md')).html).not.toMatch(/<strong>Draft\.<\/strong>/);

    // And back: the draft's page is gone again, as from a clean build.
    const again = await buildProject(root);
    expect((await outcomeOf(again, 'content/draft.md')).html).toBeNull();
    expect(again.tree.filter((f) => f.startsWith('dist/'))).toEqual(without.tree.filter((f) => f.startsWith('dist/')));
  });
});

/** Bytes in the article cache's packs, which each parse appends to. */
async function packBytes(root: string): Promise<number> {
  const dir = path.join(root, '.broadsheet-cache', 'articles', 'packs');
  const sizes = await Promise.all((await readdir(dir)).map(async (name) => (await stat(path.join(dir, name))).size));
  return sizes.reduce((sum, size) => sum + size, 0);
}
