/** View models: what templates see. Plain objects with display strings and ready hrefs. */
import type { Article, Entity } from '../content/article.ts';
import type { Archive, Term } from '../archive/archive.ts';
import { articleUrl, hrefFor, monthUrl, termUrl, yearUrl, type Taxonomy } from '../urls.ts';
import { termSlug } from '../archive/group-by-term.ts';
import { formatDate, monthName } from './format-date.ts';

/** A link with its label. */
export interface LinkView {
  readonly label: string;
  readonly href: string;
}

/** An article in a list. */
export interface ArticleCardView {
  readonly id: string;
  readonly href: string;
  readonly title: string;
  /** "YYYY-MM-DD" or null. */
  readonly date: string | null;
  /** "30 January 2024" or null. */
  readonly dateLabel: string | null;
  readonly source: LinkView | null;
  readonly section: string | null;
  readonly summary: string;
  readonly readingMinutes: number;
  readonly topics: readonly LinkView[];
}

/** An entity link with its role. */
export interface EntityView extends LinkView {
  readonly role: string | null;
}

/** Everything an article page shows. */
export interface ArticleView extends ArticleCardView {
  readonly bodyHtml: string;
  readonly byline: string | null;
  readonly dateline: string | null;
  readonly credits: readonly string[];
  readonly wordCount: number;
  readonly people: readonly EntityView[];
  readonly places: readonly EntityView[];
  readonly organizations: readonly EntityView[];
  readonly month: LinkView | null;
  readonly year: LinkView | null;
  readonly older: ArticleCardView | null;
  readonly newer: ArticleCardView | null;
  readonly related: readonly ArticleCardView[];
  /** Boilerplate removed from the source text, for the "source text" disclosure. */
  readonly removed: ReadonlyArray<{ readonly kind: string; readonly text: string }>;
  readonly sourceFile: string;
}

/** A term in an index, with its count. */
export interface TermView extends LinkView {
  readonly count: number;
}

/** Longest summary shown in lists, in characters. */
const SUMMARY_LENGTH = 240;

/** Builds view models for one site: base path and archive bound once. */
export class ViewModels {
  readonly #archive: Archive;
  readonly #basePath: string;

  constructor(archive: Archive, basePath: string) {
    this.#archive = archive;
    this.#basePath = basePath;
  }

  /** The href of a site-relative URL under the base path. */
  href(url: string): string {
    return hrefFor(this.#basePath, url);
  }

  /** The card of one article. */
  card(article: Article): ArticleCardView {
    return {
      id: article.id,
      href: this.href(articleUrl(article.slug)),
      title: article.title,
      date: article.date,
      dateLabel: article.date === null ? null : formatDate(article.date),
      source: article.source === null ? null : this.termLink('sources', article.source),
      section: article.section,
      summary: truncate(article.summary, SUMMARY_LENGTH),
      readingMinutes: article.readingMinutes,
      topics: article.topics.map((t) => this.termLink('topics', t)),
    };
  }

  /** Cards of the given ids, skipping unknown ones. */
  cards(ids: readonly string[]): ArticleCardView[] {
    const cards: ArticleCardView[] = [];
    for (const id of ids) {
      const article = this.#archive.byId.get(id);
      if (article !== undefined) cards.push(this.card(article));
    }
    return cards;
  }

  /** The full view of one article page. */
  article(article: Article): ArticleView {
    const neighbours = this.#archive.neighbours.get(article.id);
    const byIdCard = (id: string | null | undefined): ArticleCardView | null => {
      const other = id == null ? undefined : this.#archive.byId.get(id);
      return other === undefined ? null : this.card(other);
    };
    const year = article.date?.slice(0, 4);
    const month = article.date?.slice(5, 7);
    return {
      ...this.card(article),
      summary: article.summary,
      bodyHtml: article.bodyHtml,
      byline: article.byline,
      dateline: article.dateline,
      credits: article.credits,
      wordCount: article.wordCount,
      people: article.people.map((e) => this.entity('people', e)),
      places: article.places.map((e) => this.entity('places', e)),
      organizations: article.organizations.map((e) => this.entity('organizations', e)),
      month: year === undefined || month === undefined ? null : { label: `${monthName(month)} ${year}`, href: this.href(monthUrl(year, month)) },
      year: year === undefined ? null : { label: year, href: this.href(yearUrl(year)) },
      older: byIdCard(neighbours?.older),
      newer: byIdCard(neighbours?.newer),
      related: this.cards(this.#archive.related.get(article.id) ?? []),
      removed: article.removed,
      sourceFile: article.sourceFile,
    };
  }

  /** The link to a term page by display name. */
  termLink(taxonomy: Taxonomy, name: string): LinkView {
    return { label: name, href: this.href(termUrl(taxonomy, termSlug(name))) };
  }

  /** A term with its count, for indexes. */
  term(term: Term): TermView {
    return { label: term.name, href: this.href(termUrl(term.taxonomy, term.slug)), count: term.articleIds.length };
  }

  /** An entity link (same term page as its name) with its role. */
  entity(taxonomy: Taxonomy, entity: Entity): EntityView {
    return { ...this.termLink(taxonomy, entity.name), role: entity.role };
  }
}

/** Cuts text at a word boundary and adds an ellipsis when it is longer than `max`. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:.\s]+$/, '')}…`;
}
