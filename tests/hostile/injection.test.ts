/** Hostile markup: `<script>` and `"><img onerror>` in titles, bodies, front matter and source names. */
import { readFile } from 'node:fs/promises';
import { decodeHTML } from 'entities';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bbcText, buildHostile, expectSafeBuild, outcomeOf, headingOf } from './hostile-site.ts';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';

/** The text a browser shows for some HTML: tags dropped, character references decoded. */
function textOf(html: string | null): string {
  return decodeHTML((html ?? '').replace(/<[^>]*>/g, ''));
}

describe('hostile markup', () => {
  it('shows injected markup as text everywhere and never as a tag', async () => {
    const text = await bbcText();
    const [headline, , ...body] = text.split('\n');
    const site = await buildHostile({
      'seeds/title.txt': `${headline} ${SCRIPT}\n\n${body.join('\n')}\nHe said ${IMG} and left.\n`,
      [`seeds/${IMG.replace(/\//g, '')}.txt`]: `${SCRIPT}\n\n${body.join('\n')}`,
      'seeds/override.txt': text.replace('Absa', 'Absa bank'),
      'seeds/override.yml': `source: "${SCRIPT}"\nsection: '${IMG}'\ntopics: ["${SCRIPT}", '${IMG}']\n`,
      'content/markup.md': [
        '---',
        `title: '${IMG}'`,
        `summary: "${SCRIPT}"`,
        `byline: "${SCRIPT}"`,
        `source: '${IMG} ${SCRIPT}'`,
        `people: ["${SCRIPT}"]`,
        `credits: ['${IMG}']`,
        'date: 2005-01-12',
        '---',
        body.join('\n'),
        '',
        SCRIPT,
        '',
        `<img src=x onerror=alert(1)> inline ${IMG}`,
        '',
        '[a link](javascript:alert(1)) and <a href="javascript:alert(2)">another</a>',
        '',
      ].join('\n'),
    });
    await expectSafeBuild(site, ['seeds/title.txt', `seeds/${IMG.replace(/\//g, '')}.txt`, 'seeds/override.txt', 'seeds/override.yml', 'content/markup.md']);

    const title = await outcomeOf(site, 'seeds/title.txt');
    expect(headingOf(title.html)).toBe(`${headline} &lt;script&gt;alert(1)&lt;/script&gt;`);
    expect(textOf(title.html)).toContain(`He said ${IMG} and left.`);

    const named = await outcomeOf(site, `seeds/${IMG.replace(/\//g, '')}.txt`);
    expect(textOf(named.html)).toContain(SCRIPT);

    const markup = await outcomeOf(site, 'content/markup.md');
    expect(headingOf(markup.html)).toBe('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(markup.html).not.toMatch(/javascript:/i);
    // Raw HTML in Markdown is dropped by the sanitiser; the text around it stays.
    expect(textOf(markup.html)).toContain('inline "');

    const override = await outcomeOf(site, 'seeds/override.txt');
    expect(textOf(override.html)).toContain(SCRIPT);

    // The JSON API keeps the text as data: exact strings, and JSON never opens a tag when served as JSON.
    const api = await readFile(path.join(site.outDir, 'api/articles.json'), 'utf8');
    expect(JSON.parse(api)).toEqual(expect.arrayContaining([expect.objectContaining({ title: IMG, byline: SCRIPT })]));
  });
});
