import { readFileSync } from 'node:fs';
import path from 'node:path';
import { remark } from 'remark';
import remarkHtml from 'remark-html';
import type { Paragraph, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { markdownArticleHtml, markdownToHtml, paragraphsToHtml } from '../../src/render/markdown.ts';
import { parseSeedText } from '../../src/content/parse-seed-text.ts';
import { articleLinkMark } from '../../src/content/article-links.ts';
import { BBC_DIR, bbcFiles, bbcText, seedFiles, seedText } from '../content/real-text.ts';

/** The reference: the remark round trip paragraphsToHtml used to make (paragraph nodes of literal text through remark-html). */
function remarkParagraphs(paragraphs: readonly string[]): string {
  const processor = remark().use(remarkHtml);
  const tree: Root = { type: 'root', children: paragraphs.map((value): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value }] })) };
  return processor.stringify(processor.runSync(tree) as Root).trim();
}

const seeds = seedFiles();
// Every seventh BBC article, and every one whose text holds a character HTML escapes.
const bbc = bbcFiles().filter((file, i) => i % 7 === 0 || /[&<>"']/.test(readFileSync(path.join(BBC_DIR, file), 'utf8')));

describe('paragraphsToHtml', () => {
  it('writes the seeds byte for byte as the remark round trip did', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(3);
    for (const seed of seeds) {
      const { paragraphs } = parseSeedText(seedText(seed));
      expect(paragraphsToHtml(paragraphs), seed).toBe(remarkParagraphs(paragraphs));
    }
  });

  it('writes BBC articles byte for byte as the remark round trip did, escapes included', () => {
    expect(bbc.length).toBeGreaterThan(300);
    let escaped = 0;
    for (const file of bbc) {
      const { paragraphs } = parseSeedText(bbcText(file));
      const html = paragraphsToHtml(paragraphs);
      if (html.includes('&#x26;')) escaped += 1;
      expect(html, file).toBe(remarkParagraphs(paragraphs));
    }
    // The comparison covered text that needs escaping, not only plain prose.
    expect(escaped).toBeGreaterThan(10);
  });

  it('matches remark on text it never sees from the parser: markup characters, line breaks with spaces around them, no paragraphs', () => {
    // Real lines: a seed's raw header lines (hard line breaks kept, indented) and a BBC line with markup characters added.
    const rawLines = seedText(seeds[0]!).split('\n').slice(0, 6).map((l) => `${l}  `).join('\n\t ');
    const line = bbcText(bbc[0]!).split('\n')[0]!;
    const cases: string[][] = [[rawLines], [`<b>${line}</b> & *${line}* > [link](javascript:alert(1))`], [], ['']];
    for (const paragraphs of cases) expect(paragraphsToHtml(paragraphs)).toBe(remarkParagraphs(paragraphs));
    expect(paragraphsToHtml([`<b>${line}</b> & more`])).toBe(`<p>&#x3C;b>${line}&#x3C;/b> &#x26; more</p>`);
  });
});

describe('markdownToHtml', () => {
  it('renders Markdown through remark and drops raw HTML', () => {
    const line = bbcText(bbc[0]!).split('\n')[0]!;
    expect(markdownToHtml(`*${line}*\n\n<script>alert(1)</script>`)).toBe(`<p><em>${line}</em></p>`);
  });
});

describe('markdownArticleHtml', () => {
  it('points links and images naming media files beside the article at their copies, and lists them with their lines', () => {
    const [headline = '', ...body] = bbcText(bbc[0]!).split('\n');
    const text = `${body.join('\n').trim()}\n\n![${headline}](photo.png "Photo")\n\nThe [full report](../reports/final%20report.pdf#page=2), [elsewhere](https://example.org/a.png), [up](../../x.png), [next](next.md) and ![map][m].\n\n[m]: <maps/the map.webp>\n`;
    const { html, media, links } = markdownArticleHtml(text, '2019/floods.md', 5);
    const lines = text.split('\n');
    const lineOf = (needle: string): number => 5 + lines.findIndex((l) => l.includes(needle));
    expect(media).toEqual([
      ['2019/photo.png', lineOf('](photo.png')],
      ['reports/final report.pdf', lineOf('final%20report')],
      ['2019/maps/the map.webp', lineOf('[m]: ')],
    ]);
    expect(html).toContain(`<img src="../../media/2019/photo.png" alt="${headline}" title="Photo">`);
    expect(html).toContain('<a href="../../media/reports/final%20report.pdf#page=2">full report</a>');
    expect(html).toContain('<img src="../../media/2019/maps/the%20map.webp" alt="map">');
    // A link to another article is a mark the build resolves (see article-links.ts).
    expect(links).toEqual([['2019/next.md', lineOf('(next.md)')]]);
    expect(html).toContain(`<a href="${articleLinkMark('2019/next.md', '')}">next</a>`);
    // Everything else as markdownToHtml writes it.
    expect(html.replace(articleLinkMark('2019/next.md', ''), 'next.md').replace(/\.\.\/\.\.\/media\/2019\/photo\.png/, 'photo.png').replace('../../media/reports/final%20report.pdf', '../reports/final%20report.pdf').replace('../../media/2019/maps/the%20map.webp', 'maps/the%20map.webp')).toBe(markdownToHtml(text));
  });
});
