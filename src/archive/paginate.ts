/** Splitting a list of article ids into numbered pages of a fixed size. */

/** Where a page sits in a paginated list. */
export interface Pagination {
  /** 1-based page number. */
  readonly page: number;
  /** Total pages in the list (at least 1). */
  readonly pageCount: number;
  /** Ids of the articles on this page. */
  readonly articleIds: readonly string[];
  /** Total articles in the list. */
  readonly total: number;
}

/** Pages a list of `ids` splits into at `pageSize` per page; an empty list still has one page. */
export function paginate(ids: readonly string[], pageSize: number): Pagination[] {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`page size must be a whole number of at least 1, not ${pageSize}`);
  const pageCount = Math.max(1, Math.ceil(ids.length / pageSize));
  return Array.from({ length: pageCount }, (_, i) => ({
    page: i + 1,
    pageCount,
    articleIds: ids.slice(i * pageSize, (i + 1) * pageSize),
    total: ids.length,
  }));
}

/** Page numbers to link in a pager: first, last and two either side of the current; null marks a gap. */
export function pageWindow(page: number, pageCount: number): Array<number | null> {
  const wanted = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  const numbers: Array<number | null> = [];
  for (const n of wanted) {
    const last = numbers.at(-1);
    // A gap of exactly one page is shown as that page: "1 2 3" reads better than "1 … 3".
    if (typeof last === 'number' && n === last + 2) numbers.push(last + 1);
    else if (typeof last === 'number' && n > last + 2) numbers.push(null);
    numbers.push(n);
  }
  return numbers;
}
