/**
 * What a page tells machines about itself: canonical link, OpenGraph and Twitter card tags,
 * schema.org JSON-LD (NewsArticle on articles, WebSite with a search action on the home page)
 * and the feeds it offers. Templates read it as `meta` (templates/partials/meta.njk).
 */
import type { Archive, Term } from '../archive/archive.ts';
import type { Article } from '../content/article.ts';
import type { SiteConfig } from '../config/config.ts';
import type { Page } from './page.ts';
import { absoluteUrlFor, hrefFor, searchUrl, termUrl } from '../urls.ts';
import { feedPaths, hasFeed } from '../outputs/feeds.ts';
import { originalOf } from '../archive/original-of.ts';
import { leadImage, mediaHref } from '../content/media-file.ts';

/** A `<meta property|name content>` pair. */
export interface MetaTag {
  readonly key: string;
  readonly content: string;
}

/** A `<link rel="alternate">` to a feed. */
export interface FeedLink {
  readonly type: string;
  readonly title: string;
  readonly href: string;
}

/** The machine-readable metadata of one page. */
export interface PageMetaView {
  /**
   * Canonical URL: absolute with a configured site URL, else null; a near-copy's page names its
   * original's URL (under the base path when no site URL is set), so search engines index the story once.
   */
  readonly canonical: string | null;
  /** OpenGraph tags (`property`). */
  readonly openGraph: readonly MetaTag[];
  /** Twitter card tags (`name`). */
  readonly twitter: readonly MetaTag[];
  /** JSON-LD text safe to put inside a script element, or null. */
  readonly jsonLd: string | null;
  /** Feeds to announce with `<link rel="alternate">`. */
  readonly feeds: readonly FeedLink[];
}

/** The page fields metadata is made from. */
export interface PageSummary {
  readonly title: string;
  readonly description: string;
}

/** Builds the metadata of every page of one site. */
export class PageMetadata {
  readonly #archive: Archive;
  readonly #config: SiteConfig;
  readonly #siteFeeds: readonly FeedLink[];
  readonly #topics: ReadonlyMap<string, Term>;

  constructor(archive: Archive, config: SiteConfig) {
    this.#archive = archive;
    this.#config = config;
    this.#topics = new Map(archive.terms.topics.map((t) => [t.slug, t]));
    this.#siteFeeds = this.#feedLinks('', config.title, archive.listed);
  }

  /** The feeds of the whole site, which every page but a topic's announces alone. */
  get siteFeeds(): readonly FeedLink[] {
    return this.#siteFeeds;
  }

  /** The metadata of one page. */
  for(page: Page, summary: PageSummary): PageMetaView {
    const config = this.#config;
    const article = page.kind === 'article' ? this.#archive.byId.get(page.id) : undefined;
    const originalId = article === undefined ? null : originalOf(article, this.#archive.byId);
    const original = originalId === null ? undefined : this.#archive.byId.get(originalId);
    // The 404 page is served at any address: it has no canonical URL of its own.
    const absolute = config.siteUrl === null || page.kind === 'not-found' ? null : absoluteUrlFor(config.siteUrl, original?.url ?? page.url);
    // A copy's canonical matters even without a site URL: a root-relative one is valid HTML and read by search engines.
    const canonical = absolute ?? (original === undefined ? null : hrefFor(config.basePath, original.url));
    const openGraph: MetaTag[] = [
      { key: 'og:type', content: article === undefined ? 'website' : 'article' },
      { key: 'og:title', content: summary.title },
      { key: 'og:description', content: summary.description },
      { key: 'og:site_name', content: config.title },
    ];
    // OpenGraph locales are language_TERRITORY ("en_GB"); a bare language says nothing more than <html lang>.
    if (/^[a-z]{2,3}-[A-Za-z]{2}$/.test(config.language)) openGraph.push({ key: 'og:locale', content: config.language.replace('-', '_') });
    // og:url, like the canonical link, names the original of a copy, so shares of either count for one story.
    if (absolute !== null) openGraph.push({ key: 'og:url', content: absolute });
    // The article's first picture, by its full URL (which og:image must be): what a share and a search result show.
    const image = article === undefined ? null : leadImageUrl(article, config);
    if (image !== null) openGraph.push({ key: 'og:image', content: image });
    if (article !== undefined) {
      if (article.date !== null) openGraph.push({ key: 'article:published_time', content: article.date });
      if (article.section !== null) openGraph.push({ key: 'article:section', content: article.section });
      for (const topic of article.topics) openGraph.push({ key: 'article:tag', content: topic });
    }
    const twitter: MetaTag[] = [
      { key: 'twitter:card', content: image === null ? 'summary' : 'summary_large_image' },
      { key: 'twitter:title', content: summary.title },
      { key: 'twitter:description', content: summary.description },
    ];
    let jsonLd: unknown = null;
    if (article !== undefined) jsonLd = newsArticleJsonLd(article, config, original);
    else if (page.kind === 'home') jsonLd = webSiteJsonLd(config);
    const feeds = page.kind === 'term' && page.taxonomy === 'topics' ? [...this.topicFeeds(page.slug, summary.title), ...this.#siteFeeds] : this.#siteFeeds;
    return { canonical, openGraph, twitter, jsonLd: jsonLd === null ? null : jsonForScript(jsonLd), feeds };
  }

  /** The feeds of the topic with this slug and name, which its pages announce; none when it has no feed, or is no topic. */
  topicFeeds(slug: string, name: string): FeedLink[] {
    const term = this.#topics.get(slug);
    return term === undefined ? [] : this.#feedLinks(termUrl('topics', slug), `${name} · ${this.#config.title}`, term.articleIds);
  }

  /** Feeds exist only with a site URL and at least one dated article (see outputs/feeds.ts). */
  #feedLinks(pageUrl: string, title: string, ids: readonly string[]): FeedLink[] {
    if (this.#config.siteUrl === null || !hasFeed(ids, this.#archive.byId)) return [];
    const paths = feedPaths(pageUrl);
    const href = (url: string): string => hrefFor(this.#config.basePath, url);
    return [
      { type: 'application/atom+xml', title: `${title} (Atom)`, href: href(paths.atom) },
      { type: 'application/feed+json', title: `${title} (JSON Feed)`, href: href(paths.json) },
      { type: 'application/rss+xml', title: `${title} (RSS)`, href: href(paths.rss) },
    ];
  }
}

/**
 * schema.org NewsArticle of one article; absolute URLs only when the site URL is known. A near-copy
 * names its `original` with `isBasedOn` ("a work this one is derived from"), not `sameAs`, which
 * would claim the two are one work: a copy may be cut or edited, and it keeps its own publisher.
 */
export function newsArticleJsonLd(article: Article, config: Pick<SiteConfig, 'title' | 'siteUrl' | 'language'>, original?: Article): Record<string, unknown> {
  const url = config.siteUrl === null ? null : absoluteUrlFor(config.siteUrl, article.url);
  const image = leadImageUrl(article, config);
  const publisher = publisherOf(article, config);
  const keywords = [...new Set([...article.topics, ...article.people.map((e) => e.name), ...article.places.map((e) => e.name), ...article.organizations.map((e) => e.name)])];
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary,
    ...(article.date === null ? {} : { datePublished: article.date }),
    ...(url === null ? {} : { url, mainEntityOfPage: url }),
    inLanguage: config.language,
    ...(article.section === null ? {} : { articleSection: article.section }),
    author: article.byline === null ? publisher : { '@type': 'Person', name: article.byline },
    publisher,
    ...(article.credits.length === 0 ? {} : { creditText: article.credits.join('; ') }),
    keywords,
    wordCount: article.wordCount,
    ...(image === null ? {} : { image: [image] }),
    isAccessibleForFree: true,
    ...(original === undefined ? {} : { isBasedOn: basedOn(original, config) }),
  };
}

/** The full URL of the first image an article shows (see leadImage), or null: none, or no site URL to make it full. */
function leadImageUrl(article: Article, config: Pick<SiteConfig, 'siteUrl'>): string | null {
  const image = leadImage(article);
  return image === null || config.siteUrl === null ? null : absoluteUrlFor(config.siteUrl, mediaHref(image, ''));
}

/** The publisher of an article: its source, else the site. */
function publisherOf(article: Article, config: Pick<SiteConfig, 'title'>): Record<string, string> {
  return { '@type': 'Organization', name: article.source ?? config.title };
}

/** The original of a near-copy as a NewsArticle reference: headline, date, publisher and, with a site URL, its URL. */
function basedOn(original: Article, config: Pick<SiteConfig, 'title' | 'siteUrl'>): Record<string, unknown> {
  const url = config.siteUrl === null ? null : absoluteUrlFor(config.siteUrl, original.url);
  return {
    '@type': 'NewsArticle',
    ...(url === null ? {} : { url }),
    headline: original.title,
    ...(original.date === null ? {} : { datePublished: original.date }),
    publisher: publisherOf(original, config),
  };
}

/** schema.org WebSite with its search action, for the home page (needs absolute URLs). */
export function webSiteJsonLd(config: Pick<SiteConfig, 'title' | 'description' | 'siteUrl' | 'language'>): Record<string, unknown> | null {
  if (config.siteUrl === null) return null;
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: config.title,
    description: config.description,
    url: config.siteUrl,
    inLanguage: config.language,
    potentialAction: {
      '@type': 'SearchAction',
      target: `${absoluteUrlFor(config.siteUrl, searchUrl())}?q={search_term_string}`,
      'query-input': 'required name=search_term_string',
    },
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` become \u escapes so no text
 * (a title holding "</script>", say) can end the script element; U+2028/9 are escaped for old parsers.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
