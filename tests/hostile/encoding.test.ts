/** Hostile encodings: empty, whitespace, binary, invalid UTF-8, BOM, CRLF and lone CR. */
import { describe, expect, it } from 'vitest';
import { bbcText, buildHostile, expectSafeBuild, outcomeOf, headingOf } from './hostile-site.ts';

/** BBC articles carry no date; that warning is expected and not what these cases test. */
const NO_DATE = /no date found/;

describe('hostile encodings', () => {
  it('skips an empty file with a report line naming it', async () => {
    const site = await buildHostile({ 'seeds/empty.txt': '' });
    await expectSafeBuild(site, ['seeds/empty.txt']);
    const { html, lines } = await outcomeOf(site, 'seeds/empty.txt');
    expect(html).toBeNull();
    expect(lines).toEqual([expect.objectContaining({ level: 'skipped', message: 'empty file' })]);
  });

  it('skips a file of only whitespace', async () => {
    const site = await buildHostile({ 'seeds/blank.txt': ' \n\t\r\n  \n\u00a0\n' });
    await expectSafeBuild(site, ['seeds/blank.txt']);
    const { html, lines } = await outcomeOf(site, 'seeds/blank.txt');
    expect(html).toBeNull();
    expect(lines).toEqual([expect.objectContaining({ level: 'skipped', message: 'file holds only whitespace' })]);
  });

  it('skips a binary file (NUL bytes), saying where the NUL is', async () => {
    const text = Buffer.from(await bbcText());
    const binary = Buffer.concat([text.subarray(0, 100), Buffer.from([0, 0, 0xff, 0xfe, 0x89, 0x50, 0x4e, 0x47]), text.subarray(100)]);
    const site = await buildHostile({ 'seeds/binary.txt': binary, 'content/binary.md': binary });
    await expectSafeBuild(site, ['seeds/binary.txt', 'content/binary.md']);
    for (const file of ['seeds/binary.txt', 'content/binary.md']) {
      const { html, lines } = await outcomeOf(site, file);
      expect(html).toBeNull();
      expect(lines).toEqual([expect.objectContaining({ level: 'skipped', message: expect.stringMatching(/binary file \(NUL byte at offset 100\)/) })]);
    }
  });

  it('builds invalid UTF-8 with replacement characters and a warning naming the line', async () => {
    const text = await bbcText();
    const lines = text.split('\n');
    // Line 3 gets Latin-1 "£" (0xA3), the classic mis-saved file.
    const bytes = Buffer.concat([Buffer.from(`${lines.slice(0, 2).join('\n')}\n`), Buffer.from([0xa3]), Buffer.from(`${lines.slice(2).join('\n')}`)]);
    const site = await buildHostile({ 'seeds/latin1.txt': bytes });
    await expectSafeBuild(site, ['seeds/latin1.txt']);
    const outcome = await outcomeOf(site, 'seeds/latin1.txt');
    expect(outcome.html).toContain('\uFFFD');
    expect(headingOf(outcome.html)).toBe('Absa and Barclays talks continue');
    expect(outcome.lines.filter((l) => !NO_DATE.test(l.message))).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^invalid UTF-8 from line 3/) })]);
  });

  it('drops a UTF-8 BOM so it is not part of the title', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(await bbcText())]);
    const site = await buildHostile({ 'seeds/bom.txt': bytes, 'content/bom-md.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`---\ntitle: Absa and Barclays talks continue\ndate: 2005-01-12\n---\n\n${await bbcText()}`)]) });
    await expectSafeBuild(site, ['seeds/bom.txt', 'content/bom-md.md']);
    for (const file of ['seeds/bom.txt', 'content/bom-md.md']) {
      const { html, lines } = await outcomeOf(site, file);
      expect(headingOf(html)).toBe('Absa and Barclays talks continue');
      expect(html).not.toContain('\uFEFF');
      expect(lines.filter((l) => !NO_DATE.test(l.message))).toEqual([]);
    }
  });

  it('reads CRLF and lone CR line endings as LF, giving the same page as LF', async () => {
    const text = await bbcText();
    const site = await buildHostile({ 'seeds/lf.txt': text, 'seeds/crlf.txt': text.replace(/\n/g, '\r\n'), 'seeds/cr.txt': text.replace(/\n/g, '\r') });
    await expectSafeBuild(site, ['seeds/lf.txt', 'seeds/crlf.txt', 'seeds/cr.txt']);
    const lf = await outcomeOf(site, 'seeds/lf.txt');
    expect(headingOf(lf.html)).toBe('Absa and Barclays talks continue');
    expect(lf.html).not.toMatch(/\r/);
    // Same title and body HTML as the LF file: only the neighbours, the URL and, the three being
    // near-copies of one text, the notice naming the original differ.
    const main = (html: string | null): string => (/<h1\b[\s\S]*?<div class="article__body">[\s\S]*?<\/div>/.exec(html ?? '')?.[0] ?? '').replace(/\s*<p class="copy-notice">[\s\S]*?<\/p>/, '');
    for (const file of ['seeds/crlf.txt', 'seeds/cr.txt']) {
      const { html } = await outcomeOf(site, file);
      expect(main(html)).not.toBe('');
      expect(main(html)).toBe(main(lf.html));
    }
  });
});
