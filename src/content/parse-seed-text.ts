/** Raw pasted article text → structured fields, by general rules (no outlet-specific strings). */
import type { DateOrigin, RemovedText, SourceOrigin, TitleOrigin } from './article.ts';

/** What the raw-text parser found in a seed. */
export interface ParsedSeedText {
  /** Headline, or a title derived from the lede; never empty for non-empty text. */
  readonly title: string;
  readonly titleOrigin: Extract<TitleOrigin, 'headline' | 'lede'>;
  /** "YYYY-MM-DD" or null. */
  readonly date: string | null;
  readonly dateOrigin: DateOrigin;
  readonly source: string | null;
  readonly sourceOrigin: SourceOrigin;
  readonly section: string | null;
  readonly byline: string | null;
  readonly dateline: string | null;
  readonly credits: readonly string[];
  /** Body paragraphs, plain text, boilerplate removed. */
  readonly paragraphs: readonly string[];
  /** Boilerplate taken out, in input order. */
  readonly removed: readonly RemovedText[];
  /** Problems worth telling the user about. */
  readonly warnings: readonly string[];
}

const DATE_PREFIX = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s+/i;

/** Parses one seed's text (already decoded, LF line endings). Pure. */
export function parseSeedText(text: string): ParsedSeedText {
  const removed: RemovedText[] = [];
  let rest = text;
  let date: string | null = null;
  const prefix = DATE_PREFIX.exec(rest);
  if (prefix !== null) {
    date = prefix[1] ?? null;
    removed.push({ kind: 'date-prefix', text: prefix[0].trim() });
    rest = rest.slice(prefix[0].length);
  }
  const paragraphs = rest
    .split(/\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const first = paragraphs[0] ?? '';
  const isHeadline = first.length <= 150 && !/[.!?]$/.test(first) && paragraphs.length > 1;
  const title = isHeadline ? first : titleFromLede(first);
  return {
    title,
    titleOrigin: isHeadline ? 'headline' : 'lede',
    date,
    dateOrigin: date === null ? 'none' : 'inline-prefix',
    source: null,
    sourceOrigin: 'none',
    section: null,
    byline: null,
    dateline: null,
    credits: [],
    paragraphs: isHeadline ? paragraphs.slice(1) : paragraphs,
    removed,
    warnings: date === null ? ['no date found in the text: listed as undated'] : [],
  };
}

/** A readable title from the lede: its first sentence, cut at a word boundary near 90 characters. */
export function titleFromLede(lede: string, max = 90): string {
  const sentence = /^(.+?[.!?])(?:\s|$)/.exec(lede)?.[1] ?? lede;
  const clean = sentence.replace(/[.!?]$/, '');
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 30 ? cut.slice(0, space) : clean.slice(0, max)).replace(/[,;:\s]+$/, '')}…`;
}
