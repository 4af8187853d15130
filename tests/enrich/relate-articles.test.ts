/** Related articles, story clusters and near-copies on the BBC business desk (510 real articles). */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/content/article.ts';
import { enrichArticle } from '../../src/enrich/enrich-article.ts';
import { relateArticles, RELATED_COUNT } from '../../src/enrich/relate-articles.ts';
import { BBC_DIR, parseSeedFile } from './fixtures.ts';

const desk = readdirSync(path.join(BBC_DIR, 'business')).sort().map((f) => enrichArticle(parseSeedFile(BBC_DIR, `business/${f}`)));
const idOf = (file: string): string => desk.find((a) => a.sourceFile === `business/${file}`)!.id;

describe('relateArticles', () => {
  const { articles, related } = relateArticles(desk);
  const byId = new Map(articles.map((a) => [a.id, a]));

  it('lists up to five other existing articles for each article', () => {
    expect(articles.map((a) => a.id)).toEqual(desk.map((a) => a.id));
    for (const article of articles) {
      const ids = related.get(article.id) ?? [];
      expect(ids.length).toBeLessThanOrEqual(RELATED_COUNT);
      expect(ids).not.toContain(article.id);
      for (const id of ids) expect(byId.has(id)).toBe(true);
    }
    expect(articles.filter((a) => (related.get(a.id) ?? []).length > 0).length).toBeGreaterThan(desk.length * 0.9);
  });

  it('relates reports of one event: the three Cairn Energy stories are one story', () => {
    const cairn = ['cairn-energy-in-indian-gas-find.txt', 'cairn-shares-slump-on-oil-setback.txt', 'cairn-shares-up-on-new-oil-find.txt'].map(idOf);
    const story = byId.get(cairn[0]!)!.story;
    expect(story?.articleIds).toEqual([...cairn].sort());
    for (const id of cairn) expect(byId.get(id)!.story).toEqual(story);
    expect(related.get(cairn[0]!)).toEqual(expect.arrayContaining(cairn.slice(1)));
  });

  it('flags a republished wire copy as a near-duplicate of the first copy', () => {
    const [first, copy] = ['china-continues-breakneck-growth.txt', 'china-continues-rapid-growth.txt'].map(idOf) as [string, string];
    expect(byId.get(copy)!.duplicateOf).toBe(first);
    expect(byId.get(first)!.duplicateOf).toBeUndefined();
    expect(related.get(copy)![0]).toBe(first);
  });

  it('flags a copy that drops the lede paragraph as a near-duplicate', () => {
    const original = desk.find((a) => a.sourceFile === 'business/bush-budget-seeks-deep-cutbacks.txt')!;
    const paragraphs = original.bodyText.split('\n\n');
    const copy: Article = { ...original, id: 'zz-wire-copy', slug: 'zz-wire-copy', bodyText: paragraphs.slice(1).join('\n\n') };
    const result = relateArticles([...desk, copy]);
    expect(result.articles.at(-1)!.duplicateOf).toBe(original.id);
    expect(result.articles.filter((a) => a.duplicateOf !== undefined).length).toBe(articles.filter((a) => a.duplicateOf !== undefined).length + 1);
  });

  it('gives the same result every time', () => {
    const again = relateArticles(desk);
    expect(JSON.stringify(again.articles)).toBe(JSON.stringify(articles));
    expect([...again.related]).toEqual([...related]);
  });
});
