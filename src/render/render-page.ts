/** Stage 4: one Page → HTML through its template, with view models as the only context. */
import type nunjucks from 'nunjucks';
import type { Archive, Term } from '../archive/archive.ts';
import type { SiteConfig } from '../config/config.ts';
import type { Page } from './page.ts';
import { PageContexts } from './page-context.ts';
import { PageMetadata } from './structured-data.ts';
import { CoverageCharts } from './coverage-chart.ts';
import { PageInputs } from './page-inputs.ts';
import { templateError } from './template-errors.ts';

/** Renders pages of one site; holds the environment and the page contexts. */
export class PageRenderer {
  readonly #env: nunjucks.Environment;
  readonly #templatesDir: string;
  readonly #contexts: PageContexts;
  readonly #metadata: PageMetadata;
  readonly #charts: CoverageCharts;
  readonly #inputs: PageInputs;

  constructor(env: nunjucks.Environment, archive: Archive, config: SiteConfig) {
    this.#env = env;
    this.#templatesDir = config.templatesDir;
    this.#contexts = new PageContexts(archive, config);
    this.#metadata = new PageMetadata(archive, config);
    this.#charts = new CoverageCharts(archive, config.basePath, this.#contexts);
    this.#inputs = new PageInputs(archive, JSON.stringify(this.#metadata.siteFeeds), this.#contexts, termPageSummary(this.#contexts, this.#metadata));
  }

  /**
   * What the page is made from, as text, for its key without preparing it: article, term and
   * month pages (see PageInputs.text); null for other kinds, which are keyed by their prepared JSON.
   */
  inputsText(page: Page): string | null {
    return this.#inputs.text(page);
  }

  /** The HTML of one page. Template errors are thrown as BroadsheetError naming the template. */
  render(page: Page): string {
    return renderTemplate(this.#env, this.#templatesDir, this.prepare(page));
  }

  /** The template and every variable of one page, as plain data a worker thread can render. */
  prepare(page: Page): PreparedPage {
    const { template, page: pageView, data } = this.#contexts.for(page);
    // Kind-specific variables first, so `site` and `page` always mean the same thing.
    // `meta` (partials/meta.njk) and `coverage` (partials/coverage-chart.njk): reader features.
    // Assigned, not spread: a spread followed by more fields gave every page's context its own hidden class in Node 20's V8.
    const context: Record<string, unknown> = Object.assign({}, data);
    context['meta'] = this.#metadata.for(page, pageView);
    context['coverage'] = this.#charts.for(page);
    context['site'] = this.#contexts.site;
    context['page'] = pageView;
    return { template, url: page.url, context };
  }

  /**
   * prepare()'s page as JSON, the same text JSON.stringify(prepare(page)) gives, made for a fraction
   * of its cost: cards come from JSON made once per article. It is what a worker renders and what
   * the page's key hashes.
   */
  prepareJson(page: Page): string {
    return this.#contexts.asJson(() => this.prepare(page)) ?? JSON.stringify(this.prepare(page));
  }
}

/**
 * What a term page reads from the articles of its term beyond those it shows, besides its name
 * and count: the role it gives the term (people, places, organisations) and the feeds it
 * announces (a topic's, when one of its articles can be an entry). The chart, on the first page
 * only, is keyed apart (PageInputs).
 */
export function termPageSummary(contexts: PageContexts, metadata: PageMetadata): (term: Term) => string {
  return (term) => JSON.stringify([contexts.termRole(term), term.taxonomy === 'topics' ? metadata.topicFeeds(term.slug, term.name) : []]);
}

/** A page ready to render: its template and variables, plain data (no archive, no environment). */
export interface PreparedPage {
  readonly template: string;
  /** Site-relative URL of the page, for error messages. */
  readonly url: string;
  readonly context: Readonly<Record<string, unknown>>;
}

/** Renders a prepared page with templates from `templatesDir`. Template errors are thrown as BroadsheetError naming the template (see templateError). */
export function renderTemplate(env: nunjucks.Environment, templatesDir: string, prepared: PreparedPage): string {
  try {
    return env.render(prepared.template, prepared.context);
  } catch (error) {
    throw templateError(error, templatesDir, prepared.template, `template error while rendering ${prepared.url || 'the home page'}`, true);
  }
}
