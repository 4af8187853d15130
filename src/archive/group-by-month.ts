/** Grouping articles into years and months for the timeline and archive pages. */
import type { Article } from '../content/article.ts';
import type { MonthGroup, YearGroup } from './archive.ts';

/** Years and months of the dated articles, newest first; `sorted` must be newest first. */
export function groupByMonth(sorted: readonly Article[]): YearGroup[] {
  const years: Array<{ year: string; months: MonthGroup[]; count: number }> = [];
  for (const article of sorted) {
    if (article.date === null) continue;
    const year = article.date.slice(0, 4);
    const month = article.date.slice(5, 7);
    let y = years.at(-1);
    if (y === undefined || y.year !== year) {
      y = { year, months: [], count: 0 };
      years.push(y);
    }
    let m = y.months.at(-1);
    if (m === undefined || m.month !== month) {
      m = { year, month, articleIds: [] };
      y.months.push(m);
    }
    (m.articleIds as string[]).push(article.id);
    y.count += 1;
  }
  return years;
}
