import { describe, expect, it } from 'vitest';
import { defaultEnrichResources } from '../../src/enrich/enrich-resources.ts';
import { lookupPlace, lookupPlaceLower, mayContinuePlace, mayContinuePlaceLower } from '../../src/enrich/gazetteer.ts';
import { tokenize } from '../../src/enrich/tokenize.ts';
import { bbcFiles, bbcText } from '../content/real-text.ts';

describe('mayContinuePlace', () => {
  const { gazetteer } = defaultEnrichResources();

  it('says a longer place name may follow its first words, as written in any case', () => {
    expect(mayContinuePlace(gazetteer, 'United')).toBe(true);
    expect(mayContinuePlace(gazetteer, 'UNITED')).toBe(true);
    // "United States of America": the official name goes on after "United States".
    expect(mayContinuePlace(gazetteer, 'United States')).toBe(true);
    expect(lookupPlace(gazetteer, 'United States of America')?.name).toBe('United States');
  });

  it('rules out words no longer place name starts with, so their longer look-ups are skipped', () => {
    expect(mayContinuePlace(gazetteer, 'Moscow')).toBe(false);
    expect(mayContinuePlace(gazetteer, 'Blair')).toBe(false);
    expect(lookupPlace(gazetteer, 'Moscow')?.name).toBe('Moscow');
  });
});

describe('lookupPlaceLower and mayContinuePlaceLower', () => {
  const { gazetteer } = defaultEnrichResources();

  it('answer as lookupPlace and mayContinuePlace do for every word of a BBC desk, given the token\'s lower case', () => {
    const tokens = bbcFiles().filter((f) => f.startsWith('politics/')).flatMap((f) => tokenize(bbcText(f)));
    let places = 0;
    for (const t of tokens) {
      const place = lookupPlaceLower(gazetteer, t.text, t.lower);
      expect(place, t.text).toBe(lookupPlace(gazetteer, t.text));
      expect(mayContinuePlaceLower(gazetteer, t.lower), t.text).toBe(mayContinuePlace(gazetteer, t.text));
      if (place !== undefined) places += 1;
    }
    // Real coverage: many words, and places among them, short capitals ("US", "UK") included.
    expect(tokens.length).toBeGreaterThan(50_000);
    expect(places).toBeGreaterThan(500);
    expect(lookupPlaceLower(gazetteer, 'US', 'us')?.name).toBe('United States');
    expect(lookupPlaceLower(gazetteer, 'us', 'us')).toBeUndefined();
  });
});
