/** Hostile front matter: malformed YAML, fields of the wrong type, dates that are no dates. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bbcText, buildHostile, expectSafeBuild, headingOf, outcomeOf } from './hostile-site.ts';

describe('hostile front matter', () => {
  it('skips a file with malformed YAML, naming the file and the line', async () => {
    const body = (await bbcText()).split('\n').slice(2).join('\n');
    const site = await buildHostile({ 'content/broken.md': `---\ntitle: Absa and Barclays talks continue\ndate: 2005-01-12\ntopics: [banking, south africa\nsource: BBC\n---\n${body}` });
    await expectSafeBuild(site, ['content/broken.md']);
    const { html, lines } = await outcomeOf(site, 'content/broken.md');
    expect(html).toBeNull();
    expect(lines).toEqual([expect.objectContaining({ level: 'skipped', message: expect.stringMatching(/^malformed YAML front matter/) })]);
    expect(lines[0]!.line).toBeGreaterThanOrEqual(4);
  });

  it('ignores fields of the wrong type with a warning each and builds the article', async () => {
    const body = (await bbcText()).split('\n').slice(2).join('\n');
    const site = await buildHostile({ 'content/wrong-types.md': `---\ntitle: [1, 2]\ndate: soon\ndraft: maybe\n---\n${body}` });
    await expectSafeBuild(site, ['content/wrong-types.md']);
    const { html, lines } = await outcomeOf(site, 'content/wrong-types.md');
    expect(html).not.toBeNull();
    expect(html).toContain('Absa');
    const messages = lines.map((l) => `${l.level} ${l.line}: ${l.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^warning 2: front matter "title": must be text, not a list/),
        expect.stringMatching(/^warning 3: front matter "date": "soon" is not a date/),
        expect.stringMatching(/^warning 4: front matter "draft": must be true or false/),
      ]),
    );
  });

  it('says what a list holds that is not text, and skips an empty item', async () => {
    const body = (await bbcText()).split('\n').slice(2).join('\n');
    const site = await buildHostile({ 'content/lists.md': `---\ntitle: Lists\ndate: 2005-01-12\ntopics: [banking, [south, africa]]\npeople: [Mr Smith, {name: Mr Jones}]\nplaces:\n  - Johannesburg\n  -\n---\n${body}` });
    await expectSafeBuild(site, ['content/lists.md']);
    const { html, lines } = await outcomeOf(site, 'content/lists.md');
    expect(html).toContain('Johannesburg');
    // Before: "must be a list of text, not a list" for both, and the list of places refused for its empty item.
    expect(lines.map((l) => `${l.level} ${l.line}: ${l.message}`)).toEqual([
      'warning 4: front matter "topics": must be a list of text, not a list holding a list; ignored',
      'warning 5: front matter "people": must be a list of text, not a list holding a mapping; ignored',
    ]);
  });

  it('takes a date as written: an impossible one is refused, not rolled over; a time and zone after it do not move it', async () => {
    const body = (await bbcText()).split('\n').slice(2).join('\n');
    const site = await buildHostile({
      // Before, YAML made 2024-13-45 into 14 February 2025, 2023-02-29 into 1 March, and the evening of 1 May in Chicago into 2 May.
      'content/rolled-over.md': `---\ntitle: Rolled over\ndate: 2024-13-45\n---\n${body}`,
      'content/leap.md': `---\ntitle: Not a leap year\ndate: 2023-02-29\n---\n${body}`,
      'content/evening.md': `---\ntitle: Late edition\ndate: 2024-05-01T23:30:00-05:00\n---\n${body}`,
      'content/short.md': `---\ntitle: Short date\ndate: 2024-5-1\n---\n${body}`,
      'content/dated-title.md': `---\ntitle: 2024-05-01\ndate: 2024-05-02\n---\n${body}`,
    });
    await expectSafeBuild(site, ['content/rolled-over.md', 'content/leap.md', 'content/evening.md', 'content/short.md', 'content/dated-title.md']);
    type ApiRecord = { sourceFile: string; date: string | null };
    const api = JSON.parse(await readFile(path.join(site.outDir, 'api/articles.json'), 'utf8')) as ApiRecord[] | { articles: ApiRecord[] };
    const records = Array.isArray(api) ? api : api.articles;
    const dateOf = (file: string): string | null | undefined => records.find((a) => `content/${a.sourceFile}` === file)?.date;
    for (const [file, written] of [['content/rolled-over.md', '2024-13-45'], ['content/leap.md', '2023-02-29']] as const) {
      const { html, lines } = await outcomeOf(site, file);
      expect(lines.map((l) => `${l.level} ${l.line}: ${l.message}`), file).toContain(`warning 3: front matter "date": "${written}" is not a date; write it as YYYY-MM-DD; ignored`);
      // The article is built, undated (its text names no date), not misdated.
      expect(html, file).not.toBeNull();
      expect(dateOf(file), file).toBeNull();
    }
    expect(dateOf('content/evening.md')).toBe('2024-05-01');
    expect(dateOf('content/short.md')).toBe('2024-05-01');
    const dated = await outcomeOf(site, 'content/dated-title.md');
    expect(dated.lines).toEqual([]);
    expect(headingOf(dated.html)).toBe('2024-05-01');
  });
});
