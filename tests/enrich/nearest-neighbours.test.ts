/** The nearest-neighbour search on the BBC business desk: rows searched in any order, by any thread, in shared memory, are the same neighbours. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { enrichArticle } from '../../src/enrich/enrich-article.ts';
import { compressRows, nearestNeighbours, neighbourIndex, neighbourRows, postingCap, searchNeighbours } from '../../src/enrich/nearest-neighbours.ts';
import { type Allocate, TermTable } from '../../src/enrich/term-vectors.ts';
import { BBC_DIR, parseSeedFile } from './fixtures.ts';

const desk = readdirSync(path.join(BBC_DIR, 'business')).sort().map((f) => enrichArticle(parseSeedFile(BBC_DIR, `business/${f}`)));
const table = new TermTable();
for (const article of desk) table.add(article);
const vectors = table.vectors();
// Every seventh article left out, as near-copies are: they neither search nor are found.
const active = (i: number): boolean => i % 7 !== 3;
const K = 10;

describe('nearestNeighbours', () => {
  const whole = nearestNeighbours(vectors, K, 0.01, active);

  it('finds neighbours for the active articles only, among the active articles only, best first', () => {
    const n = desk.length;
    for (let a = 0; a < n; a++) {
      const row = whole.indexes.subarray(whole.starts[a]!, whole.starts[a + 1]!);
      if (!active(a)) expect(row.length).toBe(0);
      for (const other of row) expect(active(other) && other !== a).toBe(true);
      const similarities = whole.similarities.subarray(whole.starts[a]!, whole.starts[a + 1]!);
      for (let r = 1; r < similarities.length; r++) expect(similarities[r]!).toBeLessThanOrEqual(similarities[r - 1]!);
    }
    expect(whole.indexes.length).toBeGreaterThan(n * 0.8 * 5);
  });

  it('gives the same rows searched in chunks, last chunk first, on shared memory', () => {
    const shared: Allocate = {
      int32: (length) => new Int32Array(new SharedArrayBuffer(4 * length)),
      float64: (length) => new Float64Array(new SharedArrayBuffer(8 * length)),
      uint8: (length) => new Uint8Array(new SharedArrayBuffer(length)),
    };
    const sharedVectors = new TermTable();
    for (const article of desk) sharedVectors.add(article);
    const index = neighbourIndex(sharedVectors.vectors(shared), K, 0.01, active, shared);
    expect(index.postingArticles.buffer).toBeInstanceOf(SharedArrayBuffer);
    const rows = neighbourRows(index, shared);
    const search = searchNeighbours(index, rows);
    const n = desk.length;
    for (let from = Math.floor((n - 1) / 37) * 37; from >= 0; from -= 37) search(from, Math.min(n, from + 37));
    const chunked = compressRows(rows, K);
    expect(Array.from(chunked.starts)).toEqual(Array.from(whole.starts));
    expect(Array.from(chunked.indexes)).toEqual(Array.from(whole.indexes));
    expect(Array.from(chunked.similarities)).toEqual(Array.from(whole.similarities));
  });

  it('posts only the features that gather candidates: in 2 to postingCap(n) active articles', () => {
    const index = neighbourIndex(vectors, K, 0.01, active);
    const { postingStarts, usable } = index;
    let features = 0;
    for (let a = 0; a < desk.length; a++) if (active(a)) features += vectors.starts[a + 1]! - vectors.starts[a]!;
    for (let f = 0; f < vectors.featureRange; f++) {
      const length = postingStarts[f + 1]! - postingStarts[f]!;
      if (usable[f]) expect(length >= 2 && length <= postingCap(desk.length)).toBe(true);
      else expect(length).toBe(0);
    }
    // The common features left out are a real share of all features (so their lists are worth not making).
    expect(index.postingArticles.length).toBeLessThan(features * 0.9);
    expect(index.postingArticles.length).toBeGreaterThan(0);
  });
});
