/** The archive's one article order: newest first, undated last, ties broken by id. */
import type { Article } from '../content/article.ts';
import { compareCodePoints } from '../text/compare.ts';

/** Compares two articles newest first; undated after dated; then by id, so the order is total. */
export function compareNewestFirst(a: Article, b: Article): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return compareCodePoints(b.date, a.date);
  }
  return compareCodePoints(a.id, b.id);
}

/** A copy of the articles, newest first. */
export function sortNewestFirst(articles: readonly Article[]): Article[] {
  return [...articles].sort(compareNewestFirst);
}
