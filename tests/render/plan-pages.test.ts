/** The page plan: every URL unique, articles keyed by slug so adding articles never moves one. */
import { describe, expect, it } from 'vitest';
import { bbcArticle } from '../archive/bbc-articles.ts';
import { buildArchive } from '../../src/archive/build-archive.ts';
import { planPages } from '../../src/render/plan-pages.ts';
import type { Article } from '../../src/content/article.ts';

const first = [
  bbcArticle('politics/russian-ex-spy-on-hunger-strike.txt', { date: '2005-01-11', source: 'BBC News', topics: ['Russia'], people: ['Oleg Gordievsky'] }),
  bbcArticle('politics/nuclear-strike-key-terror-risk.txt', { date: '2005-01-17', source: 'BBC News', topics: ['Russia', 'Iran'] }),
  bbcArticle('business/1m-payoff-for-former-shell-boss.txt', { date: null, organizations: ['Shell'] }),
];
const added = [
  bbcArticle('politics/blair-sees-greater-bush-consensus.txt', { date: '2005-01-21', source: 'BBC News', topics: ['Iran', 'Russia'] }),
  bbcArticle('business/absa-and-barclays-talks-continue.txt', { date: '2004-12-01', places: ['South Africa'] }),
];

function articleUrls(articles: readonly Article[]): Map<string, string> {
  const urls = new Map<string, string>();
  for (const page of planPages(buildArchive(articles, new Map()), 1)) if (page.kind === 'article') urls.set(page.id, page.url);
  return urls;
}

describe('planPages', () => {
  it('gives every page its own URL, one page per article', () => {
    const pages = [...planPages(buildArchive([...first, ...added], new Map()), 1)];
    const urls = pages.map((p) => p.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(pages.filter((p) => p.kind === 'article')).toHaveLength(5);
    expect(urls).toEqual(expect.arrayContaining(['', 'topics/', 'topics/russia/', 'topics/russia/page/2/', 'topics/russia/page/3/', '2005/', '2005/01/page/3/', '2004/12/', 'undated/', 'search/', '404.html']));
  });

  it('keeps every article URL when others are added, whatever their dates', () => {
    const before = articleUrls(first);
    const after = articleUrls([...added, ...first]);
    for (const [id, url] of before) expect(after.get(id)).toBe(url);
    expect(before.get(first[0]!.id)).toBe(`articles/${first[0]!.slug}/`);
  });

  it('has the home, indexes, archive, undated, search and 404 pages even for an empty archive', () => {
    expect([...planPages(buildArchive([], new Map()), 20)].map((p) => p.kind)).toEqual([
      'home', 'taxonomy', 'taxonomy', 'taxonomy', 'taxonomy', 'taxonomy', 'archive', 'undated', 'search', 'not-found',
    ]);
  });
});
