import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes } from '../../src/content/load-article.ts';
import { parseSeedText } from '../../src/content/parse-seed-text.ts';
import { bbcFiles, bbcText, seedFiles, seedText } from './real-text.ts';

/** The definition countWords scans by hand: whitespace-separated chunks holding a letter or digit. */
const byRegex = (paragraphs: readonly string[]): number => paragraphs.reduce((n, p) => n + (p.match(/[^\s\p{L}\p{N}]*[\p{L}\p{N}]\S*/gu)?.length ?? 0), 0);

describe('countWords', () => {
  it('counts every BBC article and seed as the regular-expression definition does', () => {
    const texts = [...bbcFiles().map(bbcText), ...seedFiles().map(seedText)];
    let total = 0;
    for (const text of texts) {
      const { paragraphs } = parseSeedText(text);
      const count = countWords(paragraphs);
      expect(count).toBe(byRegex(paragraphs));
      total += count;
    }
    expect(total).toBeGreaterThan(750_000);
  });

  it('splits at any Unicode space, counts letters of any script and skips chunks of punctuation alone', () => {
    const line = bbcText(bbcFiles()[0]!).split('\n')[0]!;
    const cases = [`${line}\u00a0—\u2003Москва 𝐀𝐁 — 2005 !!`, ' \t ', '— … —', `${line} \u3000 ${line}`, `  ${line}  — Москва 𝐀𝐁 … 2005 !! `, ' ', ''];
    for (const text of cases) expect(countWords([text])).toBe(byRegex([text]));
    expect(countWords(['Москва\u00a0— 𝐀𝐁 ...'])).toBe(2);
    expect(countWords(['Москва — 𝐀𝐁 ... ', ' (2005) — '])).toBe(3);
  });
});

describe('readingMinutes', () => {
  it('is at least one minute, at 230 words a minute', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(460)).toBe(2);
  });
});
