/** Unicode titles (Cyrillic, Arabic, Devanagari, emoji) and the slugs made from them. */
import { describe, expect, it } from 'vitest';
import { bbcText, buildHostile, expectSafeBuild, outcomeOf, headingOf } from './hostile-site.ts';

describe('hostile Unicode', () => {
  it('keeps Cyrillic, Arabic, Devanagari and emoji titles and makes readable, safe slugs', async () => {
    const body = (await bbcText()).split('\n').slice(2).join('\n');
    const site = await buildHostile({
      'seeds/Кремль-и-Иран.txt': `Кремль призвал к деэскалации\n\n${body}`,
      'content/ar.md': `---\ntitle: الكرملين يدعو إلى التهدئة\nslug: الكرملين يدعو\nsource: وكالة الأنباء\n---\n${body} Arabic.`,
      'content/emoji.md': `---\ntitle: "📰🔥 Markets 📉"\nslug: "📰🔥"\n---\n${body} Emoji.`,
      'content/hi.md': `---\ntitle: हिन्दी समाचार में व्यापार वार्ता\nslug: हिन्दी-समाचार\ndate: 2005-03-01\n---\n${body} Hindi.`,
    });
    await expectSafeBuild(site, ['seeds/Кремль-и-Иран.txt', 'content/ar.md', 'content/emoji.md', 'content/hi.md']);
    const ru = await outcomeOf(site, 'seeds/Кремль-и-Иран.txt');
    expect(headingOf(ru.html)).toBe('Кремль призвал к деэскалации');
    expect(site.tree).toContain('dist/articles/кремль-и-иран/index.html');
    const ar = await outcomeOf(site, 'content/ar.md');
    expect(headingOf(ar.html)).toBe('الكرملين يدعو إلى التهدئة');
    expect(site.tree).toContain('dist/articles/الكرملين-يدعو/index.html');
    expect(site.tree).toContain('dist/sources/وكالة-الأنباء/index.html');
    // Its vowel signs are marks: the words stay whole (the slug was "ह-न-द-सम-च-र").
    const hi = await outcomeOf(site, 'content/hi.md');
    expect(headingOf(hi.html)).toBe('हिन्दी समाचार में व्यापार वार्ता');
    expect(site.tree).toContain('dist/articles/हिन्दी-समाचार/index.html');
    expect(hi.lines.filter((line) => line.level === 'warning').map((line) => line.message)).toEqual([]);
    const emoji = await outcomeOf(site, 'content/emoji.md');
    expect(headingOf(emoji.html)).toBe('📰🔥 Markets 📉');
    // An emoji-only slug has nothing usable in a URL: the path-derived id is used, and the report says so.
    expect(site.tree).toContain('dist/articles/emoji/index.html');
    expect(emoji.lines).toEqual(expect.arrayContaining([expect.objectContaining({ level: 'warning', message: expect.stringMatching(/"📰🔥" has nothing usable in a URL; using "emoji"/) })]));
  });
});
