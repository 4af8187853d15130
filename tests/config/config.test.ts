/** The `search` config key: a boolean, on by default, set by the config file or the --no-search flag (later layers win). */
import { describe, expect, it } from 'vitest';
import { resolveConfig, validateUserConfig } from '../../src/config/config.ts';
import { BroadsheetError } from '../../src/errors.ts';

describe('the search setting', () => {
  it('is on unless a layer turns it off, and the last layer wins', () => {
    expect(resolveConfig('/site').search).toBe(true);
    expect(resolveConfig('/site', { search: false }).search).toBe(false);
    expect(resolveConfig('/site', { search: false }, { search: true }).search).toBe(true);
    expect(resolveConfig('/site', { search: false }, { pageSize: 5 }).search).toBe(false);
  });

  it('accepts a boolean from the config file and rejects anything else, naming the key', () => {
    expect(validateUserConfig({ search: false, title: 'Clippings' }, 'broadsheet.config.json')).toEqual({ search: false, title: 'Clippings' });
    for (const value of ['no', 0, null]) {
      expect(() => validateUserConfig({ search: value }, 'broadsheet.config.json')).toThrow(BroadsheetError);
      expect(() => validateUserConfig({ search: value }, 'broadsheet.config.json')).toThrow(/config key "search" must be a boolean/);
    }
  });
});
