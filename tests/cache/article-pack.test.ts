/** The article cache's pack files and index: entries found by key after a reopen, read by byte offset, pruned by pack. */
import { copyFile, mkdir, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleCache } from '../../src/cache/article-cache.ts';
import { appendEntries, bodyRef, PACKS_DIR, readBody, readMetas, readMetasAndTerms, readSlices, termsSlice, type EntryLocation } from '../../src/cache/article-pack.ts';
import { discoverInputs } from '../../src/content/input-file.ts';
import { runArticleTask, type ArticleOutcome } from '../../src/pool/article-task.ts';
import { bbcText, REAL_SEEDS, tempDir } from '../hostile/hostile-site.ts';

/** Real text with characters of two and three bytes in UTF-8, so byte offsets differ from string offsets. */
async function realEntries(): Promise<Array<{ meta: string; terms: string; body: string }>> {
  const texts = [await bbcText(), await bbcText('business', 'ad-sales-boost-time-warner-profit.txt'), `${await bbcText()} — £5bn, “quoted”, Zürich`];
  return texts.map((text) => ({ meta: JSON.stringify({ headline: text.split('\n', 1)[0] }), terms: JSON.stringify([text.slice(0, 200).toLowerCase(), [1, 2, 3]]), body: JSON.stringify(text) }));
}

describe('article packs', () => {
  it('reads back every entry appended in batches, by byte offset, with non-ASCII text', async () => {
    const dir = await tempDir('packs');
    const entries = await realEntries();
    const first = appendEntries(dir, entries.slice(0, 2));
    const second = appendEntries(dir, entries.slice(2));
    const locations = [...first, ...second];
    // One thread writes one pack, whatever the number of batches.
    expect(new Set(locations.map((l) => l[0])).size).toBe(1);
    locations.forEach((location, i) => {
      expect(readMetas(dir, [location])).toEqual([entries[i]!.meta]);
      expect(readSlices([termsSlice(path.join(dir, PACKS_DIR), location)])).toEqual([entries[i]!.terms]);
      expect(readMetasAndTerms(dir, [location])).toEqual([[entries[i]!.meta, entries[i]!.terms]]);
      const ref = bodyRef(path.join(dir, PACKS_DIR), `key${i}`, location);
      // A page's change key takes the reference's base name: the entry's key, not where it is stored.
      expect(path.basename(ref)).toBe(`key${i}`);
      expect(readBody(ref)).toBe(JSON.parse(entries[i]!.body));
    });
  });

  it('reads a batch of entries from several packs in their order, with null for a pack gone or cut short', async () => {
    const dir = await tempDir('packs-batch');
    const entries = await realEntries();
    const locations = appendEntries(dir, entries);
    const pack = locations[0]![0];
    await copyFile(path.join(dir, PACKS_DIR, pack), path.join(dir, PACKS_DIR, 'copy.pack'));
    await truncate(path.join(dir, PACKS_DIR, 'copy.pack'), locations[2]![1] + 5);
    const elsewhere = (l: EntryLocation, name: string): EntryLocation => [name, l[1], l[2], l[3], l[4]];
    const batch = [locations[2]!, elsewhere(locations[0]!, 'copy.pack'), elsewhere(locations[1]!, 'gone.pack'), locations[0]!, elsewhere(locations[2]!, 'copy.pack'), locations[1]!];
    expect(readMetas(dir, batch)).toEqual([entries[2]!.meta, entries[0]!.meta, null, entries[0]!.meta, null, entries[1]!.meta]);
    // An entry whose metadata line is whole but whose terms line is cut short is a miss too: the terms are read later, elsewhere.
    const [, offset, metaLength] = locations[1]!;
    await truncate(path.join(dir, PACKS_DIR, 'copy.pack'), offset + metaLength + 3);
    expect(readMetas(dir, [elsewhere(locations[0]!, 'copy.pack'), elsewhere(locations[1]!, 'copy.pack')])).toEqual([entries[0]!.meta, null]);
    expect(readMetasAndTerms(dir, [elsewhere(locations[0]!, 'copy.pack'), elsewhere(locations[1]!, 'copy.pack')])).toEqual([[entries[0]!.meta, entries[0]!.terms], null]);
    expect(readSlices([termsSlice(path.join(dir, PACKS_DIR), elsewhere(locations[1]!, 'copy.pack'))])).toEqual([null]);
    // So is one whose body line is cut short (before, a hit, whose page or search record then failed).
    const [, , , termsLength, bodyLength] = locations[1]!;
    await copyFile(path.join(dir, PACKS_DIR, pack), path.join(dir, PACKS_DIR, 'copy.pack'));
    await truncate(path.join(dir, PACKS_DIR, 'copy.pack'), offset + metaLength + termsLength + bodyLength + 2);
    expect(readMetas(dir, [elsewhere(locations[0]!, 'copy.pack'), elsewhere(locations[1]!, 'copy.pack')])).toEqual([entries[0]!.meta, null]);
    expect(readMetasAndTerms(dir, [elsewhere(locations[1]!, 'copy.pack')])).toEqual([null]);
  });

  it('gives null, not an error, for entries of a pack that opens but cannot be read', async () => {
    const dir = await tempDir('packs-unreadable');
    const entries = await realEntries();
    const locations = appendEntries(dir, entries);
    // A folder opens read-only, then each read fails (EISDIR), as a read error on a failing disk would.
    await mkdir(path.join(dir, PACKS_DIR, 'folder.pack'));
    const [, offset, metaLength, termsLength, bodyLength] = locations[1]!;
    expect(readMetas(dir, [locations[0]!, ['folder.pack', offset, metaLength, termsLength, bodyLength], locations[2]!])).toEqual([entries[0]!.meta, null, entries[2]!.meta]);
  });
});

describe('a batch larger than the kept scratch buffer', () => {
  it('reads back whole when written past the cap of the kept scratch buffer, between batches that fit it', async () => {
    const dir = await tempDir('packs-large');
    const [small] = await realEntries();
    // ~2.5 MB of real text: 3x its length is above the 4 MiB kept between batches.
    const text = (await bbcText()).repeat(1000);
    const large = { meta: small!.meta, terms: small!.terms, body: JSON.stringify(text) };
    const locations = [...appendEntries(dir, [small!]), ...appendEntries(dir, [large]), ...appendEntries(dir, [small!])];
    expect(readMetas(dir, locations)).toEqual([small!.meta, large.meta, small!.meta]);
    expect(locations.map((l, i) => readBody(bodyRef(path.join(dir, PACKS_DIR), `key${i}`, l)))).toEqual([JSON.parse(small!.body), text, JSON.parse(small!.body)]);
  });
});

describe('a cache folder deleted between two builds of one process (npm run serve)', () => {
  it('is made again by the next append', async () => {
    const dir = await tempDir('packs-deleted');
    const entries = await realEntries();
    appendEntries(dir, entries.slice(0, 1));
    await rm(dir, { recursive: true, force: true });
    const [location] = appendEntries(dir, entries.slice(1, 2));
    expect(readMetas(dir, [location!])).toEqual([entries[1]!.meta]);
  });
});

describe('ArticleCache', () => {
  it('finds a build’s entries after a reopen, misses a cut-short pack, and prunes packs no kept entry is in', async () => {
    const dir = await tempDir('article-cache');
    const { inputs } = await discoverInputs(REAL_SEEDS, path.join(REAL_SEEDS, 'no-content'));
    const results = runArticleTask({ inputs, cacheDir: dir, salt: 'salt' });
    const cache = await ArticleCache.open(dir, 'salt');
    for (const result of results) if (result.stored !== null) cache.record(result.stored.key, result.stored.location);
    await cache.saveIndex();
    // An older layout's entry beside the packs, and a pack left by another process: both unreferenced after the prune below.
    await mkdir(path.join(dir, 'ab'), { recursive: true });
    await writeFile(path.join(dir, 'ab', 'ab12.json'), '{}');
    await writeFile(path.join(dir, PACKS_DIR, '1-1-gone.pack'), `${results[0]!.meta}\n${results[0]!.terms}\n""\n`);

    const reopened = await ArticleCache.open(dir, 'salt');
    const keys = results.map((r) => r.stored!.key);
    expect(keys).toHaveLength(inputs.length);
    for (const [i, input] of inputs.entries()) {
      const outcome = JSON.parse(results[i]!.meta) as ArticleOutcome;
      if (!outcome.ok) throw new Error(`${input.relativePath} should parse`);
      expect(reopened.keyFor(input, outcome.article.contentHash)).toBe(keys[i]);
      expect(reopened.metas([keys[i]!])[0]).toBe(results[i]!.meta);
    }
    // Another salt (changed code) gives other keys: every entry a miss.
    const other = await ArticleCache.open(dir, 'other salt');
    const outcome = JSON.parse(results[0]!.meta) as ArticleOutcome;
    if (!outcome.ok) throw new Error('should parse');
    expect(other.metas([other.keyFor(inputs[0]!, outcome.article.contentHash)])[0]).toBeNull();

    // One entry under a new salt, then a prune that keeps only it: the other process's pack and the old layout go.
    const [extra] = runArticleTask({ inputs: inputs.slice(0, 1), cacheDir: dir, salt: 'another' });
    const later = await ArticleCache.open(dir, 'another');
    later.record(extra!.stored!.key, extra!.stored!.location);
    expect(await later.prune(new Set([extra!.stored!.key]))).toBe(2);
    expect((await readdir(dir)).sort()).toEqual(['index.json', PACKS_DIR]);
    expect(await readdir(path.join(dir, PACKS_DIR))).toEqual([extra!.stored!.location[0]]);
    const pruned = await ArticleCache.open(dir, 'another');
    expect(pruned.locate(keys[0]!)).toBeUndefined();
    expect(pruned.metas([extra!.stored!.key])[0]).toBe(extra!.meta);

    // A pack cut short (a killed build, a full disk) is a miss, not an error.
    await truncate(path.join(dir, PACKS_DIR, extra!.stored!.location[0]), 10);
    expect((await ArticleCache.open(dir, 'another')).metas([extra!.stored!.key])[0]).toBeNull();
  });
  it('keeps the entries another build sharing the folder saved since this one opened it, and its own', async () => {
    const dir = await tempDir('article-cache-shared');
    const { inputs } = await discoverInputs(REAL_SEEDS, path.join(REAL_SEEDS, 'no-content'));
    const [first, second, zero] = runArticleTask({ inputs: inputs.slice(0, 3), cacheDir: dir, salt: 'salt' });
    // An index already there when both open: the one saved last must still read the other's entry.
    const earlier = await ArticleCache.open(dir, 'salt');
    earlier.record(zero!.stored!.key, zero!.stored!.location);
    await earlier.saveIndex();
    const mine = await ArticleCache.open(dir, 'salt');
    const theirs = await ArticleCache.open(dir, 'salt');
    theirs.record(first!.stored!.key, first!.stored!.location);
    await theirs.saveIndex();
    // Saved after the other build: its index was written since this cache read it, so it is read again and kept.
    mine.record(second!.stored!.key, second!.stored!.location);
    await mine.saveIndex();
    const both = await ArticleCache.open(dir, 'salt');
    expect(both.metas([zero!.stored!.key, first!.stored!.key, second!.stored!.key])).toEqual([zero!.meta, first!.meta, second!.meta]);
    // A body reference names the same file whatever the folder's spelling (a trailing "./"), and reads the body back.
    const [pack, offset, metaLength, termsLength, bodyLength] = second!.stored!.location;
    const spelled = await ArticleCache.open(`${dir}${path.sep}.${path.sep}`, 'salt');
    const ref = spelled.bodyRef(second!.stored!.key, second!.stored!.location);
    expect(ref).toBe(path.join(dir, PACKS_DIR, `${pack}@${offset + metaLength + termsLength + 2}+${bodyLength}`, second!.stored!.key));
    expect(readBody(ref)).toBe(readBody(bodyRef(path.join(dir, PACKS_DIR), second!.stored!.key, second!.stored!.location)));
    // Saved again with nothing written meanwhile: what it read at open and what it stored since, nothing lost.
    await both.saveIndex();
    expect((await ArticleCache.open(dir, 'salt')).metas([zero!.stored!.key, first!.stored!.key, second!.stored!.key])).toEqual([zero!.meta, first!.meta, second!.meta]);
  });
});
