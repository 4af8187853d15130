import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/enrich/tokenize.ts';

// Sentences from the seeds and the BBC corpus (business/aids-and-climate-top-davos-agenda.txt).
describe('tokenize', () => {
  it('keeps dotted abbreviations whole and ends sentences at full stops', () => {
    const tokens = tokenize('Russia enjoys increasingly close ties with Iran while its ties with the U.S. are at their lowest level. The statement comes after U.S. Defense Secretary Lloyd Austin on Monday vowed');
    expect(tokens.map((t) => t.text)).toContain('U.S.');
    const us = tokens.filter((t) => t.text === 'U.S.');
    expect(us.map((t) => [t.allCaps, t.capitalised, t.breakAfter])).toEqual([
      [true, true, false],
      [true, true, false],
    ]);
    expect(tokens.find((t) => t.text === 'level')?.breakAfter).toBe(true);
    expect(tokens.find((t) => t.text === 'The')?.sentenceStart).toBe(true);
    expect(tokens.find((t) => t.text === 'Defense')?.sentenceStart).toBe(false);
  });

  it('reads an initial before a capitalised word as part of the name, not a sentence end', () => {
    const tokens = tokenize('Later, George W. Bush spoke.');
    expect(tokens.map((t) => t.text)).toEqual(['Later', 'George', 'W.', 'Bush', 'spoke']);
    expect(tokens[3]!.sentenceStart).toBe(false);
  });

  it('strips the possessive and breaks a name after it', () => {
    const tokens = tokenize("UK Prime Minister Tony Blair's opening speech on Wednesday. Mr Blair will focus on Africa’s development plans");
    const blair = tokens.find((t) => t.text === 'Blair')!;
    expect([blair.lower, blair.breakAfter]).toEqual(['blair', true]);
    expect(tokens.find((t) => t.text === 'Africa')?.breakAfter).toBe(true);
    expect(tokens.find((t) => t.text === 'UK')?.allCaps).toBe(true);
  });

  it('keeps hyphenated and apostrophised words whole and breaks at a spaced dash, brackets and quotes', () => {
    const tokens = tokenize('The World Health Organisation (WHO) said 700,000 people were on anti-Aids drugs - up from 440,000. A $2bn "funding gap" still stood');
    const texts = tokens.map((t) => t.text);
    expect(texts).toContain('anti-Aids');
    expect(texts).toContain('700');
    // Each yes/no fact is its own bit: a hyphenated word is only that.
    const antiAids = tokens.find((t) => t.text === 'anti-Aids')!;
    expect([antiAids.hyphenated, antiAids.capitalised, antiAids.allCaps, antiAids.bracketed, antiAids.sentenceStart]).toEqual([true, false, false, false, false]);
    expect(tokens.find((t) => t.text === 'Organisation')?.hyphenated).toBe(false);
    const who = tokens.find((t) => t.text === 'WHO')!;
    expect([who.bracketed, who.allCaps]).toEqual([true, true]);
    expect(tokens.find((t) => t.text === 'Organisation')?.breakAfter).toBe(true);
    expect(tokens.find((t) => t.text === 'drugs')?.breakAfter).toBe(true);
    expect(tokens.find((t) => t.text === 'funding')?.sentenceStart).toBe(true);
    expect(tokens.find((t) => t.text === 'Robert')).toBeUndefined();
    expect(tokenize('Robert Kilroy-Silk could have a lot to offer').map((t) => t.text).slice(0, 2)).toEqual(['Robert', 'Kilroy-Silk']);
  });

  it('reads letters beyond Latin-1 and outside the Basic Multilingual Plane', () => {
    const tokens = tokenize('Ökonom Łukasz Żurek met 𝐍𝐀𝐓𝐎 envoys.');
    expect(tokens.map((t) => t.text)).toEqual(['Ökonom', 'Łukasz', 'Żurek', 'met', '𝐍𝐀𝐓𝐎', 'envoys']);
    expect(tokens.map((t) => t.capitalised)).toEqual([true, true, true, false, true, false]);
    expect(tokens[2]!.lower).toBe('żurek');
  });

  it('keeps a word whole across its marks (Devanagari vowel signs, decomposed accents)', () => {
    expect(tokenize('भारत की अर्थव्यवस्था तेज़ी से बढ़ी।').map((t) => t.text)).toEqual(['भारत', 'की', 'अर्थव्यवस्था', 'तेज़ी', 'से', 'बढ़ी']);
    expect(tokenize('Cafe\u0301 society').map((t) => t.text)).toEqual(['Cafe\u0301', 'society']);
    // A mark with no letter before it starts no word.
    expect(tokenize('❤\uFE0F news').map((t) => t.text)).toEqual(['news']);
  });
});
