/** Stage 4: one Page → HTML through its template, with view models as the only context. */
import type nunjucks from 'nunjucks';
import type { Archive, Term } from '../archive/archive.ts';
import type { SiteConfig } from '../config/config.ts';
import type { Page } from './page.ts';
import { ViewModels } from './view-models.ts';
import { BroadsheetError } from '../errors.ts';
import { monthName } from './format-date.ts';
import { TAXONOMIES, archiveUrl, hrefFor, monthUrl, termUrl, undatedUrl, yearUrl, searchUrl, taxonomyUrl, type Taxonomy } from '../urls.ts';
import type { Pagination } from './page.ts';

/** Display names of the taxonomies: [plural, singular]. */
export const TAXONOMY_LABELS: Readonly<Record<Taxonomy, readonly [string, string]>> = {
  topics: ['Topics', 'Topic'],
  people: ['People', 'Person'],
  places: ['Places', 'Place'],
  organizations: ['Organisations', 'Organisation'],
  sources: ['Sources', 'Source'],
};

/** Renders pages of one site; holds the environment and view models. */
export class PageRenderer {
  readonly #env: nunjucks.Environment;
  readonly #archive: Archive;
  readonly #config: SiteConfig;
  readonly #views: ViewModels;
  readonly #site: Record<string, unknown>;
  readonly #terms: Map<string, Term>;

  constructor(env: nunjucks.Environment, archive: Archive, config: SiteConfig) {
    this.#env = env;
    this.#archive = archive;
    this.#config = config;
    this.#views = new ViewModels(archive, config.basePath);
    this.#terms = new Map(TAXONOMIES.flatMap((t) => archive.terms[t].map((term) => [`${t}/${term.slug}`, term] as const)));
    this.#site = {
      title: config.title,
      description: config.description,
      language: config.language,
      basePath: config.basePath,
      siteUrl: config.siteUrl,
      homeHref: hrefFor(config.basePath, ''),
      searchHref: hrefFor(config.basePath, searchUrl()),
      nav: [
        ...TAXONOMIES.map((t) => ({ label: TAXONOMY_LABELS[t][0], href: hrefFor(config.basePath, taxonomyUrl(t)), key: t })),
        { label: 'Archive', href: hrefFor(config.basePath, archiveUrl()), key: 'archive' },
      ],
      articleCount: archive.articles.length,
    };
  }

  /** The HTML of one page. Template errors are thrown as BroadsheetError naming the template. */
  render(page: Page): string {
    const { template, context } = this.#contextFor(page);
    try {
      return this.#env.render(template, { site: this.#site, page: { kind: page.kind, url: page.url, href: hrefFor(this.#config.basePath, page.url), ...context } });
    } catch (error) {
      throw new BroadsheetError(`template error while rendering ${page.url || 'the home page'}: ${(error as Error).message}`, { file: `templates/${template}`, cause: error });
    }
  }

  #contextFor(page: Page): { template: string; context: Record<string, unknown> } {
    const archive = this.#archive;
    const v = this.#views;
    switch (page.kind) {
      case 'home':
        return {
          template: 'home.njk',
          context: {
            title: this.#config.title,
            description: this.#config.description,
            latest: v.cards(archive.articles.slice(0, this.#config.homeSize).map((a) => a.id)),
            topics: archive.terms.topics.slice(0, 30).map((t) => v.term(t)),
            sources: archive.terms.sources.slice(0, 30).map((t) => v.term(t)),
            timeline: this.#timeline(),
            undatedCount: archive.undated.length,
            undatedHref: v.href(undatedUrl()),
            archiveHref: v.href(archiveUrl()),
          },
        };
      case 'article': {
        const article = archive.byId.get(page.id);
        if (article === undefined) throw new BroadsheetError(`no article with id ${page.id}`);
        return { template: 'article.njk', context: { title: article.title, description: article.summary, article: v.article(article) } };
      }
      case 'taxonomy': {
        const [plural] = TAXONOMY_LABELS[page.taxonomy];
        const terms = archive.terms[page.taxonomy];
        return {
          template: 'taxonomy.njk',
          context: { title: plural, description: `${plural} in the archive, with how many articles each.`, taxonomy: page.taxonomy, terms: terms.map((t) => v.term(t)) },
        };
      }
      case 'term': {
        const term = this.#terms.get(`${page.taxonomy}/${page.slug}`);
        const [plural, singular] = TAXONOMY_LABELS[page.taxonomy];
        const name = term?.name ?? page.slug;
        return {
          template: 'list.njk',
          context: {
            title: name,
            description: `${singular}: ${name}. ${term?.articleIds.length ?? 0} articles, newest first.`,
            eyebrow: { label: plural, href: v.href(taxonomyUrl(page.taxonomy)) },
            articles: v.cards(page.pagination.articleIds),
            pager: this.#pager(page.pagination, (n) => termUrl(page.taxonomy, page.slug, n)),
          },
        };
      }
      case 'archive':
        return { template: 'archive.njk', context: { title: 'Archive', description: 'Every year and month in the archive.', timeline: this.#timeline(), undatedCount: archive.undated.length, undatedHref: v.href(undatedUrl()) } };
      case 'year': {
        const year = archive.years.find((y) => y.year === page.year);
        return {
          template: 'year.njk',
          context: {
            title: page.year,
            description: `Articles from ${page.year}, by month.`,
            eyebrow: { label: 'Archive', href: v.href(archiveUrl()) },
            months: (year?.months ?? []).map((m) => ({ label: monthName(m.month), href: v.href(monthUrl(m.year, m.month)), count: m.articleIds.length, articles: v.cards(m.articleIds.slice(0, 5)) })),
          },
        };
      }
      case 'month':
        return {
          template: 'list.njk',
          context: {
            title: `${monthName(page.month)} ${page.year}`,
            description: `Articles from ${monthName(page.month)} ${page.year}, newest first.`,
            eyebrow: { label: page.year, href: v.href(yearUrl(page.year)) },
            articles: v.cards(page.pagination.articleIds),
            pager: this.#pager(page.pagination, (n) => monthUrl(page.year, page.month, n)),
          },
        };
      case 'undated':
        return {
          template: 'list.njk',
          context: {
            title: 'Undated articles',
            description: 'Articles whose text gives no date.',
            eyebrow: { label: 'Archive', href: v.href(archiveUrl()) },
            articles: v.cards(page.pagination.articleIds),
            pager: this.#pager(page.pagination, (n) => undatedUrl(n)),
          },
        };
      case 'search':
        return { template: 'search.njk', context: { title: 'Search', description: `Search ${archive.articles.length} articles.` } };
      case 'not-found':
        return { template: '404.njk', context: { title: 'Page not found', description: 'This page does not exist.' } };
    }
  }

  #timeline(): Array<Record<string, unknown>> {
    const v = this.#views;
    return this.#archive.years.map((y) => ({
      label: y.year,
      href: v.href(yearUrl(y.year)),
      count: y.count,
      months: y.months.map((m) => ({ label: monthName(m.month), href: v.href(monthUrl(m.year, m.month)), count: m.articleIds.length })),
    }));
  }

  #pager(p: Pagination, urlOf: (page: number) => string): Record<string, unknown> | null {
    if (p.pageCount <= 1) return null;
    const v = this.#views;
    return {
      page: p.page,
      pageCount: p.pageCount,
      total: p.total,
      previousHref: p.page > 1 ? v.href(urlOf(p.page - 1)) : null,
      nextHref: p.page < p.pageCount ? v.href(urlOf(p.page + 1)) : null,
      pages: pageWindow(p.page, p.pageCount).map((n) => (n === null ? { gap: true } : { number: n, href: v.href(urlOf(n)), current: n === p.page })),
    };
  }
}

/** Page numbers to link in a pager: first, last and two either side of the current; null marks a gap. */
export function pageWindow(page: number, pageCount: number): Array<number | null> {
  const wanted = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  const numbers: Array<number | null> = [];
  for (const n of wanted) {
    const last = numbers.at(-1);
    if (typeof last === 'number' && n > last + 1) numbers.push(null);
    numbers.push(n);
  }
  return numbers;
}
