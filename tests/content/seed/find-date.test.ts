import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { findDate, findDatePrefix, findDateWithYear } from '../../../src/content/seed/find-date.ts';
import { bbcFiles, bbcText, DATE_FORMS } from '../real-text.ts';

/** What chrono itself finds, asked about every text: the first result with a figure and a certain day and month, as text and index. */
function chronoDay(text: string): { text: string; index: number } | null {
  for (const result of chrono.strict.parse(text, new Date(Date.UTC(2000, 0, 1, 12)))) {
    if (/\d/.test(result.text) && result.start.isCertain('day') && result.start.isCertain('month')) return { text: result.text.trim(), index: result.index };
  }
  return null;
}

describe('findDate', () => {
  it.each(DATE_FORMS)('reads %j as 2024-01-30', (text) => {
    expect(findDate(text)?.iso).toBe('2024-01-30');
  });

  it('finds a day without a year but gives it no ISO date', () => {
    expect(findDate('MOSCOW, Jan 30 (Reuters)')).toMatchObject({ iso: null, text: 'Jan 30', index: 8 });
    expect(findDate('on 31 December, having spent the time as an adviser')?.iso).toBeNull();
  });

  it('still hands chrono every shape it reads: numbers joined by a separator, run-together wire dates, time units', () => {
    // Text without a month, weekday or unit name skips chrono, so these must keep their dates.
    expect(findDate('Filed 2024/01/30 in London')?.iso).toBe('2024-01-30');
    expect(findDate('Updated 2024 01 30')?.iso).toBe('2024-01-30');
    expect(findDate('Posted 01/30/2024 by staff')?.iso).toBe('2024-01-30');
    expect(findDate('30JAN2024 wire')?.iso).toBe('2024-01-30');
    expect(findDate('Posted 2 hours ago')).toMatchObject({ iso: null, text: '2 hours ago' });
    expect(findDate('Some 2,000 business and political leaders from around the globe will listen')).toBeNull();
  });

  it('skips chrono only where chrono finds no day: every line of the BBC corpus and shapes near the pre-test\'s edges', () => {
    // Each line's opening (as header lines and ledes are asked) and each of its sentences.
    const lines = bbcFiles().flatMap((file) => bbcText(file).split('\n').flatMap((line) => [line.slice(0, 120), ...line.split(/(?<=[.!?]) /)]));
    const shapes = ['on Mar1 at noon', 'March first', 'Marchfirst', 'the 5th of March', '5March2004', '2024-Mar-30', 'due within 3 hours', '3 daysago', 'a week later at 5pm', 'theday after 5 May', 'Marchfirst at 5pm', 'tendays later at 5pm', 'theweek later at 5pm', 'in 2004 Mar 30', '9.5.04', 'score 2-1', '24-hour strike at 2'];
    const withFigures = [...shapes, ...lines].filter((text) => /\d/.test(text));
    expect(withFigures.length).toBeGreaterThan(8_000);
    for (const text of withFigures) {
      const found = findDate(text);
      expect(found === null ? null : { text: found.text, index: found.index }, text).toEqual(chronoDay(text));
    }
  });

  it('takes no date from relative phrases or a month and year alone', () => {
    expect(findDate('Oil prices have fallen heavily for a second day')).toBeNull();
    expect(findDate('she stepped down from her post in April 2004')).toBeNull();
    expect(findDate('Shares rose today and yesterday')).toBeNull();
  });
});

describe('findDateWithYear', () => {
  it('gives the dates findDate gives with a written year, and nothing for a day without one', () => {
    for (const text of DATE_FORMS) expect(findDateWithYear(`Filed ${text} in London`)).toEqual(findDate(`Filed ${text} in London`));
    expect(findDateWithYear('MOSCOW, Jan 30 (Reuters)')).toBeNull();
    expect(findDateWithYear('British Airways is to halt its flights from London Heathrow to Jeddah and Riyadh in Saudi Arabia from 27 March.')).toBeNull();
  });

  it('keeps findDate\'s first-date rule: a day without a year before a dated one gives no date', () => {
    expect(findDate('on 31 December, and again on 2 January 2005')?.iso).toBeNull();
    expect(findDateWithYear('on 31 December, and again on 2 January 2005')).toBeNull();
  });
});

describe('findDatePrefix', () => {
  it('reads the "date YYYY-MM-DD" prefix and its length, leading space included', () => {
    expect(findDatePrefix(' date 2024-01-30 The Kremlin spokesperson')).toEqual({ iso: '2024-01-30', length: 17 });
    expect(findDatePrefix('date 2024-01-30\nHeadline')).toEqual({ iso: '2024-01-30', length: 16 });
  });

  it('gives no day for an impossible date (the line is still the prefix), and refuses text that merely starts with the word "date"', () => {
    expect(findDatePrefix('date 2024-02-30 Something')).toEqual({ iso: null, length: 16 });
    expect(findDatePrefix('Date night in Paris 2024-01-30')).toBeNull();
  });
});
