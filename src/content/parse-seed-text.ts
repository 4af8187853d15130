/** Raw pasted article text → structured fields, by general rules (no outlet-specific strings). */
import { decodeHTMLStrict } from 'entities';
import type { Article, DateOrigin, RemovedText, SourceOrigin, TitleOrigin } from './article.ts';
import { findBoilerplate } from './seed/find-boilerplate.ts';
import { findDatePrefix, findDateWithYear } from './seed/find-date.ts';
import { findDateline } from './seed/find-dateline.ts';
import { findHeader } from './seed/find-header.ts';
import { isAllCaps, readableCase } from './seed/readable-case.ts';
import { reflowParagraphs, wrapWidth } from './seed/reflow-paragraphs.ts';
import { seedLines } from './seed/seed-lines.ts';
import { titleFromLede } from './seed/title-from-lede.ts';
import { withoutControlCharacters } from '../text/control-characters.ts';

/** A readable title from a lede; re-exported because the Markdown loader titles files without front-matter titles by it. */
export { titleFromLede } from './seed/title-from-lede.ts';

/**
 * What the raw-text parser found in a seed: the Article fields it decides (same meaning as on
 * Article: only a date whose day, month and year are all written; null where the text is silent),
 * plus the title and the body paragraphs.
 */
export interface ParsedSeedText
  extends Pick<Article, 'date' | 'dateOrigin' | 'source' | 'sourceOrigin' | 'section' | 'byline' | 'dateline' | 'credits' | 'removed' | 'warnings'> {
  /** Headline (ALL CAPS shown in title case), or a title derived from the lede; never empty for non-empty text. */
  readonly title: string;
  /** Which rule chose the title: the headline line, or the lede. */
  readonly titleOrigin: Extract<TitleOrigin, 'headline' | 'lede'>;
  /** Body paragraphs, plain text, boilerplate removed, hard wrapping undone. */
  readonly paragraphs: readonly string[];
}

/** How far into the lede (in characters) a date may start and still count as the article's date. */
const LEDE_DATE_WINDOW = 60;

/** The warning for a seed whose text gives no complete date. */
export const NO_DATE_WARNING = 'no date found in the text: listed as undated';

/** Parses one seed's text (already decoded from bytes, LF line endings). Pure. */
export function parseSeedText(text: string): ParsedSeedText {
  // Entities are decoded once, here; the renderer escapes on output. Control characters (wire
  // copy ends with "&#3;") are dropped: they have no place in a page.
  const decoded = withoutControlCharacters(text.includes('&') ? decodeHTMLStrict(text) : text).text;
  const removed: RemovedText[] = [];
  const warnings: string[] = [];
  // The first rule to find a complete date decides it.
  const dated: Dated = { date: null, origin: 'none' };

  const prefix = findDatePrefix(decoded);
  const rest = prefix === null ? decoded : decoded.slice(prefix.length);
  if (prefix !== null) {
    const written = decoded.slice(0, prefix.length).trim();
    setDate(dated, prefix.iso, 'inline-prefix');
    removed.push({ kind: 'date-prefix', text: written });
    // Before, such a line was no prefix: it became the headline ("date 2024-13-45") and the date went unmentioned.
    if (prefix.iso === null) warnings.push(`the date line "${written}" names a day the calendar does not have: not used`);
  }

  const lines = seedLines(rest);
  const width = wrapWidth(lines);
  const header = findHeader(lines, width);
  removed.push(...header.removed);
  if (header.date !== null) {
    setDate(dated, header.date.iso, 'header');
    if (header.date.iso === null) warnings.push(`the header date "${header.date.text}" gives no year: not used`);
  }

  const body = reflowParagraphs(lines.slice(header.bodyStart), width);
  const lede = body[0];
  const dateline = lede === undefined ? null : findDateline(lede);
  if (dateline !== null) {
    body[0] = dateline.rest;
    removed.push({ kind: 'dateline', text: dateline.text });
    setDate(dated, dateline.date?.iso ?? null, dateline.place === null ? 'lede' : 'dateline');
  }
  if (header.deck !== null) body.unshift(header.deck);
  const cleaned = findBoilerplate(body);
  removed.push(...cleaned.removed);
  const opening = cleaned.paragraphs[0]?.slice(0, LEDE_DATE_WINDOW * 2) ?? '';
  // Only a lede date with its year can date the article.
  const ledeDate = dated.date === null ? findDateWithYear(opening) : null;
  // A lede states its own day early ("On Jan. 30, 2024, the Kremlin said"); a date deeper in the
  // sentence is mostly an event it looks back on ("vanished ... on 1 February 1995").
  if (ledeDate !== null && ledeDate.index <= LEDE_DATE_WINDOW) setDate(dated, ledeDate.iso, 'lede');

  const [source, sourceOrigin]: [string | null, SourceOrigin] =
    header.source !== null ? [header.source, 'source-line']
    : cleaned.source !== null ? [cleaned.source.name, cleaned.source.origin]
    : dateline !== null && dateline.agency !== null ? [dateline.agency, 'agency-credit']
    : [null, 'none'];

  if (dated.date === null) warnings.push(NO_DATE_WARNING);
  const headline = header.headline;
  return {
    title: headline !== null ? (isAllCaps(headline) ? readableCase(headline) : headline) : titleFromLede(cleaned.paragraphs[0] ?? firstLine(rest)),
    titleOrigin: headline !== null ? 'headline' : 'lede',
    date: dated.date,
    dateOrigin: dated.origin,
    source,
    sourceOrigin,
    section: header.section,
    byline: header.byline,
    dateline: dateline?.place ?? null,
    credits: cleaned.credits,
    paragraphs: cleaned.paragraphs,
    removed,
    warnings,
  };
}

/** The article's date as the rules find it. */
interface Dated {
  date: string | null;
  origin: DateOrigin;
}

/** Takes a complete date when no earlier rule gave one. */
function setDate(dated: Dated, iso: string | null, origin: DateOrigin): void {
  if (dated.date === null && iso !== null) {
    dated.date = iso;
    dated.origin = origin;
  }
}

/** The first non-blank line, for a title when everything else was boilerplate. */
function firstLine(text: string): string {
  return seedLines(text.slice(0, 2000)).find((l) => !l.blank)?.text ?? '';
}
