/** Unicode titles (Cyrillic, Arabic, emoji) and the slugs made from them. */
import { describe, expect, it } from 'vitest';
import { bbcText, buildHostile, expectSafeBuild, outcomeOf, headingOf } from './hostile-site.ts';

describe('hostile Unicode', () => {
  it('keeps Cyrillic, Arabic and emoji titles and makes readable, safe slugs', async () => {
    const body = (await bbcText()).split('\n').slice(2).join('\n');
    const site = await buildHostile({
      'seeds/Кремль-и-Иран.txt': `Кремль призвал к деэскалации\n\n${body}`,
      'content/ar.md': `---\ntitle: الكرملين يدعو إلى التهدئة\nslug: الكرملين يدعو\nsource: وكالة الأنباء\n---\n${body} Arabic.`,
      'content/emoji.md': `---\ntitle: "📰🔥 Markets 📉"\nslug: "📰🔥"\n---\n${body} Emoji.`,
    });
    await expectSafeBuild(site, ['seeds/Кремль-и-Иран.txt', 'content/ar.md', 'content/emoji.md']);
    const ru = await outcomeOf(site, 'seeds/Кремль-и-Иран.txt');
    expect(headingOf(ru.html)).toBe('Кремль призвал к деэскалации');
    expect(site.tree).toContain('dist/articles/кремль-и-иран/index.html');
    const ar = await outcomeOf(site, 'content/ar.md');
    expect(headingOf(ar.html)).toBe('الكرملين يدعو إلى التهدئة');
    expect(site.tree).toContain('dist/articles/الكرملين-يدعو/index.html');
    expect(site.tree).toContain('dist/sources/وكالة-الأنباء/index.html');
    const emoji = await outcomeOf(site, 'content/emoji.md');
    expect(headingOf(emoji.html)).toBe('📰🔥 Markets 📉');
    // An emoji-only slug has nothing usable in a URL: the path-derived id is used, and the report says so.
    expect(site.tree).toContain('dist/articles/emoji/index.html');
    expect(emoji.lines).toEqual(expect.arrayContaining([expect.objectContaining({ level: 'warning', message: expect.stringMatching(/"📰🔥" has nothing usable in a URL; using "emoji"/) })]));
  });
});
