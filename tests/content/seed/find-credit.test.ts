import { describe, expect, it } from 'vitest';
import { findCredit, splitTrailingCredit } from '../../../src/content/seed/find-credit.ts';
import { bbcFiles, bbcText } from '../real-text.ts';

describe('findCredit', () => {
  it.each([
    ['AP Photo/ Maya Alleruzzo', 'photo-credit'],
    ['Photo: Atta Kenare/AFP via Getty Images', 'photo-credit'],
    ['(Reuters/Majid Asgaripour)', 'photo-credit'],
    ['REUTERS/Amir Cohen', 'photo-credit'],
    ['Photograph by Jane Doe for The Guardian', 'photo-credit'],
    ['Getty Images', 'photo-credit'],
    ['Photo courtesy of the Israel Defense Forces', 'photo-credit'],
    ['Image source, Reuters', 'photo-credit'],
    ['AFP contributed reporting.', 'agency-credit'],
    ['The Associated Press contributed to this report.', 'agency-credit'],
    ['Reporting by Parisa Hafezi; Editing by Alex Richardson', 'agency-credit'],
  ])('recognises %j as a %s', (line, kind) => {
    expect(findCredit(line)?.kind).toBe(kind);
  });

  it('leaves sentences that mention photos or slashes alone', () => {
    expect(findCredit('The picture: bleak, say analysts.')).toBeNull();
    expect(findCredit('Caroline Quentin (Life Begins/ Von Trapped, ITV1)')).toBeNull();
    expect(findCredit('Photos of the crash were shared widely on social media.')).toBeNull();
  });

  it('splits a bracketed photo credit off a caption', () => {
    expect(splitTrailingCredit('Smoke rises over Khan Younis on Tuesday. (AP Photo/Fatima Shbair)')).toEqual({ text: 'Smoke rises over Khan Younis on Tuesday.', credit: 'AP Photo/Fatima Shbair' });
    expect(splitTrailingCredit('The firm said profits rose (before tax).')).toBeNull();
  });

  it('finds no credit in any line of the BBC corpus, which has none', () => {
    const found: string[] = [];
    for (const file of bbcFiles()) {
      for (const line of bbcText(file).split('\n')) {
        if (findCredit(line.trim()) !== null || splitTrailingCredit(line.trim()) !== null) found.push(`${file}: ${line}`);
      }
    }
    expect(found).toEqual([]);
  });
});
