/** Config keys with rules of their own: `search` (a boolean, on by default, the --no-search flag) and `searchShardSize` (a whole number); later layers win. The config file's syntax errors. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_FILE, readUserConfig, resolveConfig, validateUserConfig, type UserConfig } from '../../src/config/config.ts';
import { BroadsheetError } from '../../src/errors.ts';
import { SEARCH_SHARD_SIZE } from '../../src/outputs/search-shards.ts';
import { tempDir } from '../hostile/hostile-site.ts';

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

describe('the config file', () => {
  /** What readUserConfig makes of a config file holding `text`. */
  async function readConfigText(text: string): Promise<UserConfig | BroadsheetError> {
    const dir = await tempDir('config');
    await writeFile(path.join(dir, CONFIG_FILE), text);
    return readUserConfig(dir).catch((error: unknown) => error as BroadsheetError);
  }

  /** Expects each config text refused with its line: the error as the CLI prints it. */
  async function expectRefused(cases: ReadonlyArray<readonly [text: string, line: string]>): Promise<void> {
    for (const [text, line] of cases) {
      const error = await readConfigText(text);
      expect(error, text).toBeInstanceOf(BroadsheetError);
      expect(String(error), text).toBe(line);
    }
  }

  it('is read with a byte order mark, as Notepad saves it', async () => {
    expect(await readConfigText('\uFEFF{ "title": "Clippings" }\n')).toEqual({ title: 'Clippings' });
  });

  it('is refused with the line and column of its first syntax error, in words', async () => {
    // Before: "Expected double-quoted property name in JSON at position 38", or a snippet of the text over two lines.
    const cases: Array<[string, string]> = [
      ['{\n  "title": "Clippings",\n  "pageSize": 10,\n}\n', 'broadsheet.config.json:4: the config file is not valid JSON: a key in double quotes expected (a comma after the last entry?) (column 1)'],
      ['{\n  // the archive\'s name\n  "title": "Clippings"\n}\n', 'broadsheet.config.json:2: the config file is not valid JSON: JSON has no comments (column 3)'],
      ['{\n  "title": "Clippings"\n  "pageSize": 10\n}\n', 'broadsheet.config.json:3: the config file is not valid JSON: comma expected (column 3)'],
      ['{\n  "search": False\n}\n', 'broadsheet.config.json:2: the config file is not valid JSON: unexpected character (strings and keys take double quotes; true, false and null are lower case) (column 13)'],
    ];
    await expectRefused(cases);
  });

  it('names the line of a wrong key or value, and the key likely meant, a peer’s name included', async () => {
    const known = '(known keys: title, description, language, seeds, content, out, templates, basePath, siteUrl, pageSize, homeSize, search, searchShardSize, drafts)';
    const cases: Array<[string, string]> = [
      ['{\n  "title": "Clippings",\n  "seed": "clippings"\n}\n', `broadsheet.config.json:3: unknown config key "seed"; did you mean "seeds"? ${known}`],
      // Hugo's baseURL is the site's address; Jekyll's baseurl its path; Eleventy's output the folder.
      ['{\n  "baseURL": "https://example.org/"\n}\n', `broadsheet.config.json:2: unknown config key "baseURL"; did you mean "siteUrl"? ${known}`],
      ['{ "title": "x",\n\n  "baseurl": "/news"\n}\n', `broadsheet.config.json:3: unknown config key "baseurl"; did you mean "basePath"? ${known}`],
      ['{\n  "output": "public"\n}\n', `broadsheet.config.json:2: unknown config key "output"; did you mean "out"? ${known}`],
      ['{\n  "theme": "dark"\n}\n', `broadsheet.config.json:2: unknown config key "theme" ${known}`],
      ['{\n  "title": "Clippings",\n\n  "pageSize": "10"\n}\n', 'broadsheet.config.json:4: config key "pageSize" must be a number, not "10"'],
      // A key written twice: JSON.parse keeps the last, which is the one named.
      ['{\n  "pageSize": 10,\n  "pageSize": "ten"\n}\n', 'broadsheet.config.json:3: config key "pageSize" must be a number, not "ten"'],
    ];
    await expectRefused(cases);
  });
});
