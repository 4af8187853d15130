import { describe, expect, it } from 'vitest';
import { defaultEnrichResources } from '../../src/enrich/enrich-resources.ts';
import { lookupPlace, mayContinuePlace } from '../../src/enrich/gazetteer.ts';

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
