/** api/articles.json: one record per article, sorted by id, with its fields in a fixed order and no body. */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/content/article.ts';
import { articleRecords, articlesJsonChunks } from '../../src/outputs/articles-api.ts';
import { bbcArticle } from '../archive/bbc-articles.ts';

const absa = bbcArticle('business/absa-and-barclays-talks-continue.txt', {
  date: '2005-01-08',
  places: ['South Africa', 'United Kingdom'],
  organizations: ['Absa', 'Barclays'],
  roles: { Absa: 'bank' },
});
const wpp = bbcArticle('business/ad-firm-wpp-s-profits-surge-15.txt', { date: '2005-02-15', people: ['Martin Sorrell'] });
/** A near-copy, as dedupe marks one: `duplicateOf` is added after the entity lists. */
const copy: Article = { ...wpp, id: 'a-copy', slug: 'a-copy', url: 'articles/a-copy/', duplicateOf: wpp.id };

describe('api/articles.json', () => {
  it('lists the fields in the article\'s order, the entity names after them and the entities in full last', () => {
    const [record] = articleRecords([absa], '/news/');
    const fields = Object.keys(absa).filter((f) => !['bodyText', 'bodyHtml', 'people', 'places', 'organizations'].includes(f));
    expect(Object.keys(record!)).toEqual([...fields, 'people', 'places', 'organizations', 'entities']);
    expect(record!.url).toBe(`/news/${absa.url}`);
    expect(record!.places).toEqual(['South Africa', 'United Kingdom']);
    expect(record!.entities.organizations).toEqual(absa.organizations);
    expect(record!.entities.organizations[0]!.role).toBe('bank');
  });

  it('keeps a field added after the entity lists (a copy\'s duplicateOf) before the names', () => {
    const [record] = articleRecords([copy], '/');
    const keys = Object.keys(record!);
    expect(keys.indexOf('duplicateOf')).toBeLessThan(keys.indexOf('people'));
    expect(keys.slice(-4)).toEqual(['people', 'places', 'organizations', 'entities']);
  });

  it('writes one record a line, sorted by id, that parse back to the records', () => {
    const text = [...articlesJsonChunks([wpp, copy, absa], '/')].join('');
    const lines = text.split('\n');
    expect(lines[0]).toBe('[');
    expect(lines.at(-2)).toBe(']');
    const parsed = JSON.parse(text) as Array<{ id: string; bodyHtml?: string }>;
    expect(parsed.map((r) => r.id)).toEqual([copy.id, absa.id, wpp.id].sort());
    expect(parsed).toEqual(articleRecords([absa, wpp, copy], '/'));
    expect(parsed.every((r) => r.bodyHtml === undefined)).toBe(true);
  });
});
