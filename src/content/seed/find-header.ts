/** The lines before the body: section label, headline, source line, byline and date lines. */
import type { RemovedText } from '../article.ts';
import { findCredit } from './find-credit.ts';
import { findDate, type FoundDate } from './find-date.ts';
import { isNameList } from './name-list.ts';
import { isAllCaps, readableCase } from './readable-case.ts';
import { nextWordFits } from './reflow-paragraphs.ts';
import { endsWithStop } from './sentence-end.ts';
import type { SeedLine } from './seed-lines.ts';

/** What the header lines of a seed said. */
export interface SeedHeader {
  /** Section label shown before the headline ("Featured"), in readable case; or null. */
  readonly section: string | null;
  /** The headline line as written, or null when the text opens with its lede. */
  readonly headline: string | null;
  /** A standfirst line between the headline and its byline or date lines, or null; it belongs to the body. */
  readonly deck: string | null;
  /** Publisher named on a line of its own after the headline ("DDM News"), or null. */
  readonly source: string | null;
  /** Byline without "By", or null. */
  readonly byline: string | null;
  /** The first date on a header line; its `iso` is null when the year is not written. */
  readonly date: FoundDate | null;
  /** Header lines taken out of the body (the headline is not: it becomes the title). */
  readonly removed: readonly RemovedText[];
  /** Index of the first body line after the header (the deck, if any, comes before it). */
  readonly bodyStart: number;
}

/** Header lines examined at most; a header is a handful of lines. */
const MAX_HEADER_LINES = 8;
/** Longest headline line, in characters and words. */
const MAX_HEADLINE = 160;
const MAX_HEADLINE_WORDS = 30;
/** Longest standfirst line kept apart from the lines under it. */
const MAX_STANDFIRST = 400;
/** Longest line that can hold only a byline, a date or a source. */
const MAX_META_LINE = 120;
/** Separators between the items of one header line: "By Jane Doe | 30 January 2024". */
const META_SEPARATOR = /\s+[|·•]\s+|\s+[—–]\s+/;
const BYLINE = /^(?:written\s+)?by\s+(.+)$/i;
const POSTED_IN = /^([^,]{3,50}?)\s+in\s+(\p{Lu}[^,]{1,30})$/u;
/** What a date line may hold besides the date: "Published", "Updated on", times, time zones, weekdays. */
const DATE_FILLER = /^(?:[\s,.:;()|–—-]|published|updated|posted|last|modified|first|on|at|dated?|created|am|pm|gmt|utc|bst|cet|cest|eet|est|edt|cst|cdt|pst|pdt|msk|ist|jst|aest|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|\d{1,2}[:.]\d{2}(?::\d{2})?)*$/i;
const NO_CLOSING_MARK = /[^.!?:;,]$/;
const URL_LINE = /^(?:https?:\/\/|www\.)\S+$/i;
/** Capitalised words joined only by "&" or "and": "in" or "of" would make "Putin in Beijing" a label. */
const LABEL = /^\p{Lu}[\p{L}'’-]*(?:\s+(?:&|and)?\s*\p{Lu}[\p{L}'’-]*){0,2}$/u;

/** One header line's items. */
interface MetaLine {
  readonly date: FoundDate | null;
  readonly byline: string | null;
  readonly source: string | null;
}

/** A header line and what it holds. */
interface MetaEntry {
  readonly meta: MetaLine;
  readonly text: string;
}

/** Reads the header from the top of `lines`; `width` is the hard-wrap width, or null. */
export function findHeader(lines: readonly SeedLine[], width: number | null): SeedHeader {
  let section: string | null = null;
  let headline: string | null = null;
  const taken: Taken = { source: null, byline: null, date: null, removed: [] };
  const { removed } = taken;

  let i = nextLine(lines, 0);
  for (let seen = 0; i < lines.length && seen < MAX_HEADER_LINES; seen += 1) {
    const text = lines[i]?.text ?? '';
    const next = nextLine(lines, i + 1);
    const meta = metaLine(text, false, false);
    if (meta !== null) take(taken, meta, text);
    // A pasted page address says where the text came from; it is neither headline nor body.
    else if (URL_LINE.test(text)) removed.push({ kind: 'source-line', text });
    else if (section === null && isSectionLabel(lines, i, next, width)) {
      section = isAllCaps(text) ? readableCase(text) : text;
      removed.push({ kind: 'section-label', text });
    } else break;
    i = next;
  }
  let deck: string | null = null;
  if (i < lines.length && isHeadline(lines, i, width)) {
    headline = lines[i]?.text ?? null;
    i = nextLine(lines, i + 1);
    let run = metaRun(lines, i);
    // A standfirst between the headline and its byline or date stays as the body's first paragraph.
    const standfirst = lines[i]?.text ?? '';
    if (run.metas.length === 0 && standfirst.length <= MAX_STANDFIRST && isProse(standfirst)) {
      const after = metaRun(lines, nextLine(lines, i + 1));
      if (after.metas.some(({ meta }) => meta.byline !== null || meta.date !== null)) [deck, run] = [standfirst, after];
    }
    // Lines after the headline are a header only when prose follows them: a sports fixture's
    // "Ewood Park / Tuesday, 1 March / 2000 GMT" is body text, not a source and a date.
    if (run.metas.length > 0 && (run.end >= lines.length || isProse(lines[run.end]?.text ?? ''))) {
      for (const { meta, text } of run.metas) take(taken, meta, text);
      i = run.end;
    } else deck = null;
  }
  return { section, headline, deck, source: taken.source, byline: taken.byline, date: taken.date, removed, bodyStart: i };
}

/** What the header's byline, date and source lines gave, first of each kind, and the lines taken out. */
interface Taken {
  source: string | null;
  byline: string | null;
  date: FoundDate | null;
  readonly removed: RemovedText[];
}

/** Takes a header line's items (those not given already) and the line out of the body. */
function take(taken: Taken, meta: MetaLine, text: string): void {
  taken.date ??= meta.date;
  taken.byline ??= meta.byline;
  taken.source ??= meta.source;
  taken.removed.push({ kind: meta.byline !== null ? 'byline' : meta.date !== null ? 'header-date' : 'source-line', text });
}

/** The header lines (bylines, dates, at most one source) running from `from`, and the index after them. */
function metaRun(lines: readonly SeedLine[], from: number): { readonly metas: readonly MetaEntry[]; readonly end: number } {
  const metas: MetaEntry[] = [];
  let end = from;
  for (let allowSource = true; end < lines.length && metas.length < MAX_HEADER_LINES; end = nextLine(lines, end + 1)) {
    const text = lines[end]?.text ?? '';
    const meta = metaLine(text, true, allowSource);
    if (meta === null) break;
    if (meta.source !== null) allowSource = false;
    metas.push({ meta, text });
  }
  return { metas, end };
}

/** Index of the first non-blank line at or after `from` (lines.length when none). */
function nextLine(lines: readonly SeedLine[], from: number): number {
  let i = from;
  while (i < lines.length && lines[i]?.blank === true) i += 1;
  return i;
}

/**
 * A headline: a short line without closing full stop, followed by more text. In hard-wrapped text
 * a line that runs on into the next (the next word would not have fitted) is a wrapped line instead.
 */
function isHeadline(lines: readonly SeedLine[], index: number, width: number | null): boolean {
  const line = lines[index];
  if (line === undefined || line.text.length > MAX_HEADLINE || !/\p{L}/u.test(line.text)) return false;
  if (line.text.split(/\s+/).length > MAX_HEADLINE_WORDS || endsWithStop(line.text)) return false;
  if (nextLine(lines, index + 1) >= lines.length) return false;
  const next = lines[index + 1];
  if (next !== undefined && !next.blank) {
    if (/^\p{Ll}/u.test(next.text)) return false;
    if (width !== null && !nextWordFits(line, next, width)) return false;
  }
  return findCredit(line.text) === null && !URL_LINE.test(line.text);
}

/** A line of running text: a sentence end, or at least six words with some in lower case. */
function isProse(text: string): boolean {
  return /[.!?]["”’')]?$/.test(text) || (text.split(/\s+/).length >= 6 && /\p{Ll}/u.test(text));
}

/** Whether line `index` is a section label: label-shaped, above the headline or a header line, or (one word) above the lede. */
function isSectionLabel(lines: readonly SeedLine[], index: number, next: number, width: number | null): boolean {
  const text = lines[index]?.text ?? '';
  if (next >= lines.length || !isLabel(text)) return false;
  const below = lines[next]?.text ?? '';
  // A one-word label straight above the lede ("Opinion") is a section too, not a headline.
  return isHeadline(lines, next, width) || metaLine(below, false, false) !== null || (!/\s/.test(text) && isProse(below));
}

/** A section label: one to three capitalised words, nothing else ("Featured", "World News", "Arts & Culture"). */
function isLabel(text: string): boolean {
  return text.length <= 30 && NO_CLOSING_MARK.test(text) && LABEL.test(text);
}

/**
 * A line holding only bylines and dates, or null. Under the headline (never above it, where
 * "Putin in Beijing" is a headline) it may also be "Name in Place" or a source (when `allowSource`).
 */
function metaLine(text: string, underHeadline: boolean, allowSource: boolean): MetaLine | null {
  if (text.length > MAX_META_LINE) return null;
  let date: FoundDate | null = null;
  let byline: string | null = null;
  let source: string | null = null;
  for (const part of text.split(META_SEPARATOR)) {
    const by = BYLINE.exec(part);
    if (by !== null && byline === null && /^\p{Lu}/u.test(by[1] ?? '')) {
      // "By Jane Doe, Staff Writer" or "By Jane Doe, January 30, 2024": the name ends at the comma.
      const [name = '', ...more] = (by[1] ?? '').split(',');
      if (!isNameList(name, 8)) return null;
      byline = isAllCaps(name) ? readableCase(name.trim()) : name.trim();
      date ??= more.length > 0 ? findDate(more.join(',')) : null;
      continue;
    }
    // "Jane Doe in Moscow": a correspondent's byline without "By".
    const posted: RegExpExecArray | null = underHeadline && byline === null ? POSTED_IN.exec(part) : null;
    if (posted !== null && isNameList(posted[1] ?? '', 4) && isNameList(posted[2] ?? '', 3)) {
      byline = (posted[1] ?? '').trim();
      continue;
    }
    const found = date === null ? findDate(part) : null;
    if (found !== null && DATE_FILLER.test(part.slice(0, found.index) + part.slice(found.index + found.text.length))) {
      date = found;
      continue;
    }
    if (allowSource && source === null && part.length <= 40 && NO_CLOSING_MARK.test(part) && isNameList(part, 5)) {
      source = part.trim();
      continue;
    }
    return null;
  }
  return date === null && byline === null && source === null ? null : { date, byline, source };
}
