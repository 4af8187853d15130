import { describe, expect, it } from 'vitest';
import { isAllCaps, readableCase } from '../../../src/content/seed/readable-case.ts';

describe('readableCase', () => {
  it('title-cases an ALL-CAPS wire headline, keeping abbreviations and acronyms', () => {
    expect(readableCase('KREMLIN SAYS U.S. STRIKES ON IRAN WOULD DESTABILISE THE REGION')).toBe('Kremlin Says U.S. Strikes on Iran Would Destabilise the Region');
    expect(readableCase('UN AND EU URGE RESTRAINT AS BBC REPORTS G7 SPLIT')).toBe('UN and EU Urge Restraint as BBC Reports G7 Split');
  });

  it('capitalises a small word that opens the title or follows a colon', () => {
    expect(readableCase('IN FOCUS: THE COST OF WAR')).toBe('In Focus: The Cost of War');
  });

  it('keeps possessives readable', () => {
    expect(readableCase("RUSSIA'S CAUTIOUS STANCE")).toBe("Russia's Cautious Stance");
  });
});

describe('isAllCaps', () => {
  it('tells capitals-only text from mixed case and short acronyms', () => {
    expect(isAllCaps('RUSSIA DISTANCES ITSELF')).toBe(true);
    expect(isAllCaps('Russia distances itself')).toBe(false);
    expect(isAllCaps('UN')).toBe(false);
    expect(isAllCaps('NATO, 2024')).toBe(true);
  });
});
