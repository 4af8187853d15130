/** Related articles, story clusters, near-copies and subject refinement on the BBC business desk (510 real articles) and the seeds. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/content/article.ts';
import { enrichArticle } from '../../src/enrich/enrich-article.ts';
import { jobRunner, jobSize, relateArticles, relateArticlesShared, RELATED_COUNT, type SharedWork } from '../../src/enrich/relate-articles.ts';
import { defaultEnrichResources } from '../../src/enrich/enrich-resources.ts';
import { displayLabel } from '../../src/enrich/choose-topics.ts';
import { minhashSignature, resemblance } from '../../src/enrich/find-near-duplicates.ts';
import { type Allocate, articleTerms, type ArticleTerms, TERM_SEPARATOR, TermTable } from '../../src/enrich/term-vectors.ts';
import { BBC_DIR, parseSeedFile, SEEDS_DIR } from './fixtures.ts';

const desk = readdirSync(path.join(BBC_DIR, 'business')).sort().map((f) => enrichArticle(parseSeedFile(BBC_DIR, `business/${f}`)));
const idOf = (file: string): string => desk.find((a) => a.sourceFile === `business/${file}`)!.id;

/** Typed arrays each on a SharedArrayBuffer of its own. */
const sharedArrays: Allocate = {
  int32: (length) => new Int32Array(new SharedArrayBuffer(4 * length)),
  float64: (length) => new Float64Array(new SharedArrayBuffer(8 * length)),
  uint8: (length) => new Uint8Array(new SharedArrayBuffer(length)),
};

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

  it('re-ranks subjects across the archive and keeps topics in step with them', () => {
    const labels = new Set(defaultEnrichResources().taxonomy.subjects.map((s) => displayLabel(s.label)));
    let changed = 0;
    articles.forEach((article, i) => {
      if (article.subjects[0]?.id !== desk[i]!.subjects[0]?.id) changed += 1;
      // Same subjects and evidence, only the order and scores may change.
      expect(article.subjects.map((s) => s.id).sort()).toEqual(desk[i]!.subjects.map((s) => s.id).sort());
      const subjectTopics = article.topics.filter((t) => labels.has(t));
      if (subjectTopics.length > 0) expect(subjectTopics[0]).toBe(displayLabel(article.subjects[0]!.label));
    });
    expect(changed).toBeGreaterThan(0);
    // On the business desk the refinement moves articles towards the desk's subject, not away.
    const economy = (list: readonly Article[]): number => list.filter((a) => a.subjects[0]?.id === 'economy-business-finance').length;
    expect(economy(articles)).toBeGreaterThan(economy(desk));
  });

  it('leaves a small archive as the keywords ranked it', () => {
    const seeds = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => enrichArticle(parseSeedFile(SEEDS_DIR, f)));
    const result = relateArticles(seeds);
    expect(result.articles.map((a) => a.subjects)).toEqual(seeds.map((a) => a.subjects));
    expect(result.articles.map((a) => a.topics)).toEqual(seeds.map((a) => a.topics));
    // Three reports of different events: related to each other, but no story.
    for (const a of result.articles) {
      expect(result.related.get(a.id)).toHaveLength(2);
      expect(a.story).toBeUndefined();
    }
  });

  it('gives an article the same MinHash signature whatever was read before it (one word buffer serves every article)', () => {
    const [first, copy] = ['china-continues-breakneck-growth.txt', 'china-continues-rapid-growth.txt'].map((f) => desk.find((a) => a.sourceFile === `business/${f}`)!);
    const alone = minhashSignature(new TermTable().add(copy!));
    const table = new TermTable();
    for (const article of desk.slice(0, 50)) table.add(article);
    const firstSignature = minhashSignature(table.add(first!));
    const afterOthers = minhashSignature(table.add(copy!));
    expect(alone).not.toBeNull();
    expect(afterOthers).toEqual(alone);
    // The two wire copies still look alike, and unlike an unrelated report read just before them.
    expect(resemblance(firstSignature!, afterOthers!)).toBeGreaterThanOrEqual(0.75);
    expect(resemblance(minhashSignature(table.add(desk[0]!))!, afterOthers!)).toBeLessThan(0.25);
  });

  it('gives the same result from terms read elsewhere (as a parse worker reads them) as from the text', () => {
    // A worker has read other articles, in another order, before these: its terms must not depend on them.
    for (const article of [...desk].reverse().slice(0, 100)) articleTerms(article);
    const read = new Map(desk.map((article) => [article, JSON.parse(JSON.stringify(articleTerms(article))) as ArticleTerms]));
    const china = desk.find((a) => a.sourceFile === 'business/china-continues-rapid-growth.txt')!;
    expect(read.get(china)!.signature).toEqual(Array.from(minhashSignature(new TermTable().add(china))!));
    expect(read.get(china)!.terms.split(TERM_SEPARATOR)).toContain('growth');
    // Every other article read elsewhere, the rest here: the mix relates as the text alone does.
    const mixed = relateArticles(desk, (article) => (desk.indexOf(article) % 2 === 0 ? read.get(article) : undefined));
    expect(JSON.stringify(mixed.articles)).toBe(JSON.stringify(articles));
    expect([...mixed.related]).toEqual([...related]);
    const allRead = relateArticles(desk, (article) => read.get(article));
    expect(JSON.stringify(allRead.articles)).toBe(JSON.stringify(articles));
    expect([...allRead.related]).toEqual([...related]);
  });

  it('gives the same result with its per-article work shared, whatever order the articles are done in, and alone (null)', async () => {
    const jobs: string[] = [];
    let finished = false;
    let collected = false;
    const secondHalfFirst: SharedWork = {
      allocate: sharedArrays,
      share: async (job, meanwhile) => {
        meanwhile();
        jobs.push(job.work);
        const run = jobRunner(job);
        const half = Math.floor(jobSize(job) / 2);
        run(half, jobSize(job));
        run(0, half);
      },
      collect: () => {
        collected = true;
      },
      finish: async () => {
        finished = true;
      },
    };
    const shared = await relateArticlesShared(desk, { kind: 'read', termsOf: () => undefined }, secondHalfFirst);
    expect(jobs).toEqual(['vectors', 'neighbours']);
    expect(collected && finished).toBe(true);
    expect(JSON.stringify(shared.articles)).toBe(JSON.stringify(articles));
    expect([...shared.related]).toEqual([...related]);
    const alone = await relateArticlesShared(desk, { kind: 'read', termsOf: () => undefined }, null);
    expect(JSON.stringify(alone.articles)).toBe(JSON.stringify(articles));
    expect([...alone.related]).toEqual([...related]);
  });

  it('gives the same result every time', () => {
    const again = relateArticles(desk);
    expect(JSON.stringify(again.articles)).toBe(JSON.stringify(articles));
    expect([...again.related]).toEqual([...related]);
  });
});
