/**
 * The coverage timeline: articles per month as bars, laid out at build time so the page draws
 * it as inline SVG without JavaScript (templates/partials/coverage-chart.njk). Every bar links
 * to its month's archive page; past MAX_MONTHS months the bars are years, linking to year pages.
 * A bar whose period has no page (a near-copy is filed under its original's date, so its own
 * month may have none) is drawn without a link.
 */
import type { Archive } from '../archive/archive.ts';
import type { Page } from './page.ts';
import { hrefFor, monthUrl, yearUrl } from '../urls.ts';
import type { SitePages } from './page-context.ts';
import { monthName } from './format-date.ts';

/** One bar: its period, count, link and box in SVG user units. */
export interface CoverageBarView {
  /** "January 2024" or "2024". */
  readonly label: string;
  readonly count: number;
  /** The period's page, or null when it has none. */
  readonly href: string | null;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A label under the bars: a month ("Jan") when there is room, or a year. */
export interface CoverageTickView {
  readonly x: number;
  /** Baseline of the text. */
  readonly y: number;
  readonly label: string;
}

/** Everything the template needs to draw the chart. */
export interface CoverageChartView {
  /** Accessible title ("Articles per month, January 2024 to March 2025"). */
  readonly title: string;
  /** The chart in one or two sentences: the text fallback. */
  readonly summary: string;
  /** Whether bars are months or, for long spans, years. */
  readonly unit: 'month' | 'year';
  readonly width: number;
  readonly height: number;
  /** y of the baseline the bars stand on. */
  readonly baseline: number;
  /** Bars of the periods with articles; empty periods have none. */
  readonly bars: readonly CoverageBarView[];
  readonly ticks: readonly CoverageTickView[];
}

/** Past this many months (ten years) one bar per month gets too thin: bars become years. */
export const MAX_MONTHS = 120;

/** Room per period in SVG user units (pixels at natural size): wide for short spans, never thinner than MIN_SLOT. */
const MIN_SLOT = 12;
const MAX_SLOT = 40;
/** The width a chart aims for, so short and long spans look alike. */
const TARGET_WIDTH = 720;
/** Height of the tallest bar and the gap above it. */
const PLOT = 64;
const TOP = 4;
/** Label rows under the baseline: distance between rows, and room below the last for descenders. */
const ROW = 12;
const DESCENT = 3;
/** Slots at least this wide have room for a month's short name under the bar. */
const MONTH_LABEL_SLOT = 24;

/**
 * The chart of a set of article dates ("YYYY-MM-DD", null for undated), or null when none is dated.
 * `hasPage` says whether a year ("2024") or month ("2024/01") has a page to link to.
 */
export function coverageChart(dates: Iterable<string | null>, basePath: string, hasPage: (key: string) => boolean = () => true): CoverageChartView | null {
  const perMonth = new Map<string, number>();
  for (const date of dates) {
    if (date === null) continue;
    const key = date.slice(0, 7);
    perMonth.set(key, (perMonth.get(key) ?? 0) + 1);
  }
  const months = [...perMonth.keys()].sort();
  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined) return null;
  const total = [...perMonth.values()].reduce((a, b) => a + b, 0);
  const span = monthIndex(last) - monthIndex(first) + 1;
  const unit = span > MAX_MONTHS ? 'year' : 'month';

  // Every period of the span, empty ones included, so gaps in coverage show as gaps.
  const periods: Array<{ key: string; label: string; href: string | null; count: number }> = [];
  if (unit === 'month') {
    for (let i = monthIndex(first); i <= monthIndex(last); i += 1) {
      const year = String(Math.floor(i / 12)).padStart(4, '0');
      const month = String((i % 12) + 1).padStart(2, '0');
      const key = `${year}-${month}`;
      periods.push({ key, label: `${monthName(month)} ${year}`, href: hasPage(`${year}/${month}`) ? hrefFor(basePath, monthUrl(year, month)) : null, count: perMonth.get(key) ?? 0 });
    }
  } else {
    const perYear = new Map<string, number>();
    for (const [key, count] of perMonth) perYear.set(key.slice(0, 4), (perYear.get(key.slice(0, 4)) ?? 0) + count);
    for (let y = Number(first.slice(0, 4)); y <= Number(last.slice(0, 4)); y += 1) {
      const year = String(y).padStart(4, '0');
      periods.push({ key: year, label: year, href: hasPage(year) ? hrefFor(basePath, yearUrl(year)) : null, count: perYear.get(year) ?? 0 });
    }
  }

  const max = Math.max(...periods.map((p) => p.count));
  const slot = Math.max(MIN_SLOT, Math.min(MAX_SLOT, Math.floor(TARGET_WIDTH / periods.length)));
  const bar = Math.round(slot * 0.75);
  const baseline = TOP + PLOT;
  const bars: CoverageBarView[] = [];
  const ticks: CoverageTickView[] = [];
  const years: CoverageTickView[] = [];
  const tickEvery = unit === 'year' ? Math.ceil(periods.length / 24) : 1;
  const monthLabels = unit === 'month' && slot >= MONTH_LABEL_SLOT;
  const yearRow = baseline + (monthLabels ? 2 * ROW : ROW + 1);
  periods.forEach((p, i) => {
    const x = i * slot;
    if (p.count > 0) {
      // At least 2 units tall, so a month with one article among hundreds is still visible.
      const height = Math.max(2, Math.round((p.count / max) * PLOT));
      bars.push({ label: p.label, count: p.count, href: p.href, x: x + (slot - bar) / 2, y: baseline - height, width: bar, height });
    }
    if (monthLabels) ticks.push({ x: x + (slot - bar) / 2, y: baseline + ROW, label: monthName(p.key.slice(5, 7)).slice(0, 3) });
    const isYearStart = unit === 'year' ? i % tickEvery === 0 : p.key.endsWith('-01') || i === 0;
    if (isYearStart) years.push({ x: monthLabels ? x + (slot - bar) / 2 : x, y: yearRow, label: p.key.slice(0, 4) });
  });
  // A year label needs about 36 units; drop the first one when January follows too closely.
  if (unit === 'month' && years.length > 1 && (years[1] as CoverageTickView).x - (years[0] as CoverageTickView).x < 36) years.shift();
  ticks.push(...years);

  const firstLabel = periods[0]?.label ?? '';
  const lastLabel = periods[periods.length - 1]?.label ?? '';
  const busiest = periods.reduce((a, b) => (b.count > a.count ? b : a));
  const per = unit === 'month' ? 'month' : 'year';
  const articles = (n: number): string => `${n} ${n === 1 ? 'article' : 'articles'}`;
  // Name the busiest period only when one stands out; a tie just gives the most in any one.
  const tied = periods.filter((p) => p.count === busiest.count).length > 1;
  const peak = tied ? `at most ${articles(busiest.count)} a ${per}` : `the busiest ${per} was ${busiest.label} with ${articles(busiest.count)}`;
  const summary = periods.length === 1 ? `${articles(total)} with a date, all from ${firstLabel}.` : `${articles(total)} with a date, from ${firstLabel} to ${lastLabel}; ${peak}.`;
  return {
    title: periods.length === 1 ? `Articles per ${per}, ${firstLabel}` : `Articles per ${per}, ${firstLabel} to ${lastLabel}`,
    summary,
    unit,
    width: Math.max(periods.length * slot, 36),
    height: yearRow + DESCENT,
    baseline,
    bars,
    ticks,
  };
}

/** The charts of one site's pages: the home page (all articles) and the first page of every term. */
export class CoverageCharts {
  readonly #archive: Archive;
  readonly #basePath: string;
  readonly #pages: SitePages;
  readonly #hasPage: (key: string) => boolean;

  /** `pages` says which years and months have pages, and finds a term page's term. */
  constructor(archive: Archive, basePath: string, pages: SitePages) {
    this.#archive = archive;
    this.#basePath = basePath;
    this.#pages = pages;
    this.#hasPage = (key) => pages.hasDatePage(key);
  }

  /** The chart a page shows, or null. Later pages of a list skip it: page 1 already has it. */
  for(page: Page): CoverageChartView | null {
    const archive = this.#archive;
    if (page.kind === 'home') return coverageChart(archive.listed.map((id) => archive.byId.get(id)?.date ?? null), this.#basePath, this.#hasPage);
    if (page.kind !== 'term' || page.pagination.page !== 1) return null;
    const term = this.#pages.term(page.taxonomy, page.slug);
    if (term === undefined) return null;
    return coverageChart(term.articleIds.map((id) => archive.byId.get(id)?.date ?? null), this.#basePath, this.#hasPage);
  }
}

/** "2024-03" → months since year 0, so spans are simple subtraction. */
function monthIndex(key: string): number {
  return Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1;
}
