/** View models: what templates see. Plain objects with display strings and ready hrefs. */
import type { Article, Entity, RemovedText } from '../content/article.ts';
import type { Archive, Term, YearGroup } from '../archive/archive.ts';
import { pageWindow, type Pagination } from '../archive/paginate.ts';
import { articleUrl, hrefFor, monthUrl, termUrl, yearUrl, type Taxonomy } from '../urls.ts';
import { termSlug } from '../archive/group-by-term.ts';
import { originalOf } from '../archive/original-of.ts';
import { formatDate, monthName } from './format-date.ts';
import { compareCodePoints } from '../text/compare.ts';
import { withoutControlCharacters } from '../text/control-characters.ts';
import { articleByPath } from '../content/article-links.ts';

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
  /** Plain text, cut at a word boundary for lists. */
  readonly summary: string;
  readonly readingMinutes: number;
  readonly topics: readonly LinkView[];
  /** The original this article is a near-copy of (label: its title), or null. */
  readonly copyOf: LinkView | null;
  /** The near-copies of this article ("Also published: Source B"), labelled by source, else by title. */
  readonly copies: readonly LinkView[];
}

/** An entity link with its role. */
export interface EntityView extends LinkView {
  readonly role: string | null;
}

/** One block of boilerplate removed from the source text, with a readable label. */
export interface RemovedView {
  readonly kind: string;
  /** "Photo credit", "Appeal for support". */
  readonly label: string;
  readonly text: string;
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
  /** Topics, people, places and organisations that have any entries, in display order. */
  readonly facets: ReadonlyArray<{ readonly label: string; readonly links: readonly EntityView[] }>;
  readonly month: LinkView | null;
  readonly year: LinkView | null;
  readonly older: ArticleCardView | null;
  readonly newer: ArticleCardView | null;
  readonly related: readonly ArticleCardView[];
  /** The original when this article is a near-copy of one wire story, for the notice at the top; else null. */
  readonly original: ArticleCardView | null;
  /** Other reports of the same story and the near-copies; null when the article stands alone. */
  readonly story: StoryView | null;
  /** Boilerplate removed from the source text, for the "source text" disclosure. */
  readonly removed: readonly RemovedView[];
  /** Whether it is a draft (built because drafts were asked for), for the notice at the top. */
  readonly draft: boolean;
  /** The href of each article of content/ its body links to, by that article's path there: what the body's link marks become (see article-links.ts). */
  readonly bodyLinks: Readonly<Record<string, string>>;
  /** The input's path in its folder, as shown: without the control characters a file name may hold, which a page cannot. */
  readonly sourceFile: string;
}

/** An article's story: the reports of one event, and the near-copies of one wire story. */
export interface StoryView {
  /** Reports of the story, near-copies not counted ("3 reports on this story"). */
  readonly count: number;
  /** The other reports, oldest first (on a near-copy's page its original is one of them). */
  readonly others: readonly ArticleCardView[];
  /** Near-copies of this report ("Also published by"), or on a copy's page the original's other copies; oldest first. */
  readonly copies: readonly ArticleCardView[];
}

/** A term in an index, with its count. */
export interface TermView extends LinkView {
  readonly count: number;
}

/** Terms under one initial letter, for A–Z indexes. */
export interface LetterGroupView {
  /** "A".."Z", or "#" for names that do not start with a Latin letter. */
  readonly letter: string;
  /** Fragment id of the group's heading ("letter-a"). */
  readonly anchor: string;
  readonly terms: readonly TermView[];
}

/** One month in the timeline or on a year page. */
export interface MonthView extends LinkView {
  readonly count: number;
}

/** One year in the timeline, its months newest first. */
export interface YearView extends LinkView {
  readonly count: number;
  readonly months: readonly MonthView[];
}

/** One numbered link in a pager; `gap` marks an ellipsis. */
export type PagerItemView = { readonly gap: true } | { readonly gap: false; readonly number: number; readonly href: string; readonly current: boolean };

/** Navigation between the pages of a paginated list. */
export interface PagerView {
  readonly page: number;
  readonly pageCount: number;
  readonly total: number;
  /** Href of the page before (newer articles), or null on page 1. */
  readonly previousHref: string | null;
  /** Href of the page after (older articles), or null on the last page. */
  readonly nextHref: string | null;
  readonly items: readonly PagerItemView[];
}

/** Longest summary shown in lists, in characters. */
const SUMMARY_LENGTH = 240;

/** Readable names of the kinds of removed boilerplate; unknown kinds fall back to their id. */
const REMOVED_LABELS: Readonly<Record<string, string>> = {
  'date-prefix': 'Date prefix',
  'section-label': 'Section label',
  'source-line': 'Source line',
  byline: 'Byline',
  dateline: 'Dateline',
  'photo-credit': 'Photo credit',
  'agency-credit': 'Agency credit',
  appeal: 'Appeal for support',
  'social-footer': 'Social media footer',
  newsletter: 'Newsletter prompt',
  'header-date': 'Date in the header',
  advert: 'Advertisement',
  'related-link': 'Related link',
  copyright: 'Copyright notice',
  separator: 'Separator',
};

/** An entity list without roles (most lists), see ViewModels.#rolesIn. */
const NO_ROLES: readonly string[] = [];

/** Builds view models for one site: base path and archive bound once. */
export class ViewModels {
  readonly #archive: Archive;
  readonly #basePath: string;
  /** Slugs by name: the same names recur on thousands of pages, and slugify normalises Unicode. */
  readonly #slugs = new Map<string, string>();
  /** Links by "taxonomy/name": the same few thousand terms are linked from every card and article. */
  readonly #links = new Map<string, LinkView>();
  /** Roles by "taxonomy/slug", see termRole. */
  readonly #roles = new Map<string, string | null>();
  /** Each entity list's roles, see #rolesIn. */
  readonly #entityRoles = new WeakMap<readonly Entity[], readonly string[]>();
  /** "2024" and "2024/01" of every year and month page: a near-copy's own month may have none. */
  readonly #datePages: ReadonlySet<string>;
  /** Card JSON by article id, see #cardJson. */
  readonly #cardJsons = new Map<string, string>();
  /** The stand-ins of the cardsAsJson() call under way, else null. */
  #refs: CardRefs | null = null;

  constructor(archive: Archive, basePath: string) {
    this.#archive = archive;
    this.#basePath = basePath;
    this.#datePages = new Set(archive.years.flatMap((y) => [y.year, ...y.months.map((m) => `${m.year}/${m.month}`)]));
  }

  /** Whether the year ("2024") or month ("2024/01") has a page: a near-copy's own month may have none. */
  hasDatePage(key: string): boolean {
    return this.#datePages.has(key);
  }

  /** The href of a site-relative URL under the base path. */
  href(url: string): string {
    return hrefFor(this.#basePath, url);
  }

  /**
   * The card of one article. Card objects are not kept (at 25x, 52,000 of them held ~30-45 MB
   * through render, where the build's memory peaks); while cardsAsJson() runs, a card is a
   * stand-in for its JSON (see CardRef), and that JSON is kept, once per article (~17 MB at 25x).
   */
  card(article: Article): ArticleCardView {
    if (this.#refs !== null) return this.#refs.ref(article, this.#cardJson);
    return this.#cardObject(article);
  }

  #cardObject(article: Article): ArticleCardView {
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
      copyOf: this.#copyOf(article),
      copies: this.#copyLinks(this.#archive.copies.get(article.id) ?? []),
    };
  }

  /** A card's JSON, made once per article: ~330 bytes each, 17 MB at 25x, where the card objects were 30-45 MB. */
  readonly #cardJson = (article: Article): string => {
    let json = this.#cardJsons.get(article.id);
    if (json === undefined) this.#cardJsons.set(article.id, (json = JSON.stringify(this.#cardObject(article))));
    return json;
  };

  /**
   * `make()`'s result as JSON, its cards made by card() spliced in from JSON made once per article:
   * a list page's cards were most of its preparing and stringifying, on every page showing them.
   * The JSON is what JSON.stringify of the same views with real cards gives; null in the unlikely
   * case that a text of the page is a card's mark (the caller then stringifies real cards).
   */
  cardsAsJson(make: () => unknown): string | null {
    const refs = new CardRefs();
    this.#refs = refs;
    try {
      return refs.stringify(make());
    } finally {
      this.#refs = null;
    }
  }

  /** "Also published" links to the given near-copies, labelled by source, else by title. */
  #copyLinks(ids: readonly string[]): LinkView[] {
    return ids.flatMap((id) => {
      const copy = this.#archive.byId.get(id);
      return copy === undefined ? [] : [{ label: copy.source ?? `“${copy.title}”`, href: this.href(articleUrl(copy.slug)) }];
    });
  }

  /** Cards of the given ids as shown on `page`'s own page (see #onPageOf). */
  #cardsOnPageOf(page: Article, ids: readonly string[]): ArticleCardView[] {
    return this.cards(ids).map((card) => this.#onPageOf(page, card));
  }

  /** A card as shown on `page`'s own page: on a near-copy's page, its original's card does not list that page among its copies. */
  #onPageOf(page: Article, card: ArticleCardView): ArticleCardView {
    const copies = this.#archive.copies.get(card.id) ?? [];
    if (!copies.includes(page.id)) return card;
    const full = card instanceof CardRef ? this.#cardObject(card.article) : card;
    return { ...full, copies: this.#copyLinks(copies.filter((id) => id !== page.id)) };
  }

  #copyOf(article: Article): LinkView | null {
    const id = originalOf(article, this.#archive.byId);
    const original = id === null ? undefined : this.#archive.byId.get(id);
    return original === undefined ? null : { label: original.title, href: this.href(articleUrl(original.slug)) };
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
      return other === undefined ? null : this.#onPageOf(article, this.card(other));
    };
    // Links only to date pages that exist: a near-copy is filed under its original's date, so its own month may have no page.
    const date = article.date;
    const year = date !== null && this.hasDatePage(date.slice(0, 4)) ? date.slice(0, 4) : undefined;
    const month = date !== null && this.hasDatePage(`${date.slice(0, 4)}/${date.slice(5, 7)}`) ? date.slice(5, 7) : undefined;
    const topics = article.topics.map((t) => withRole(this.termLink('topics', t), null));
    const people = article.people.map((e) => this.entity('people', e));
    const places = article.places.map((e) => this.entity('places', e));
    const organizations = article.organizations.map((e) => this.entity('organizations', e));
    const facets = [
      { label: 'Topics', links: topics },
      { label: 'People', links: people },
      { label: 'Places', links: places },
      { label: 'Organisations', links: organizations },
    ].filter((f) => f.links.length > 0);
    // The card's fields one by one, in the card's order: a spread followed by more fields (here and
    // in withRole) gave every article view its own hidden class in Node 20's V8, ~11 KB of
    // old-space garbage per article page, and slower stringifying and template lookups.
    const card = this.#cardObject(article);
    return {
      id: card.id,
      href: card.href,
      title: card.title,
      date: card.date,
      dateLabel: card.dateLabel,
      source: card.source,
      section: card.section,
      summary: article.summary,
      readingMinutes: card.readingMinutes,
      topics: card.topics,
      copyOf: card.copyOf,
      copies: card.copies,
      bodyHtml: article.bodyHtml,
      byline: article.byline,
      dateline: article.dateline,
      credits: article.credits,
      wordCount: article.wordCount,
      people,
      places,
      organizations,
      facets,
      month: year === undefined || month === undefined ? null : { label: `${monthName(month)} ${year}`, href: this.href(monthUrl(year, month)) },
      year: year === undefined ? null : { label: year, href: this.href(yearUrl(year)) },
      older: byIdCard(neighbours?.older),
      newer: byIdCard(neighbours?.newer),
      related: this.#cardsOnPageOf(article, this.#archive.related.get(article.id) ?? []),
      original: byIdCard(originalOf(article, this.#archive.byId)),
      story: this.story(article),
      removed: article.removed.map((block) => this.removed(block)),
      sourceFile: withoutControlCharacters(article.sourceFile).text,
      draft: article.draft === true,
      bodyLinks: this.#bodyLinks(article),
    };
  }

  /** The hrefs of the articles `article` links to (see ArticleView.bodyLinks); a path no article has is left out. */
  #bodyLinks(article: Article): Record<string, string> {
    const hrefs: Record<string, string> = {};
    if (article.links === undefined) return hrefs;
    const byPath = articleByPath(this.#archive.byId);
    for (const [file] of article.links) {
      const target = byPath.get(file);
      if (target !== undefined) hrefs[file] = this.href(target.url);
    }
    return hrefs;
  }

  /** The story view of an article, or null when it has neither other reports nor near-copies. */
  story(article: Article): StoryView | null {
    const ids = article.story?.articleIds ?? [];
    const others = ids.filter((id) => id !== article.id);
    // A copy's page lists the original's other copies; the original itself heads the page.
    const copies = (this.#archive.copies.get(originalOf(article, this.#archive.byId) ?? article.id) ?? []).filter((id) => id !== article.id);
    if (others.length === 0 && copies.length === 0) return null;
    return { count: ids.length, others: this.#cardsOnPageOf(article, others), copies: this.#cardsOnPageOf(article, copies) };
  }

  /** A removed block with a readable label. */
  removed(block: RemovedText): RemovedView {
    return { kind: block.kind, label: REMOVED_LABELS[block.kind] ?? block.kind, text: block.text };
  }

  /** The link to a term page by display name (the same object each time: do not change it). */
  termLink(taxonomy: Taxonomy, name: string): LinkView {
    const key = `${taxonomy}/${name}`;
    let link = this.#links.get(key);
    if (link !== undefined) return link;
    link = { label: name, href: this.href(termUrl(taxonomy, this.#slug(name))) };
    this.#links.set(key, link);
    return link;
  }

  #slug(name: string): string {
    let slug = this.#slugs.get(name);
    if (slug === undefined) this.#slugs.set(name, (slug = termSlug(name)));
    return slug;
  }

  /**
   * The role most often given to a person, place or organisation across its articles ("Kremlin
   * spokesman"), or null. Cached per term: every page of a long term list asks again.
   */
  termRole(term: Term): string | null {
    if (term.taxonomy !== 'people' && term.taxonomy !== 'places' && term.taxonomy !== 'organizations') return null;
    const key = `${term.taxonomy}/${term.slug}`;
    const cached = this.#roles.get(key);
    if (cached !== undefined) return cached;
    const counts = new Map<string, number>();
    for (const id of term.articleIds) {
      const entities = this.#archive.byId.get(id)?.[term.taxonomy];
      if (entities === undefined) continue;
      const roles = this.#rolesIn(entities);
      for (let i = 0; i < roles.length; i += 2) {
        if (roles[i] !== term.slug) continue;
        const role = roles[i + 1]!;
        counts.set(role, (counts.get(role) ?? 0) + 1);
        break;
      }
    }
    const best = [...counts].sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0]))[0]?.[0] ?? null;
    this.#roles.set(key, best);
    return best;
  }

  /**
   * An article's entities of one taxonomy that have a role, as slug and role one after the other,
   * the first under each slug. Kept per list: every term of an article looked its role up among all
   * its entities again (at 25x, 0.7 s of a rebuild's page keys, an article being in ~15 terms).
   */
  #rolesIn(entities: readonly Entity[]): readonly string[] {
    const known = this.#entityRoles.get(entities);
    if (known !== undefined) return known;
    let roles: string[] | null = null;
    for (const entity of entities) {
      if (entity.role == null) continue;
      const slug = this.#slug(entity.name);
      if (roles === null) roles = [];
      else if (roles.some((seen, i) => i % 2 === 0 && seen === slug)) continue;
      roles.push(slug, entity.role);
    }
    this.#entityRoles.set(entities, roles ?? NO_ROLES);
    return roles ?? NO_ROLES;
  }

  /** A term with its count, for indexes. */
  term(term: Term): TermView {
    return { label: term.name, href: this.href(termUrl(term.taxonomy, term.slug)), count: term.articleIds.length };
  }

  /** Terms grouped by initial letter, A to Z, names in order within each letter. */
  termsByLetter(terms: readonly Term[]): LetterGroupView[] {
    const groups = new Map<string, TermView[]>();
    // Sort keys are computed once per name: indexes of big archives hold tens of thousands.
    const sorted = terms.map((term) => ({ term, key: nameKey(term.name) })).sort((a, b) => compareCodePoints(a.key, b.key) || compareCodePoints(a.term.name, b.term.name));
    for (const { term } of sorted) {
      const letter = initialLetter(term.name);
      let group = groups.get(letter);
      if (group === undefined) groups.set(letter, (group = []));
      group.push(this.term(term));
    }
    // "#" (digits, other scripts) goes last, after Z.
    return [...groups]
      .sort(([a], [b]) => Number(a === '#') - Number(b === '#') || compareCodePoints(a, b))
      .map(([letter, list]) => ({ letter, anchor: letter === '#' ? 'letter-other' : `letter-${letter.toLowerCase()}`, terms: list }));
  }

  /** An entity link (same term page as its name) with its role. */
  entity(taxonomy: Taxonomy, entity: Entity): EntityView {
    return withRole(this.termLink(taxonomy, entity.name), entity.role);
  }

  /** One month link with its count. */
  month(year: string, month: string, count: number, withYear = false): MonthView {
    return { label: withYear ? `${monthName(month)} ${year}` : monthName(month), href: this.href(monthUrl(year, month)), count };
  }

  /** The timeline of years and months, newest first. */
  timeline(years: readonly YearGroup[]): YearView[] {
    return years.map((y) => ({
      label: y.year,
      href: this.href(yearUrl(y.year)),
      count: y.count,
      months: y.months.map((m) => this.month(m.year, m.month, m.articleIds.length)),
    }));
  }

  /** The pager of one page of a list, or null when the list fits on one page. */
  pager(p: Pagination, urlOf: (page: number) => string): PagerView | null {
    if (p.pageCount <= 1) return null;
    return {
      page: p.page,
      pageCount: p.pageCount,
      total: p.total,
      previousHref: p.page > 1 ? this.href(urlOf(p.page - 1)) : null,
      nextHref: p.page < p.pageCount ? this.href(urlOf(p.page + 1)) : null,
      items: pageWindow(p.page, p.pageCount).map((n): PagerItemView => (n === null ? { gap: true } : { gap: false, number: n, href: this.href(urlOf(n)), current: n === p.page })),
    };
  }
}

/**
 * A card's stand-in while views are made for JSON: JSON.stringify calls toJSON(), which gives a
 * mark naming its slot, and CardRefs.stringify() puts the card's JSON in place of the mark. Typed
 * as a card so the view builders need no second shape; nothing reads its fields but `id`.
 */
class CardRef {
  readonly id: string;
  readonly article: Article;
  readonly #slot: number;
  readonly #refs: CardRefs;

  constructor(article: Article, slot: number, refs: CardRefs) {
    this.id = article.id;
    this.article = article;
    this.#slot = slot;
    this.#refs = refs;
  }

  toJSON(): string {
    this.#refs.marked += 1;
    return `${CARD_MARK}${this.#slot}`;
  }
}

/** Starts a card's mark: a NUL, which JSON writes as the six characters \u0000. */
const CARD_MARK = '\0card:';

/** A mark as it appears in JSON. */
const MARKED_CARD = /"\\u0000card:(\d+)"/g;

/** The card stand-ins of one page and their JSON. */
class CardRefs {
  readonly #json: string[] = [];
  /** Marks JSON.stringify wrote: a text that looks like a mark is caught by the count differing. */
  marked = 0;

  /** A stand-in for the card whose JSON `json` gives. */
  ref(article: Article, json: (article: Article) => string): ArticleCardView {
    this.#json.push(json(article));
    return new CardRef(article, this.#json.length - 1, this) as unknown as ArticleCardView;
  }

  /** The views as JSON with each card's JSON in place; null when some text of the page looked like a mark. */
  stringify(views: unknown): string | null {
    const json = JSON.stringify(views);
    let found = 0;
    const spliced = json.replace(MARKED_CARD, (_mark, slot: string) => {
      found += 1;
      return this.#json[Number(slot)]!;
    });
    return found === this.marked ? spliced : null;
  }
}

/** A link with a role, fields named one by one (see article()). */
function withRole(link: LinkView, role: string | null): EntityView {
  return { label: link.label, href: link.href, role };
}

/** Cuts text at a word boundary and adds an ellipsis when it is longer than `max`. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:.\s]+$/, '')}…`;
}

/** The A–Z letter a name is filed under: its first Latin letter without accents, else "#". */
export function initialLetter(name: string): string {
  const first = name.trim().normalize('NFKD').charAt(0).toUpperCase();
  return /^[A-Z]$/.test(first) ? first : '#';
}

/** A name's case- and accent-insensitive sort key, so A–Z order does not depend on the machine's locale. */
function nameKey(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
