/** Hostile encodings: empty, whitespace, binary, invalid UTF-8, BOM, UTF-16, CRLF and lone CR, control characters. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bbcText, buildHostile, expectSafeBuild, outcomeOf, headingOf, listTree } from './hostile-site.ts';

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

  it('reads UTF-16 after its byte order mark (PowerShell\'s `>`, Notepad\'s "Unicode"), and says what a file without the mark likely is', async () => {
    const text = await bbcText();
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf16le')]);
    const be = Buffer.from(`\uFEFF${text}`, 'utf16le').swap16();
    const bare = Buffer.from(text, 'utf16le');
    const site = await buildHostile({ 'seeds/utf16le.txt': le, 'seeds/utf16be.txt': be, 'seeds/utf16-bare.txt': bare });
    await expectSafeBuild(site, ['seeds/utf16le.txt', 'seeds/utf16be.txt', 'seeds/utf16-bare.txt']);
    // Before, both were refused as binary files: their ASCII letters hold NUL bytes.
    for (const file of ['seeds/utf16le.txt', 'seeds/utf16be.txt']) {
      const { html, lines } = await outcomeOf(site, file);
      expect(headingOf(html), file).toBe('Absa and Barclays talks continue');
      expect(html, file).not.toContain('\uFEFF');
      expect(lines.filter((l) => !NO_DATE.test(l.message)), file).toEqual([]);
    }
    const { html, lines } = await outcomeOf(site, 'seeds/utf16-bare.txt');
    expect(html).toBeNull();
    expect(lines).toEqual([expect.objectContaining({ level: 'skipped', message: 'binary file (NUL byte at offset 1), not text (UTF-16 without a byte order mark? save it as UTF-8)' })]);
  });

  it('refuses a binary file that starts with a UTF-16 byte order mark, and marks broken UTF-16 where it is', async () => {
    const text = await bbcText();
    // A compressed copy of the article behind the mark: binary, as a renamed .gz or image would be. Read as UTF-16 it became an article of CJK-looking characters.
    const binary = Buffer.concat([Buffer.from([0xff, 0xfe]), gzipSync(text)]);
    // An unpaired high surrogate (D800) in the third line of real UTF-16.
    const [first, ...rest] = text.split('\n\n');
    const broken = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${first}\n\n${rest[0]}\n\n`, 'utf16le'), Buffer.from([0x00, 0xd8]), Buffer.from(rest.slice(1).join('\n\n'), 'utf16le')]);
    const site = await buildHostile({ 'seeds/binary-after-mark.txt': binary, 'seeds/broken-utf16.txt': broken });
    await expectSafeBuild(site, ['seeds/binary-after-mark.txt', 'seeds/broken-utf16.txt']);
    const refused = await outcomeOf(site, 'seeds/binary-after-mark.txt');
    expect(refused.html).toBeNull();
    expect(refused.lines).toEqual([expect.objectContaining({ level: 'skipped', message: expect.stringMatching(/^binary file \(NUL character at offset \d+\), not UTF-16 text despite its byte order mark$/) })]);
    const { html, lines } = await outcomeOf(site, 'seeds/broken-utf16.txt');
    expect(headingOf(html)).toBe('Absa and Barclays talks continue');
    expect(html).toContain('\uFFFD');
    expect(lines.filter((l) => !NO_DATE.test(l.message))).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^invalid UTF-16 from line 5: undecodable bytes shown as \uFFFD/) })]);
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

  it('removes control characters from text, front matter and file names, with a warning naming the line, so no page holds one', async () => {
    const text = await bbcText();
    const [headline, ...rest] = text.split('\n');
    // A terminal's colour codes pasted into a seed, a vertical tab between two words, a bell in a content file's body,
    // and YAML escapes making them in front matter; the seed's own name holds an escape too.
    const seed = `${headline}\u001b[1m\n${rest.join('\n').replace('talks', 'talks\u000bcontinued')}`;
    const markdown = `---\ntitle: "Bell\\x07 and \\x1b[1mbold\\x1b[0m"\nsource: "Wire\\x1b[2J Service"\npeople: ["Ann\\x9bSmith"]\ndate: 2005-01-12\n---\n\n${rest.join('\n')}\n\nA bell\u0007 rings.\n`;
    const site = await buildHostile({ 'seeds/colour\u001b[31m.txt': seed, 'content/bell.md': markdown });
    await expectSafeBuild(site, ['seeds/colour\u001b[31m.txt', 'content/bell.md']);

    const coloured = await outcomeOf(site, 'seeds/colour\u001b[31m.txt');
    expect(headingOf(coloured.html)).toBe('Absa and Barclays talks continue[1m');
    expect(coloured.html).toContain('<code>colour[31m.txt</code>');
    expect(coloured.lines.filter((l) => !NO_DATE.test(l.message))).toEqual([expect.objectContaining({ level: 'warning', message: '2 control characters removed, from line 1 (a page cannot show them)' })]);

    const bell = await outcomeOf(site, 'content/bell.md');
    expect(headingOf(bell.html)).toBe('Bell and [1mbold[0m');
    expect(bell.html).toContain('>Wire[2J Service</a>');
    expect(bell.html).toContain('A bell rings.');
    expect(bell.lines.map((l) => [l.line, l.message])).toEqual([
      [null, `1 control character removed, from line ${markdown.split('\n').findIndex((l) => l.includes('\u0007')) + 1} (a page cannot show them)`],
      [2, 'front matter "title": control characters removed (a page cannot show them)'],
      [3, 'front matter "source": control characters removed (a page cannot show them)'],
      [4, 'front matter "people": control characters removed (a page cannot show them)'],
    ]);
    // HTML forbids them, and the validator stops at the first: not one in any page, feed or JSON file (Pagefind's own scripts aside).
    for (const file of await listTree(site.outDir)) {
      if (/\.(html|xml|json|txt)$/.test(file) && !file.startsWith('pagefind')) expect(await readFile(path.join(site.outDir, file), 'utf8'), file).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
  });
});
