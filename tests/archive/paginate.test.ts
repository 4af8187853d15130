/** Pagination: splitting lists into pages and choosing which page numbers a pager links. */
import { describe, expect, it } from 'vitest';
import { paginate, pageWindow } from '../../src/archive/paginate.ts';
import { bbcArticle } from './bbc-articles.ts';

// Real ids: the BBC politics desk files as the content stage names them.
const ids = [
  'politics/abbas-will-not-tolerate-attacks.txt',
  'politics/blair-congratulates-bush-on-win.txt',
  'politics/blair-hails-turkey-eu-talks-deal.txt',
  'politics/blair-sees-greater-bush-consensus.txt',
  'politics/nuclear-strike-key-terror-risk.txt',
].map((file) => bbcArticle(file, { date: null }).id);

describe('paginate', () => {
  it('splits a list into pages of the page size, the last one shorter', () => {
    const pages = paginate(ids, 2);
    expect(pages.map((p) => [p.page, p.pageCount, p.total, p.articleIds])).toEqual([
      [1, 3, 5, ids.slice(0, 2)],
      [2, 3, 5, ids.slice(2, 4)],
      [3, 3, 5, ids.slice(4)],
    ]);
  });

  it('makes no empty last page when the list is an exact multiple', () => {
    expect(paginate(ids.slice(0, 4), 2).map((p) => p.articleIds.length)).toEqual([2, 2]);
    expect(paginate(ids, 5)).toHaveLength(1);
  });

  it('gives an empty list one empty page, so its first page still exists', () => {
    expect(paginate([], 20)).toEqual([{ page: 1, pageCount: 1, articleIds: [], total: 0 }]);
  });

  it('refuses a page size that is not a whole number of at least 1', () => {
    expect(() => paginate(ids, 0)).toThrow(/page size/);
    expect(() => paginate(ids, 1.5)).toThrow(/page size/);
  });
});

describe('pageWindow', () => {
  it('links every page of a short list', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
  });

  it('shows first, last and two either side of the current page, with gaps', () => {
    expect(pageWindow(1, 20)).toEqual([1, 2, 3, null, 20]);
    expect(pageWindow(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
    expect(pageWindow(20, 20)).toEqual([1, null, 18, 19, 20]);
  });

  it('fills a gap of one page with that page instead of an ellipsis', () => {
    expect(pageWindow(5, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(pageWindow(6, 20)).toEqual([1, null, 4, 5, 6, 7, 8, null, 20]);
  });
});
