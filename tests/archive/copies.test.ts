/** Near-copies of one wire story in the archive: a page each, but each story listed and counted once. */
import { describe, expect, it } from 'vitest';
import type { Archive } from '../../src/archive/archive.ts';
import { buildArchive } from '../../src/archive/build-archive.ts';
import { originalOf } from '../../src/archive/original-of.ts';
import { COPY, ORIGINAL, OTHERS, WITH_COPY } from './wire-copies.ts';

const archive = buildArchive(WITH_COPY, new Map());
const [spy, nuclear, consensus, absa] = OTHERS as [(typeof OTHERS)[number], (typeof OTHERS)[number], (typeof OTHERS)[number], (typeof OTHERS)[number]];
const termIds = (a: Archive, taxonomy: keyof Archive['terms'], slug: string): readonly string[] | undefined => a.terms[taxonomy].find((t) => t.slug === slug)?.articleIds;

describe('an archive with a near-copy', () => {
  it('keeps every article (each gets a page) but lists the copy under its original only', () => {
    expect(COPY.duplicateOf).toBe(ORIGINAL.id);
    expect(archive.articles.map((a) => a.id)).toContain(COPY.id);
    expect(archive.articles).toHaveLength(WITH_COPY.length);
    expect(archive.listed).toEqual([consensus.id, ORIGINAL.id, nuclear.id, spy.id, absa.id]);
    expect(archive.copies.get(ORIGINAL.id)).toEqual([COPY.id]);
    expect(archive.copies.has(COPY.id)).toBe(false);
  });

  it('leaves the copy out of the terms its original is in, so each story counts once there', () => {
    expect(termIds(archive, 'topics', 'economy')).toEqual([consensus.id, ORIGINAL.id, nuclear.id]);
    expect(termIds(archive, 'topics', 'china')).toEqual([ORIGINAL.id]);
    expect(termIds(archive, 'places', 'beijing')).toEqual([ORIGINAL.id]);
    expect(termIds(archive, 'sources', 'bbc-news')).toEqual([consensus.id, ORIGINAL.id, nuclear.id, spy.id]);
  });

  it('keeps the copy where it is the story’s only article: its own source and a topic only it has', () => {
    expect(termIds(archive, 'sources', 'bbc-world-service')).toEqual([COPY.id]);
    expect(termIds(archive, 'topics', 'asia')).toEqual([COPY.id]);
  });

  it('files the story once in the timeline, under its original’s date', () => {
    expect(archive.years.map((y) => [y.year, y.count, y.months.map((m) => m.articleIds)])).toEqual([['2005', 4, [[consensus.id, ORIGINAL.id, nuclear.id, spy.id]]]]);
    const nextMonth = buildArchive([...OTHERS, ORIGINAL, { ...COPY, date: '2005-02-02' }], new Map());
    expect(nextMonth.years.flatMap((y) => y.months.map((m) => `${m.year}/${m.month}`))).toEqual(['2005/01']);
    const undatedCopy = buildArchive([...OTHERS, ORIGINAL, { ...COPY, date: null }], new Map());
    expect(undatedCopy.undated).toEqual([absa.id]);
  });

  it('skips the copy in the reading order, and gives the copy its original’s neighbours', () => {
    expect(archive.neighbours.get(ORIGINAL.id)).toEqual({ older: nuclear.id, newer: consensus.id });
    expect(archive.neighbours.get(consensus.id)).toEqual({ older: ORIGINAL.id, newer: absa.id });
    expect(archive.neighbours.get(COPY.id)).toEqual(archive.neighbours.get(ORIGINAL.id));
    for (const { older, newer } of archive.neighbours.values()) expect([older, newer]).not.toContain(COPY.id);
  });

  it('lists a copy whose original is not in the archive as a story of its own', () => {
    const alone = buildArchive([COPY, ...OTHERS], new Map());
    expect(originalOf(COPY, alone.byId)).toBeNull();
    expect(alone.listed).toContain(COPY.id);
    expect(termIds(alone, 'topics', 'china')).toEqual([COPY.id]);
    expect(alone.years[0]?.months[0]?.articleIds).toContain(COPY.id);
  });
});
