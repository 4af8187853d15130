/** Hostile front matter: malformed YAML and fields of the wrong type. */
import { describe, expect, it } from 'vitest';
import { bbcText, buildHostile, expectSafeBuild, outcomeOf } from './hostile-site.ts';

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
});
