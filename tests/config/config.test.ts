/** Config keys with rules of their own: `search` (a boolean, on by default, the --no-search flag) and `searchShardSize` (a whole number); later layers win. */
import { describe, expect, it } from 'vitest';
import { resolveConfig, validateUserConfig } from '../../src/config/config.ts';
import { BroadsheetError } from '../../src/errors.ts';
import { SEARCH_SHARD_SIZE } from '../../src/outputs/search-shards.ts';

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

describe('the search shard size', () => {
  it('defaults to SEARCH_SHARD_SIZE, and a later layer wins', () => {
    expect(resolveConfig('/site').searchShardSize).toBe(SEARCH_SHARD_SIZE);
    expect(resolveConfig('/site', { searchShardSize: 8192 }).searchShardSize).toBe(8192);
    expect(resolveConfig('/site', { searchShardSize: 8192 }, { searchShardSize: 512 }).searchShardSize).toBe(512);
  });

  it('must be a whole number of at least 1, named in the error', () => {
    for (const value of [0, -2048, 1.5, Number.NaN]) {
      expect(() => resolveConfig('/site', { searchShardSize: value })).toThrow(/searchShardSize must be a whole number of at least 1/);
    }
    expect(() => validateUserConfig({ searchShardSize: '2048' }, 'broadsheet.config.json')).toThrow(/config key "searchShardSize" must be a number/);
  });
});
