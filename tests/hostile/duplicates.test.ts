/** Two different articles with the same title each keep their own page. */
import { describe, expect, it } from 'vitest';
import { bbcText, buildHostile, expectSafeBuild, outcomeOf, headingOf } from './hostile-site.ts';

describe('hostile duplicates', () => {
  it('gives two articles with the same title two pages', async () => {
    const a = await bbcText('business', 'absa-and-barclays-talks-continue.txt');
    const b = await bbcText('business', 'ad-firm-wpp-s-profits-surge-15.txt');
    const sameTitle = `Absa and Barclays talks continue\n${b.slice(b.indexOf('\n'))}`;
    const site = await buildHostile({ 'seeds/a/talks.txt': a, 'seeds/b/talks.txt': sameTitle, 'content/talks.md': `---\ntitle: Absa and Barclays talks continue\nid: a-talks\n---\n${a}` });
    await expectSafeBuild(site, ['seeds/a/talks.txt', 'seeds/b/talks.txt', 'content/talks.md']);
    const first = await outcomeOf(site, 'seeds/a/talks.txt');
    const second = await outcomeOf(site, 'seeds/b/talks.txt');
    const third = await outcomeOf(site, 'content/talks.md');
    for (const page of [first, second, third]) expect(headingOf(page.html)).toBe('Absa and Barclays talks continue');
    expect(first.html).toContain('Absa');
    expect(second.html).toContain('WPP');
    // The content file asked for an id already taken: it gets its own, and the report says so.
    expect(third.lines).toEqual(expect.arrayContaining([expect.objectContaining({ level: 'warning', message: expect.stringMatching(/id "a-talks" is already used/) })]));
    expect(site.report.articles).toBe(6);
  });
});
