/** Control characters: removed from text bound for a page, escaped in a line bound for a terminal. */
import { describe, expect, it } from 'vitest';
import { escapeControlCharacters, withoutControlCharacters } from '../../src/text/control-characters.ts';

describe('withoutControlCharacters', () => {
  it('drops C0 controls but tab and line feed, DEL and C1, and turns a vertical tab or form feed into a line feed', () => {
    const text = 'Talks\u000bcontinue\u001b[1m\tin\u0007 London\u0085\nPage\u000ctwo\u007f';
    expect(withoutControlCharacters(text)).toEqual({ text: 'Talks\ncontinue[1m\tin London\nPage\ntwo', removed: 6, firstAt: 5 });
  });

  it('gives the same text back when there is nothing to remove', () => {
    const text = 'Absa and Barclays talks continue\n\n\u00a3 and \u20ac and \u00ab \u00bb';
    const result = withoutControlCharacters(text);
    expect(result).toEqual({ text, removed: 0, firstAt: -1 });
    expect(result.text).toBe(text);
  });
});

describe('escapeControlCharacters', () => {
  it('writes every control character as an escape, line feed and tab included, and leaves other text alone', () => {
    expect(escapeControlCharacters('seeds/new\nline\u001b[2J\u0085\t\u00e9.txt')).toBe('seeds/new\\nline\\u001b[2J\\u0085\\t\u00e9.txt');
  });
});
