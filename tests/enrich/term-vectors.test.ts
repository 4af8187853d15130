/** The terms an article gives relate (articleTerms), checked against a plain regular-expression count on the BBC business desk; and the archive's table of them (TermTable). */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/content/article.ts';
import { enrichArticle } from '../../src/enrich/enrich-article.ts';
import { articleTerms, ENTITY_PREFIX, releaseArticleReading, TERM_SEPARATOR, TermTable, type VectorJob, vectorsOf, weighVectors } from '../../src/enrich/term-vectors.ts';
import { BBC_DIR, parseSeedFile } from './fixtures.ts';

const desk = readdirSync(path.join(BBC_DIR, 'business')).sort().map((f) => enrichArticle(parseSeedFile(BBC_DIR, `business/${f}`)));

/** What articleTerms should give, counted the slow and obvious way: words (letters, marks, digits) of three or more units not starting with a digit, in first-seen order, then entity keys. */
function expectedTerms(article: Article): { terms: string[]; counts: number[] } {
  const counts = new Map<string, number>();
  for (const [word] of `${article.title}\n${article.bodyText}`.toLowerCase().matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    if (word.length >= 3 && !/^[0-9]/.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  for (const [kind, list] of [['p', article.people], ['o', article.organizations], ['l', article.places]] as const) {
    for (const e of list) counts.set(`${ENTITY_PREFIX}${kind}${e.slug}`, (counts.get(`${ENTITY_PREFIX}${kind}${e.slug}`) ?? 0) + e.mentions);
  }
  return { terms: [...counts.keys()], counts: [...counts.values()] };
}

describe('articleTerms', () => {
  it('counts every word and entity of each article once, in the order first met, whatever was read before', () => {
    for (const article of desk) {
      const read = articleTerms(article);
      expect({ terms: read.terms.split(TERM_SEPARATOR), counts: read.counts }).toEqual(expectedTerms(article));
      // Kept in the article cache as JSON, where a string without escapes parses fastest.
      expect(JSON.stringify(read.terms)).toBe(`"${read.terms}"`);
    }
    // The corpus's article with the most distinct words has more than the per-article table first holds (512), so its growth is covered.
    const longest = enrichArticle(parseSeedFile(BBC_DIR, 'politics/terror-powers-expose-tyranny.txt'));
    const read = articleTerms(longest);
    expect(read.counts.length).toBeGreaterThan(1024);
    expect({ terms: read.terms.split(TERM_SEPARATOR), counts: read.counts }).toEqual(expectedTerms(longest));
  });

  it('keeps a word whole across its marks: Devanagari writes vowels with them', () => {
    const text = 'भारत की अर्थव्यवस्था तेज़ी से बढ़ी। विशेषज्ञों के अनुसार अर्थव्यवस्था अगले वर्ष भी बढ़ेगी।';
    const article: Article = { ...desk[0]!, title: 'भारत की अर्थव्यवस्था', bodyText: text, people: [], places: [], organizations: [] };
    const read = articleTerms(article);
    const terms = read.terms.split(TERM_SEPARATOR);
    expect(terms).toEqual(expectedTerms(article).terms);
    // Split at its vowel signs it was "अर", "थव", "यवस", "थ" (and every piece under three units dropped).
    expect(terms).toContain('अर्थव्यवस्था');
    expect(read.counts[terms.indexOf('अर्थव्यवस्था')]).toBe(3);
  });

  it('adds up an entity key listed twice (two declared names with one slug) as one term', () => {
    const article = desk.find((a) => a.people.length > 0)!;
    const person = article.people[0]!;
    const twice: Article = { ...article, people: [person, { ...person, name: person.name.toUpperCase(), mentions: 1 }] };
    const read = articleTerms(twice);
    const terms = read.terms.split(TERM_SEPARATOR);
    const key = `${ENTITY_PREFIX}p${person.slug}`;
    expect(terms.filter((t) => t === key)).toHaveLength(1);
    expect(read.counts[terms.indexOf(key)]).toBe(person.mentions + 1);
  });

  it('reads as before once its scratch, grown by a long article, is let go', () => {
    const longest = enrichArticle(parseSeedFile(BBC_DIR, 'politics/terror-powers-expose-tyranny.txt'));
    const before = articleTerms(longest);
    releaseArticleReading();
    // The first read after the release starts from the first sizes and grows again.
    expect(articleTerms(longest)).toEqual(before);
    expect({ terms: before.terms.split(TERM_SEPARATOR), counts: before.counts }).toEqual(expectedTerms(longest));
  });
});

/** A table's vectors and what weighed them, as plain lists to compare: each row's term ids and counts, the terms' df and idf, the vectors. */
function tableOf(job: VectorJob): unknown {
  weighVectors(job)(0, job.rowChunk.length);
  const rows = Array.from(job.rowChunk, (chunk, a) => {
    const { ids, counts } = job.chunks[chunk]!;
    return [Array.from(ids.subarray(job.rowStart[a], job.rowEnd[a])), Array.from(counts.subarray(job.rowStart[a], job.rowEnd[a]))];
  });
  const vectors = vectorsOf(job);
  return { rows, df: Array.from(job.df), idf: Array.from(job.idf), longest: job.longest, starts: Array.from(vectors.starts), features: Array.from(vectors.features), weights: Array.from(vectors.weights) };
}

describe('TermTable.reorder', () => {
  const read = desk.map((article) => articleTerms(article));
  const inOrder = new TermTable();
  for (const terms of read) inOrder.addTerms(terms);
  const expected = tableOf(inOrder.vectorJob());

  it('makes, from rows added in any order, the table of those rows added in the order given: same term numbers, counts and vectors', () => {
    // Arrival order: every third article first, then the rest backwards; and a row no one asks for (a file dropped as a repeat).
    const arrival = [...desk.keys()].filter((i) => i % 3 === 0).concat([...desk.keys()].filter((i) => i % 3 !== 0).reverse());
    const table = new TermTable();
    const rowOf = new Map<number, number>();
    table.addTerms(articleTerms(enrichArticle(parseSeedFile(BBC_DIR, 'politics/terror-powers-expose-tyranny.txt'))));
    arrival.forEach((i, row) => {
      table.addTerms(read[i]!);
      rowOf.set(i, row + 1);
    });
    const shuffled = tableOf(table.vectorJob());
    // Numbered in arrival order, the same rows make other term ids, so the check below could fail.
    expect(shuffled).not.toEqual(expected);
    const reordered = new TermTable();
    arrival.forEach((i) => reordered.addTerms(read[i]!));
    reordered.addTerms(articleTerms(enrichArticle(parseSeedFile(BBC_DIR, 'politics/terror-powers-expose-tyranny.txt'))));
    reordered.reorder(desk.map((_, i) => arrival.indexOf(i)));
    expect(tableOf(reordered.vectorJob())).toEqual(expected);
    table.reorder(desk.map((_, i) => rowOf.get(i)!));
    expect(tableOf(table.vectorJob())).toEqual(expected);
  });

  it('refuses a row named twice or out of range, and takes no rows after', () => {
    const table = new TermTable();
    for (const terms of read.slice(0, 3)) table.addTerms(terms);
    const before = tableOf(table.vectorJob());
    expect(() => table.reorder([2, 1, 1])).toThrow(/row 1/);
    // Refused before any row was renumbered.
    expect(tableOf(table.vectorJob())).toEqual(before);
    expect(() => new TermTable().reorder([0])).toThrow(/row 0/);
    const done = new TermTable();
    done.addTerms(read[0]!);
    done.reorder([0]);
    expect(() => done.addTerms(read[1]!)).toThrow(/after reorder/);
  });
});
