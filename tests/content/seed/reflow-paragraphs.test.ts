import { describe, expect, it } from 'vitest';
import { reflowParagraphs, wrapWidth } from '../../../src/content/seed/reflow-paragraphs.ts';
import { seedLines } from '../../../src/content/seed/seed-lines.ts';
import { bbcText, seedText } from '../real-text.ts';

/** A real BBC paragraph hard-wrapped greedily at `width` columns, as mail and wire systems do. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

const bbc = bbcText('business/1m-payoff-for-former-shell-boss.txt').split('\n').filter((l) => l.trim() !== '').slice(1);

describe('wrapWidth', () => {
  it('finds the width of greedily wrapped text', () => {
    const lines = seedLines(bbc.flatMap((p) => [...wrap(p, 68), '']).join('\n'));
    const width = wrapWidth(lines);
    expect(width).not.toBeNull();
    expect(width).toBeLessThanOrEqual(68);
    expect(width).toBeGreaterThan(60);
  });

  it('says one-paragraph-per-line text is not wrapped (seeds 001 and 003, BBC)', () => {
    expect(wrapWidth(seedLines(seedText('001_63d6e588ad32ed8a.txt')))).toBeNull();
    expect(wrapWidth(seedLines(seedText('003_8d78b157a282ba9e.txt')))).toBeNull();
    expect(wrapWidth(seedLines(bbc.join('\n')))).toBeNull();
  });
});

describe('reflowParagraphs', () => {
  it.each([60, 65, 72, 80])('restores BBC paragraphs wrapped at %i columns and separated by blank lines', (width) => {
    expect(reflowParagraphs(seedLines(bbc.flatMap((p) => [...wrap(p, width), '']).join('\n')))).toEqual(bbc);
  });

  it('restores paragraphs marked only by a first-line indent', () => {
    expect(reflowParagraphs(seedLines(bbc.flatMap((p) => wrap(p, 66).map((l, i) => (i === 0 ? `   ${l}` : l))).join('\n')))).toEqual(bbc);
  });

  it('rejoins a compound split at a line end without a space', () => {
    const lines = seedLines('The attack was carried out by Iran-\nbacked militants near the border with\nSyria, officials said on Monday.\nA second attack followed on Tuesday night.');
    expect(reflowParagraphs(lines, 42)).toEqual(['The attack was carried out by Iran-backed militants near the border with Syria, officials said on Monday.', 'A second attack followed on Tuesday night.']);
  });

  it('keeps one paragraph per line when the text is not wrapped', () => {
    expect(reflowParagraphs(seedLines(seedText('003_8d78b157a282ba9e.txt')))).toHaveLength(28);
  });
});
