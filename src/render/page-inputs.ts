/**
 * What a page is made from, hashed without preparing the page: a rebuild after one edit keys the
 * tens of thousands of article, term and month pages it does not render by this instead of
 * preparing and stringifying each (most of a one-article rebuild's render stage). Other pages (a
 * few dozen: home, indexes, years) are keyed by their prepared variables.
 *
 * The text covers every article whose fields the page can read (on an article page: itself,
 * the articles its cards show, their originals and near-copies; on a term's first page: the
 * term's articles, whose dates its chart sums up, and the cards it shows; on a month page: its
 * cards), each by the fields pages show (PAGE_FIELDS), and an article page's own relations
 * (related, neighbours, copies). A term's later pages read the rest of the term only through a
 * summary (its role and feeds, see the constructor), so one edit re-prepares the pages that show
 * the article and the first, not every page of a long term.
 * An input left out would leave a stale page behind: tests/render/page-inputs prepares every page
 * of an archive whose articles and relations record their reads, and fails on a read the text
 * does not cover. A text that changed while the page did not costs only its preparing: the
 * page's variables key it too (see renderPages).
 */
import { hash } from 'node:crypto';
import type { Archive, MonthGroup, Term } from '../archive/archive.ts';
import { originalOf } from '../archive/original-of.ts';
import { articleByPath } from '../content/article-links.ts';
import type { Article } from '../content/article.ts';
import type { Page } from './page.ts';
import type { SitePages } from './page-context.ts';

/**
 * The fields of an article that pages read (views, cards, metadata). Not here: subjects (pages
 * show the topics made from them), the origins of title, date and source, hashes and warnings.
 * bodyHtml is read by the article view but empty in the build's archive: a page's body is keyed
 * apart, by its cache entry.
 */
export const PAGE_FIELDS = [
  'id',
  'slug',
  'url',
  'title',
  'date',
  'source',
  'section',
  'byline',
  'dateline',
  'credits',
  'summary',
  'bodyHtml',
  'wordCount',
  'readingMinutes',
  'topics',
  'people',
  'places',
  'organizations',
  'sourceFile',
  'removed',
  'story',
  'duplicateOf',
  'draft',
  'media',
  'links',
] as const satisfies ReadonlyArray<keyof Article>;

/** Hashes the inputs of article and term pages for one archive; each article and term is hashed once. */
export class PageInputs {
  readonly #archive: Archive;
  /** What every page reads from the whole site (the site feeds it announces), as JSON. */
  readonly #siteWide: string;
  readonly #pages: SitePages;
  readonly #records = new Map<string, string>();
  readonly #cards = new Map<string, string>();
  readonly #termDigests = new Map<Term, string>();
  readonly #termSummary: (term: Term) => string;
  readonly #termSummaries = new Map<Term, string>();

  /**
   * `siteWide`: what every page reads from the whole site, as JSON; `pages`: which years and months
   * have pages, and the terms of term pages; `termSummary`: what a term page after the first reads
   * from articles it does not show (the term's role and feeds, as text: see termPageSummary).
   */
  constructor(archive: Archive, siteWide: string, pages: SitePages, termSummary: (term: Term) => string) {
    this.#archive = archive;
    this.#siteWide = siteWide;
    this.#pages = pages;
    this.#termSummary = termSummary;
  }

  /**
   * Everything an article, term or month page shows, but an article's body (keyed by its cache
   * entry) and what the page salt covers (code, templates, config), as text equal to another
   * build's exactly when the page's inputs are; null for other pages. Not hashed: the page's key
   * hashes it once with the salt and the body's entry (see renderPages).
   */
  text(page: Page): string | null {
    if (page.kind === 'article') {
      const article = this.#archive.byId.get(page.id);
      return article === undefined ? null : this.#articleText(article);
    }
    if (page.kind === 'month') return this.#monthText(page);
    if (page.kind !== 'term') return null;
    const term = this.#pages.term(page.taxonomy, page.slug);
    if (term === undefined) return null;
    const { page: number, pageCount } = page.pagination;
    // Only the first page has the chart, which reads every article's date.
    const whole = number === 1 ? this.#termDigest(term) : this.#summaryOf(term);
    let text = `${this.#siteWide}\0${whole}\0${number}/${pageCount}`;
    for (const id of page.pagination.articleIds) text += `\0${id}\0${this.#card(id)}`;
    return text;
  }

  /**
   * A term as its first page reads it: its name and all its articles, by their cards: their
   * names and roles (the role the pages show), dates (the chart and feeds), and whether each is a
   * near-copy of an article still there (feeds leave copies out); and which of their years and
   * months have pages (the chart's links).
   */
  #termDigest(term: Term): string {
    let digest = this.#termDigests.get(term);
    if (digest !== undefined) return digest;
    let text = `${term.taxonomy}\0${term.slug}\0${term.name}`;
    const periods = new Set<string>();
    for (const id of term.articleIds) {
      text += `\0${id}\0${this.#card(id)}`;
      const date = this.#archive.byId.get(id)?.date;
      if (date != null) periods.add(date.slice(0, 4)).add(`${date.slice(0, 4)}/${date.slice(5, 7)}`);
    }
    // The chart links each year or month only when it has a page, which any article of the archive can give it.
    for (const period of [...periods].sort()) text += `\0${period}:${this.#pages.hasDatePage(period)}`;
    digest = hash('sha1', text);
    this.#termDigests.set(term, digest);
    return digest;
  }

  /** A month page: its place in the month's pages, its cards, and the months before and after it (their links name them and count their articles). */
  #monthText(page: Extract<Page, { kind: 'month' }>): string {
    const { older, newer } = this.#pages.nearMonths(page.year, page.month);
    const near = (m: MonthGroup | undefined): string => (m === undefined ? '-' : `${m.year}/${m.month}:${m.articleIds.length}`);
    const { page: number, pageCount, total } = page.pagination;
    let text = `${this.#siteWide}\0${page.year}/${page.month}\0${number}/${pageCount}/${total}\0${near(older)}\0${near(newer)}`;
    for (const id of page.pagination.articleIds) text += `\0${id}\0${this.#card(id)}`;
    return text;
  }

  /** A term as its later pages read it: its name, how many articles it has, and its summary (role and feeds). */
  #summaryOf(term: Term): string {
    let summary = this.#termSummaries.get(term);
    if (summary === undefined) {
      summary = `${term.taxonomy}\0${term.slug}\0${term.name}\0${term.articleIds.length}\0${this.#termSummary(term)}`;
      this.#termSummaries.set(term, summary);
    }
    return summary;
  }

  #articleText(article: Article): string {
    const archive = this.#archive;
    const original = originalOf(article, archive.byId);
    // Its own relations, as lists: which cards it shows, in what order.
    const relations = [archive.related.get(article.id) ?? null, archive.neighbours.get(article.id) ?? null, archive.copies.get(original ?? article.id) ?? null];
    let text = `${this.#siteWide}\0${this.#card(article.id)}\0${JSON.stringify(relations)}`;
    const date = article.date;
    // The trail links the year and month only when they have pages (a near-copy is filed under its original's date).
    if (date !== null) text += `\0${this.#pages.hasDatePage(date.slice(0, 4))}:${this.#pages.hasDatePage(`${date.slice(0, 4)}/${date.slice(5, 7)}`)}`;
    for (const id of this.shownOn(article)) text += `\0${id}\0${this.#card(id)}`;
    // The pages its body links to, by their URLs (a linked article's new slug is a new link).
    if (article.links !== undefined) {
      const byPath = articleByPath(archive.byId);
      for (const [file] of article.links) text += `\0link:${file}:${byPath.get(file)?.url ?? '-'}`;
    }
    return text;
  }

  /** The articles whose cards the page of `article` can show: its neighbours, related articles, original, story and near-copies. */
  shownOn(article: Article): string[] {
    const archive = this.#archive;
    const neighbours = archive.neighbours.get(article.id);
    const original = originalOf(article, archive.byId);
    const ids = [neighbours?.older, neighbours?.newer, ...(archive.related.get(article.id) ?? []), original, ...(article.story?.articleIds ?? []), ...(archive.copies.get(original ?? article.id) ?? [])];
    return ids.filter((id): id is string => id != null);
  }

  /**
   * The articles a card of `id` reads: it, its original (its "copy of" link; '' when it has none,
   * so each place in the list keeps its meaning) and its near-copies ("Also published", labelled
   * by their titles and sources).
   */
  cardArticles(id: string): string[] {
    const article = this.#archive.byId.get(id);
    if (article === undefined) return [id];
    const original = originalOf(article, this.#archive.byId);
    return [id, original ?? '', ...(this.#archive.copies.get(id) ?? [])];
  }

  /**
   * A card's digest: its article's record digest when it has no original or copies (most cards),
   * else the records of all of them, each by id.
   */
  #card(id: string): string {
    let digest = this.#cards.get(id);
    if (digest !== undefined) return digest;
    const reads = this.cardArticles(id);
    if (reads.length === 2 && reads[1] === '') digest = this.#record(id);
    else digest = `c${hash('sha1', reads.map((read) => `${read}:${this.#record(read)}`).join('\0'))}`;
    this.#cards.set(id, digest);
    return digest;
  }

  /** One article's PAGE_FIELDS, hashed; "-" for no article. Its relations are not in it: its card does not show them. */
  #record(id: string): string {
    let digest = this.#records.get(id);
    if (digest !== undefined) return digest;
    const article = this.#archive.byId.get(id);
    if (article === undefined) digest = '-';
    else {
      const fields: unknown[] = [];
      for (const field of PAGE_FIELDS) fields.push(article[field] ?? null);
      digest = hash('sha1', JSON.stringify(fields));
    }
    this.#records.set(id, digest);
    return digest;
  }
}
