/** Terms counted on a thread of their own as articles load (TermCounter): the table, and the relations, of terms read in the archive's order. */
import { readdirSync } from 'node:fs';
import { truncate } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { enrichArticle } from '../../src/enrich/enrich-article.ts';
import { relateArticles, relateArticlesShared } from '../../src/enrich/relate-articles.ts';
import { articleTerms, termsJson, TermTable, type VectorJob, vectorsOf, weighVectors } from '../../src/enrich/term-vectors.ts';
import { inputKey } from '../../src/cache/article-bodies.ts';
import { TermCounter } from '../../src/pool/term-counter.ts';
import { termsCounted, termsKeptHere } from '../../src/pool/kept-terms.ts';
import { BBC_DIR, parseSeedFile } from '../enrich/fixtures.ts';
import { appendEntries, PACKS_DIR, termsSlice } from '../../src/cache/article-pack.ts';
import { tempDir } from '../hostile/hostile-site.ts';

const desk = readdirSync(path.join(BBC_DIR, 'tech')).sort().map((f) => enrichArticle(parseSeedFile(BBC_DIR, `tech/${f}`)));
const read = desk.map((article) => articleTerms(article));
/** Arrival order: loaded in batches at once, articles come in any order; here every other one first, then the rest backwards. */
const arrival = [...desk.keys()].filter((i) => i % 2 === 0).concat([...desk.keys()].filter((i) => i % 2 === 1).reverse());
const closing: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(closing.splice(0).map((c) => c.close()));
});

/** The vectors a job weighs, as plain lists. */
function weighed(job: VectorJob): unknown {
  weighVectors(job)(0, job.rowChunk.length);
  const { starts, features, weights } = vectorsOf(job);
  return { df: Array.from(job.df), starts: Array.from(starts), features: Array.from(features), weights: Array.from(weights) };
}

describe('TermCounter', () => {
  it('counts on its thread, in batches, articles in any order, and gives the table of the order asked for, in shared memory', async () => {
    const counter = new TermCounter();
    closing.push(counter);
    // More articles than a batch (256), so batches come in turn.
    const rows = arrival.map((i) => counter.add(termsJson(read[i]!)));
    expect(rows).toEqual([...arrival.keys()]);
    const job = await counter.vectorJob(Int32Array.from(desk.keys(), (i) => arrival.indexOf(i)));
    expect(job.df.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(job.chunks[0]!.ids.buffer).toBeInstanceOf(SharedArrayBuffer);
    const here = new TermTable();
    for (const terms of read) here.addTerms(terms);
    expect(weighed(job)).toEqual(weighed(here.vectorJob()));
  });
});

describe('TermCounter with cached articles', () => {
  it('reads the terms of articles in the article cache from their packs itself, in turn with terms given as JSON', async () => {
    const dir = await tempDir('counter-packs');
    // Every other article stored (as a rebuild finds it cached), the rest given as JSON (as parsed in this build).
    const stored = arrival.filter((_, k) => k % 2 === 0);
    const locations = appendEntries(dir, stored.map((i) => ({ meta: '{}', terms: termsJson(read[i]!), body: '""' })));
    const slices = new Map(stored.map((i, j) => [i, termsSlice(path.join(dir, PACKS_DIR), locations[j]!)]));
    const counter = new TermCounter();
    closing.push(counter);
    arrival.forEach((i) => counter.add(slices.get(i) ?? termsJson(read[i]!)));
    const job = await counter.vectorJob(Int32Array.from(desk.keys(), (i) => arrival.indexOf(i)));
    const here = new TermTable();
    for (const terms of read) here.addTerms(terms);
    expect(weighed(job)).toEqual(weighed(here.vectorJob()));
  });

  it('fails the job, naming the pack, when a cached article’s terms are gone', async () => {
    const dir = await tempDir('counter-packs-gone');
    const [location] = appendEntries(dir, [{ meta: '{}', terms: termsJson(read[0]!), body: '""' }]);
    const slice = termsSlice(path.join(dir, PACKS_DIR), location!);
    await truncate(slice[0], slice[1] + 2);
    const counter = new TermCounter();
    closing.push(counter);
    counter.add(slice);
    await expect(counter.vectorJob(Int32Array.of(0))).rejects.toThrow(/article cache changed during the build.*pack/);
  });
});

describe('termsCounted', () => {
  it('relates the articles as reading their terms on this thread does, whatever order they loaded in, leaving out those relate is not given', async () => {
    const kept = termsCounted();
    closing.push(kept);
    for (const i of arrival) kept.keep(inputKey(desk[i]!), read[i]!.signature, termsJson(read[i]!));
    // The first article is left out, as a repeated file is: its terms were counted but it is no article of the archive.
    const archive = desk.slice(1);
    const relations = await relateArticlesShared(archive, kept.source, null);
    const alone = relateArticles(archive);
    expect([...relations.related]).toEqual([...alone.related]);
    expect(JSON.stringify(relations.articles)).toBe(JSON.stringify(alone.articles));
  });

  it('names the file of an article whose terms were never kept', async () => {
    const kept = termsCounted();
    closing.push(kept);
    kept.keep(inputKey(desk[0]!), read[0]!.signature, termsJson(read[0]!));
    await expect(relateArticlesShared(desk.slice(0, 2), kept.source, null)).rejects.toMatchObject({ file: desk[1]!.sourceFile });
  });
});

describe('termsKeptHere', () => {
  it('relates the articles as reading their terms does, each article\'s terms let go once read', async () => {
    const kept = termsKeptHere();
    closing.push(kept);
    for (const i of arrival) kept.keep(inputKey(desk[i]!), read[i]!.signature, termsJson(read[i]!));
    const relations = await relateArticlesShared(desk, kept.source, null);
    const alone = relateArticles(desk);
    expect([...relations.related]).toEqual([...alone.related]);
    expect(JSON.stringify(relations.articles)).toBe(JSON.stringify(alone.articles));
    // Read once: a second relate over the same articles finds none of their terms.
    await expect(relateArticlesShared(desk, kept.source, null)).rejects.toMatchObject({ file: desk[0]!.sourceFile });
  });

  it('takes terms only as JSON: where they are in the article cache is for the counting thread', () => {
    const kept = termsKeptHere();
    closing.push(kept);
    expect(kept.readsCache).toBe(false);
    expect(() => kept.keep(inputKey(desk[0]!), read[0]!.signature, ['packs/0', 0, 10])).toThrow(/must come as JSON/);
  });
});
