/** What each page kind shows: the template to use and the view models it gets. Pure. */
import type { Archive, MonthGroup, Term, YearGroup } from '../archive/archive.ts';
import type { SiteConfig } from '../config/config.ts';
import type { Page, PageKind } from './page.ts';
import { ViewModels, truncate, type LinkView, type PagerView } from './view-models.ts';
import { BroadsheetError } from '../errors.ts';
import { monthName } from './format-date.ts';
import { plural } from './plural.ts';
import { TAXONOMIES, archiveUrl, assetUrl, homeUrl, monthUrl, searchUrl, taxonomyUrl, termUrl, undatedUrl, yearUrl, type Taxonomy } from '../urls.ts';

/** Display names of the taxonomies: [plural, singular]. */
export const TAXONOMY_LABELS: Readonly<Record<Taxonomy, readonly [string, string]>> = {
  topics: ['Topics', 'Topic'],
  people: ['People', 'Person'],
  places: ['Places', 'Place'],
  organizations: ['Organisations', 'Organisation'],
  sources: ['Sources', 'Source'],
};

/** How a term page describes its articles ("Articles naming Vladimir Putin"). */
const TERM_PHRASES: Readonly<Record<Taxonomy, string>> = {
  topics: 'Articles about',
  people: 'Articles naming',
  places: 'Articles mentioning',
  organizations: 'Articles naming',
  sources: 'Articles published by',
};

/** Past this many terms a taxonomy index adds a "most covered" list and A–Z headings. */
const LONG_INDEX = 24;

/** How many terms the home page and long indexes feature. */
const FEATURED_TERMS = 24;

/** How many articles a year page shows per month before linking to the month page. */
const YEAR_PAGE_PER_MONTH = 5;

/** One entry of the site navigation; `key` matches `PageView.section`. */
export interface NavItemView extends LinkView {
  readonly key: string;
}

/** Site-wide values every template sees as `site`. */
export interface SiteView {
  readonly title: string;
  readonly description: string;
  readonly language: string;
  readonly basePath: string;
  readonly siteUrl: string | null;
  readonly homeHref: string;
  readonly searchHref: string;
  readonly archiveHref: string;
  readonly undatedHref: string;
  /** The theme's stylesheet (templates/assets/style.css). */
  readonly stylesheetHref: string;
  readonly nav: readonly NavItemView[];
}

/** What every template sees as `page`: identity, titles and place in the site. */
export interface PageView {
  readonly kind: PageKind;
  /** Site-relative URL ("topics/iran/"). */
  readonly url: string;
  /** Href under the base path ("/news/topics/iran/"). */
  readonly href: string;
  /** The page's heading (h1). */
  readonly title: string;
  /** The whole <title>: page title, page number, site title. */
  readonly documentTitle: string;
  /** One or two plain sentences for the meta description. */
  readonly description: string;
  /** Key of the navigation entry this page belongs under, or null. */
  readonly section: string | null;
  /** Ancestors of this page, home first; empty on the home page. */
  readonly breadcrumbs: readonly LinkView[];
  /** Label of this page at the end of the breadcrumb trail, or null to end at the last ancestor. */
  readonly crumb: string | null;
  /** The list's pager when the page is one of several, else null. */
  readonly pager: PagerView | null;
  /** Value of <meta name="robots">, or null for the default. */
  readonly robots: string | null;
}

/** A page ready to render: its template and the variables it gets. */
export interface PageContext {
  readonly template: string;
  readonly page: PageView;
  /** Kind-specific view models, exposed to the template as top-level variables. */
  readonly data: Readonly<Record<string, unknown>>;
}

/** What other page builders look up among the site's pages (PageContexts has them). */
export interface SitePages {
  /** Whether the year ("2024") or month ("2024/01") has a page. */
  hasDatePage(key: string): boolean;
  /** The term a term page lists, by taxonomy and slug. */
  term(taxonomy: Taxonomy, slug: string): Term | undefined;
  /** The months before and after a month ("2024", "01"), which its pages link to; undefined at either end. */
  nearMonths(year: string, month: string): { readonly older: MonthGroup | undefined; readonly newer: MonthGroup | undefined };
}

/** Builds the context of every page of one site. */
export class PageContexts implements SitePages {
  readonly site: SiteView;
  readonly #archive: Archive;
  readonly #config: SiteConfig;
  readonly #views: ViewModels;
  readonly #terms: Map<string, Term>;
  readonly #years: Map<string, YearGroup>;
  /** Every month, newest first, for previous/next month links. */
  readonly #months: readonly MonthGroup[];

  constructor(archive: Archive, config: SiteConfig) {
    this.#archive = archive;
    this.#config = config;
    this.#views = new ViewModels(archive, config.basePath);
    this.#terms = new Map(TAXONOMIES.flatMap((t) => archive.terms[t].map((term) => [`${t}/${term.slug}`, term] as const)));
    this.#years = new Map(archive.years.map((y) => [y.year, y]));
    this.#months = archive.years.flatMap((y) => y.months);
    const v = this.#views;
    this.site = {
      title: config.title,
      description: config.description,
      language: config.language,
      basePath: config.basePath,
      siteUrl: config.siteUrl,
      homeHref: v.href(homeUrl()),
      searchHref: v.href(searchUrl()),
      archiveHref: v.href(archiveUrl()),
      undatedHref: v.href(undatedUrl()),
      stylesheetHref: v.href(assetUrl('style.css')),
      nav: [
        ...TAXONOMIES.map((t) => ({ label: TAXONOMY_LABELS[t][0], href: v.href(taxonomyUrl(t)), key: t })),
        { label: 'Archive', href: v.href(archiveUrl()), key: 'archive' },
      ],
    };
  }

  /** What `make` returns as JSON, the cards of pages it prepares spliced in from JSON made once per article (see ViewModels.cardsAsJson). */
  asJson(make: () => unknown): string | null {
    return this.#views.cardsAsJson(make);
  }

  /** Whether the year ("2024") or month ("2024/01") has a page (see ViewModels.hasDatePage). */
  hasDatePage(key: string): boolean {
    return this.#views.hasDatePage(key);
  }

  /** The term of a taxonomy with this slug, if the site has its page. */
  term(taxonomy: Taxonomy, slug: string): Term | undefined {
    return this.#terms.get(`${taxonomy}/${slug}`);
  }

  /** The months before and after a month (see SitePages.nearMonths). */
  nearMonths(year: string, month: string): { readonly older: MonthGroup | undefined; readonly newer: MonthGroup | undefined } {
    const index = this.#months.findIndex((m) => m.year === year && m.month === month);
    // Months are newest first: the older month follows in the list.
    return { older: index === -1 ? undefined : this.#months[index + 1], newer: index > 0 ? this.#months[index - 1] : undefined };
  }

  /** The role a term's pages give it (see ViewModels.termRole). */
  termRole(term: Term): string | null {
    return this.#views.termRole(term);
  }

  /** The template and variables of one page. */
  for(page: Page): PageContext {
    const archive = this.#archive;
    const v = this.#views;
    const home: LinkView = { label: 'Home', href: this.site.homeHref };
    const archiveLink: LinkView = { label: 'Archive', href: this.site.archiveHref };
    switch (page.kind) {
      case 'home':
        return this.#context(page, 'home.njk', { title: this.#config.title, description: this.#config.description, section: null, breadcrumbs: [], crumb: null }, {
          latest: v.cards(archive.listed.slice(0, this.#config.homeSize)),
          // The home page's own, not the site's: what every page sees is in every page's key, and one added article would re-render them all.
          articleCount: archive.listed.length,
          topics: archive.terms.topics.slice(0, FEATURED_TERMS).map((t) => v.term(t)),
          topicCount: archive.terms.topics.length,
          sources: archive.terms.sources.slice(0, FEATURED_TERMS).map((t) => v.term(t)),
          sourceCount: archive.terms.sources.length,
          timeline: v.timeline(archive.years),
          undatedCount: archive.undated.length,
          undatedHref: this.site.undatedHref,
          archiveHref: this.site.archiveHref,
          topicsHref: v.href(taxonomyUrl('topics')),
          sourcesHref: v.href(taxonomyUrl('sources')),
        });
      case 'article': {
        const article = archive.byId.get(page.id);
        if (article === undefined) throw new BroadsheetError(`no article with id ${page.id}`);
        const view = v.article(article);
        // A near-copy's own month may have no page (it is filed under its original's): the trail stops above it.
        const dated = [view.year, view.month].filter((link): link is LinkView => link !== null);
        const trail = article.date === null ? [archiveLink, { label: 'Undated', href: this.site.undatedHref }] : [archiveLink, ...dated];
        return this.#context(page, 'article.njk', { title: article.title, description: article.summary, section: null, breadcrumbs: [home, ...trail], crumb: null }, { article: view });
      }
      case 'taxonomy': {
        const [plural, singular] = TAXONOMY_LABELS[page.taxonomy];
        const terms = archive.terms[page.taxonomy];
        const long = terms.length > LONG_INDEX;
        const count = `${terms.length} ${(terms.length === 1 ? singular : plural).toLowerCase()}`;
        return this.#context(
          page,
          'taxonomy.njk',
          { title: plural, description: `${count} in the archive, with how many articles each.`, section: page.taxonomy, breadcrumbs: [home], crumb: plural },
          {
            taxonomy: page.taxonomy,
            label: plural,
            singular,
            count: terms.length,
            terms: terms.map((t) => v.term(t)),
            featured: long ? terms.slice(0, FEATURED_TERMS).map((t) => v.term(t)) : [],
            letters: long ? v.termsByLetter(terms) : [],
            emptyText: `No ${plural.toLowerCase()} in the archive yet.`,
          },
        );
      }
      case 'term': {
        const term = this.term(page.taxonomy, page.slug);
        if (term === undefined) throw new BroadsheetError(`no ${page.taxonomy} term with slug ${page.slug}`);
        const [plural, singular] = TAXONOMY_LABELS[page.taxonomy];
        const count = articlesCount(term.articleIds.length);
        const pager = v.pager(page.pagination, (n) => termUrl(page.taxonomy, page.slug, n));
        return this.#context(
          page,
          'term.njk',
          {
            title: term.name,
            description: `${TERM_PHRASES[page.taxonomy]} ${term.name}: ${count}, newest first.`,
            section: page.taxonomy,
            breadcrumbs: [home, { label: plural, href: v.href(taxonomyUrl(page.taxonomy)) }],
            crumb: term.name,
            pager,
            // "Iran" can be a topic and a place: the taxonomy keeps the two titles apart.
            titleSection: plural,
          },
          { eyebrow: singular, role: v.termRole(term), taxonomy: page.taxonomy, term: v.term(term), articles: v.cards(page.pagination.articleIds) },
        );
      }
      case 'archive':
        return this.#context(
          page,
          'archive.njk',
          {
            title: 'Archive',
            description: `Every year and month in the archive: ${articlesCount(archive.listed.length - archive.undated.length)} with a date, ${archive.undated.length} undated.`,
            section: 'archive',
            breadcrumbs: [home],
            crumb: 'Archive',
          },
          { timeline: v.timeline(archive.years), undatedCount: archive.undated.length, undatedHref: this.site.undatedHref },
        );
      case 'year': {
        const year = this.#years.get(page.year);
        if (year === undefined) throw new BroadsheetError(`no articles from ${page.year}`);
        const index = this.#archive.years.indexOf(year);
        const near = (y: YearGroup | undefined): LinkView | null => (y === undefined ? null : { label: y.year, href: v.href(yearUrl(y.year)) });
        return this.#context(
          page,
          'year.njk',
          { title: page.year, description: `${articlesCount(year.count)} from ${page.year}, by month.`, section: 'archive', breadcrumbs: [home, archiveLink], crumb: page.year },
          {
            count: year.count,
            months: year.months.map((m) => {
              // Named one by one, not spread then extended (see ViewModels.article()).
              const month = v.month(m.year, m.month, m.articleIds.length);
              return { label: month.label, href: month.href, count: month.count, articles: v.cards(m.articleIds.slice(0, YEAR_PAGE_PER_MONTH)) };
            }),
            // Years are newest first: the older year follows in the list.
            older: near(this.#archive.years[index + 1]),
            newer: near(this.#archive.years[index - 1]),
          },
        );
      }
      case 'month': {
        const label = `${monthName(page.month)} ${page.year}`;
        const { older, newer } = this.nearMonths(page.year, page.month);
        const near = (m: MonthGroup | undefined): LinkView | null => (m === undefined ? null : v.month(m.year, m.month, m.articleIds.length, true));
        return this.#context(
          page,
          'month.njk',
          {
            title: label,
            description: `${articlesCount(page.pagination.total)} from ${label}, newest first.`,
            section: 'archive',
            breadcrumbs: [home, archiveLink, { label: page.year, href: v.href(yearUrl(page.year)) }],
            crumb: monthName(page.month),
            pager: v.pager(page.pagination, (n) => monthUrl(page.year, page.month, n)),
          },
          { articles: v.cards(page.pagination.articleIds), older: near(older), newer: near(newer) },
        );
      }
      case 'undated':
        return this.#context(
          page,
          'undated.njk',
          {
            title: 'Undated articles',
            description: `${articlesCount(page.pagination.total)} whose text gives no date, by id.`,
            section: 'archive',
            breadcrumbs: [home, archiveLink],
            crumb: 'Undated',
            pager: v.pager(page.pagination, (n) => undatedUrl(n)),
          },
          { articles: v.cards(page.pagination.articleIds), emptyText: 'Every article in the archive has a date.' },
        );
      case 'search':
        return this.#context(page, 'search.njk', { title: 'Search', description: `Search ${articlesCount(archive.listed.length)} by word, topic, source or year.`, section: null, breadcrumbs: [home], crumb: 'Search' }, {});
      case 'not-found':
        return this.#context(
          page,
          '404.njk',
          { title: 'Page not found', description: 'Nothing is published at this address.', section: null, breadcrumbs: [], crumb: null, robots: 'noindex' },
          {},
        );
    }
  }

  #context(
    page: Page,
    template: string,
    meta: Pick<PageView, 'title' | 'description' | 'section' | 'breadcrumbs' | 'crumb'> & { pager?: PagerView | null; robots?: string; titleSection?: string },
    data: Record<string, unknown>,
  ): PageContext {
    const pager = meta.pager ?? null;
    const numbered = pager === null || pager.page === 1 ? meta.title : `${meta.title}, page ${pager.page} of ${pager.pageCount}`;
    return {
      template,
      page: {
        kind: page.kind,
        url: page.url,
        href: this.#views.href(page.url),
        title: meta.title,
        documentTitle: page.kind === 'home' ? this.site.title : documentTitle(numbered, [meta.titleSection, this.site.title].filter((part) => part !== undefined)),
        description: meta.description,
        section: meta.section,
        breadcrumbs: meta.breadcrumbs,
        crumb: meta.crumb !== null && pager !== null && pager.page > 1 ? `${meta.crumb}, page ${pager.page}` : meta.crumb,
        pager,
        robots: meta.robots ?? null,
      },
      data,
    };
  }
}

/** Longest <title>: search results and tabs cut longer ones anyway (and validators flag them). */
const MAX_DOCUMENT_TITLE = 70;

/** "Page title · Section · Site", the page title cut at a word boundary to fit MAX_DOCUMENT_TITLE. */
function documentTitle(title: string, suffixes: readonly string[]): string {
  const suffix = suffixes.map((s) => ` · ${s}`).join('');
  // The suffix is never cut: with a very long site title, the page title keeps at least a few words.
  return `${truncate(title, Math.max(MAX_DOCUMENT_TITLE - suffix.length - 1, 24))}${suffix}`;
}

/** "1 article", "12 articles". */
function articlesCount(n: number): string {
  return plural(n, 'article', 'articles');
}
