/** The plain records passed between the pipeline's stages: one `Article` per input file. */

/** Which input folder an article came from. */
export type InputKind = 'seed' | 'content';

/** Where an article's title came from, most trusted first. */
export type TitleOrigin = 'front-matter' | 'override' | 'headline' | 'lede' | 'file-name';

/** Where an article's date came from; `none` when the text does not say. */
export type DateOrigin = 'front-matter' | 'override' | 'inline-prefix' | 'header' | 'dateline' | 'lede' | 'none';

/** Where the source (publisher) came from; `none` when unknown (never guessed). */
export type SourceOrigin = 'front-matter' | 'override' | 'source-line' | 'message-block' | 'agency-credit' | 'none';

/** What kind of boilerplate a removed block was. */
export type RemovedKind =
  | 'date-prefix'
  | 'section-label'
  | 'source-line'
  | 'byline'
  | 'dateline'
  | 'photo-credit'
  | 'agency-credit'
  | 'appeal'
  | 'social-footer'
  | 'newsletter'
  | 'header-date'
  | 'advert'
  | 'related-link'
  | 'copyright'
  | 'separator';

/** A block of raw text taken out of the body, kept so nothing is lost. */
export interface RemovedText {
  /** What the block was recognised as. */
  readonly kind: RemovedKind;
  /** The text as it stood in the input (after line-ending normalisation and HTML-entity decoding). */
  readonly text: string;
}

/** The kinds of named entity the enricher finds. */
export type EntityKind = 'person' | 'place' | 'organization';

/** A person, place or organisation named in an article, under one canonical name. */
export interface Entity {
  /** Canonical display name ("Dmitry Peskov", "United States"). */
  readonly name: string;
  /** URL-safe key of the canonical name; one page per slug. */
  readonly slug: string;
  /** Role or title seen before the name ("Kremlin spokesman"), when there is one. */
  readonly role: string | null;
  /** How many times the article names it, under any of its forms. */
  readonly mentions: number;
}

/** A subject from the IPTC Media Topics top level, with the evidence that chose it. */
export interface Subject {
  /** Stable id from the taxonomy data file ("politics"). */
  readonly id: string;
  /** Display label ("politics"). */
  readonly label: string;
  /** Relative strength, higher is stronger; comparable within one article. */
  readonly score: number;
  /** The matched terms, for explaining the choice. */
  readonly evidence: readonly string[];
}

/** One article, parsed and enriched: everything the archive needs, no I/O handles. */
export interface Article {
  /** Stable id from the input path (or front matter `id`); never changes when others are added. */
  readonly id: string;
  /** URL segment of the article page (front matter `slug`, else the id). */
  readonly slug: string;
  /** Site-relative URL of the article page, without base path ("articles/<slug>/"). */
  readonly url: string;
  /** Display title, plain text. */
  readonly title: string;
  /** Which rule chose the title. */
  readonly titleOrigin: TitleOrigin;
  /** Publication date "YYYY-MM-DD", or null when the text does not say. */
  readonly date: string | null;
  /** Which rule chose the date. */
  readonly dateOrigin: DateOrigin;
  /** Publisher, or null when unknown. */
  readonly source: string | null;
  /** Which rule chose the source. */
  readonly sourceOrigin: SourceOrigin;
  /** Section label ("Featured", "Opinion"), or null. */
  readonly section: string | null;
  /** Byline without "By", or null. */
  readonly byline: string | null;
  /** Dateline place ("MOSCOW"), or null. */
  readonly dateline: string | null;
  /** Photo credits and contributing agencies, as they were written. */
  readonly credits: readonly string[];
  /** First paragraph or front matter `summary`, plain text. */
  readonly summary: string;
  /** Body paragraphs as plain text (seeds) or Markdown source (content/), boilerplate removed. */
  readonly bodyText: string;
  /** Body rendered to HTML through remark; safe to insert unescaped. */
  readonly bodyHtml: string;
  /** Words in the body. */
  readonly wordCount: number;
  /** Minutes to read at 230 words a minute, at least 1. */
  readonly readingMinutes: number;
  /** Display names of the article's topics (front matter `topics` wins). */
  readonly topics: readonly string[];
  /** Ranked IPTC subjects with evidence. */
  readonly subjects: readonly Subject[];
  /** People named, canonical, most mentioned first. */
  readonly people: readonly Entity[];
  /** Places named, canonical, most mentioned first. */
  readonly places: readonly Entity[];
  /** Organisations named, canonical, most mentioned first. */
  readonly organizations: readonly Entity[];
  /** Input path relative to its input folder, with forward slashes. */
  readonly sourceFile: string;
  /** Which input folder it came from. */
  readonly inputKind: InputKind;
  /** sha256 (hex) of the input bytes and any override file. */
  readonly contentHash: string;
  /** Boilerplate taken out of the body, in input order. */
  readonly removed: readonly RemovedText[];
  /** Problems found while reading this article; it was still built. */
  readonly warnings: readonly string[];
  /** The story this article reports with others (same event, other sources); absent when it stands alone. Set by the relate stage. */
  readonly story?: StoryLink;
  /** Id of the article this one is a near-copy of (the same wire story); absent for originals. Set by the relate stage. */
  readonly duplicateOf?: string;
  /** Front matter `draft: true`: built only when drafts are asked for (SiteConfig.drafts); absent for published articles. */
  readonly draft?: true;
  /** Media files of content/ its Markdown shows or links to (see media-file.ts), with the lines naming them; absent when none. */
  readonly media?: readonly ContentReference[];
  /** Markdown files of content/ its Markdown links to (see article-links.ts), with the lines naming them; absent when none. */
  readonly links?: readonly ContentReference[];
}

/** A file of content/ an article's body shows or links to: its path in content/ and the line of the article's file naming it. */
export type ContentReference = readonly [path: string, line: number];

/** Articles reporting one event, across sources. */
export interface StoryLink {
  /** Stable id of the story: the id of its first report. */
  readonly id: string;
  /** Ids of every report of the story, this one included, oldest first (undated last, by id); near-copies left out. */
  readonly articleIds: readonly string[];
}
