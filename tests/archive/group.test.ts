/** Grouping: the one article order, years and months, taxonomy terms, and neighbours in time. */
import { describe, expect, it } from 'vitest';
import { bbcArticle } from './bbc-articles.ts';
import { compareNewestFirst, sortNewestFirst } from '../../src/archive/sort-articles.ts';
import { groupByMonth } from '../../src/archive/group-by-month.ts';
import { groupByTerm, termSlug } from '../../src/archive/group-by-term.ts';
import { buildArchive } from '../../src/archive/build-archive.ts';

const spy = bbcArticle('politics/russian-ex-spy-on-hunger-strike.txt', { date: '2005-01-11', source: 'BBC News', topics: ['Russia', 'Security'], people: ['Oleg Gordievsky'], places: ['London', 'Moscow'] });
const nuclear = bbcArticle('politics/nuclear-strike-key-terror-risk.txt', { date: '2005-01-17', source: 'BBC News', topics: ['Security', 'Iran'], places: ['Pakistan'] });
const consensus = bbcArticle('politics/blair-sees-greater-bush-consensus.txt', { date: '2005-01-21', source: 'bbc news', topics: ['iran'], people: ['Tony Blair'] });
const win = bbcArticle('politics/blair-congratulates-bush-on-win.txt', { date: '2004-11-04', source: 'BBC News', topics: ['Security'], people: ['Tony Blair', 'tony blair'] });
const turkey = bbcArticle('politics/blair-hails-turkey-eu-talks-deal.txt', { date: '2004-12-17', topics: ['Europe'], people: ['Tony Blair'], places: ['London'] });
const shell = bbcArticle('business/1m-payoff-for-former-shell-boss.txt', { date: null, source: 'BBC News', organizations: ['Shell'] });
const absa = bbcArticle('business/absa-and-barclays-talks-continue.txt', { date: null, organizations: ['Absa', 'Barclays'] });
/** Shuffled on purpose: grouping must not depend on input order. */
const ALL = [shell, consensus, win, absa, spy, turkey, nuclear];

describe('sortNewestFirst', () => {
  it('puts dated articles newest first and undated ones last, by id', () => {
    expect(sortNewestFirst(ALL).map((a) => a.id)).toEqual([consensus, nuclear, spy, turkey, win, shell, absa].map((a) => a.id));
  });

  it('is a total order: the same date falls back to the id', () => {
    const twin = { ...spy, id: `${spy.id}-b` };
    expect(compareNewestFirst(spy, twin)).toBeLessThan(0);
    expect(compareNewestFirst(twin, spy)).toBeGreaterThan(0);
    expect(compareNewestFirst(spy, spy)).toBe(0);
  });
});

describe('groupByMonth', () => {
  it('groups dated articles into years and months, newest first, with counts', () => {
    const years = groupByMonth(sortNewestFirst(ALL));
    expect(years.map((y) => [y.year, y.count, y.months.map((m) => [m.month, m.articleIds])])).toEqual([
      ['2005', 3, [['01', [consensus.id, nuclear.id, spy.id]]]],
      ['2004', 2, [['12', [turkey.id]], ['11', [win.id]]]],
    ]);
  });

  it('has no years when nothing is dated', () => {
    expect(groupByMonth(sortNewestFirst([shell, absa]))).toEqual([]);
  });
});

describe('groupByTerm', () => {
  const sorted = sortNewestFirst(ALL);

  it('lists each term with its articles newest first, most articles first, then by name', () => {
    const topics = groupByTerm(sorted, 'topics');
    expect(topics.map((t) => [t.name, t.slug, t.articleIds])).toEqual([
      ['Security', 'security', [nuclear.id, spy.id, win.id]],
      ['Iran', 'iran', [consensus.id, nuclear.id]],
      ['Europe', 'europe', [turkey.id]],
      ['Russia', 'russia', [spy.id]],
    ]);
  });

  it('merges spellings of one name under one slug, shows the most used, and counts an article once', () => {
    const people = groupByTerm(sorted, 'people');
    const blair = people.find((t) => t.slug === 'tony-blair');
    expect(blair?.name).toBe('Tony Blair');
    expect(blair?.articleIds).toEqual([consensus.id, turkey.id, win.id]);
    const sources = groupByTerm(sorted, 'sources');
    expect(sources.map((t) => [t.name, t.articleIds.length])).toEqual([['BBC News', 5]]);
  });

  it('gives names without letters or digits a stable key of their own', () => {
    expect(termSlug('Iran')).toBe('iran');
    expect(termSlug('★★★')).toMatch(/^term-[0-9a-z]+$/);
    expect(termSlug('★★★')).toBe(termSlug('★★★'));
    expect(termSlug('★★★')).not.toBe(termSlug('☆☆☆'));
  });
});

describe('buildArchive', () => {
  const archive = buildArchive(ALL, new Map([[spy.id, [nuclear.id]]]));

  it('holds every article once, by id, in the one order', () => {
    expect(archive.articles.map((a) => a.id)).toEqual(sortNewestFirst(ALL).map((a) => a.id));
    expect([...archive.byId.keys()].sort()).toEqual(ALL.map((a) => a.id).sort());
    expect(archive.undated).toEqual([shell.id, absa.id]); // by id: "business-1m…" before "business-absa…"
    expect(archive.related.get(spy.id)).toEqual([nuclear.id]);
  });

  it('chains neighbours oldest to newest, then the undated ones, so paging reaches every article', () => {
    const order: string[] = [];
    let id: string | null = win.id;
    while (id !== null) {
      order.push(id);
      id = archive.neighbours.get(id)?.newer ?? null;
    }
    expect(order).toEqual([win, turkey, spy, nuclear, consensus, shell, absa].map((a) => a.id));
    expect(archive.neighbours.get(win.id)?.older).toBeNull();
    expect(archive.neighbours.get(shell.id)?.older).toBe(consensus.id);
  });

  it('builds every taxonomy, empty ones included', () => {
    expect(Object.keys(archive.terms).sort()).toEqual(['organizations', 'people', 'places', 'sources', 'topics']);
    expect(archive.terms.places.map((t) => [t.name, t.articleIds.length])).toEqual([['London', 2], ['Moscow', 1], ['Pakistan', 1]]);
    expect(buildArchive([], new Map()).terms.topics).toEqual([]);
  });
});
