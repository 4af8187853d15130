/** Hostile sizes: a 20 MB article and a single line of 1 MB. */
import { describe, expect, it } from 'vitest';
import { bbcDesk, buildHostile, expectSafeBuild, outcomeOf, headingOf } from './hostile-site.ts';

/** Real paragraphs (the business desk's bodies, headlines dropped) repeated until `bytes` long. */
async function realParagraphs(bytes: number): Promise<string[]> {
  const paragraphs = (await bbcDesk('business')).flatMap((text) => text.split('\n').slice(2).filter((l) => l.trim() !== ''));
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = paragraphs[i % paragraphs.length]!;
    out.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  return out;
}

describe('hostile sizes', () => {
  it('builds a 20 MB article into one page holding all of its text', async () => {
    const paragraphs = await realParagraphs(20 * 1024 * 1024);
    const text = `Business news of a whole year in one file\n\n${paragraphs.join('\n\n')}\n`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(20 * 1024 * 1024);
    const site = await buildHostile({ 'seeds/huge.txt': text });
    await expectSafeBuild(site, ['seeds/huge.txt']);
    const { html } = await outcomeOf(site, 'seeds/huge.txt');
    expect(headingOf(html)).toBe('Business news of a whole year in one file');
    expect(html!.split('<p>').length - 1).toBeGreaterThanOrEqual(paragraphs.length);
    expect(html).toContain(paragraphs.at(-1)!.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;').slice(0, 40));
  });

  it('builds an article whose body is one line of 1 MB', async () => {
    const line = (await realParagraphs(1100 * 1024)).join(' ');
    expect(Buffer.byteLength(line)).toBeGreaterThan(1024 * 1024);
    const site = await buildHostile({ 'seeds/one-line.txt': `Markets in one breath\n\n${line}\n`, 'content/one-line.md': `---\ntitle: Markets in one breath\ndate: 2005-02-01\n---\n${line}\n` });
    await expectSafeBuild(site, ['seeds/one-line.txt', 'content/one-line.md']);
    for (const file of ['seeds/one-line.txt', 'content/one-line.md']) {
      const { html } = await outcomeOf(site, file);
      expect(headingOf(html)).toBe('Markets in one breath');
      expect(Buffer.byteLength(html!)).toBeGreaterThan(1024 * 1024);
    }
  });
});
