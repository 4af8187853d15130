/** Finding a calendar date in a short piece of text, only when the year is written out. */
// English only: the package's root loads all sixteen locales (~0.45 s of CPU at each thread's start), and its `strict` is English's.
import * as chrono from 'chrono-node/en';

/** A date found in text. */
export interface FoundDate {
  /** "YYYY-MM-DD" when day, month and year are all written; null when the year is missing. */
  readonly iso: string | null;
  /** The date as written. */
  readonly text: string;
  /** Where the date starts in the searched text. */
  readonly index: number;
}

/**
 * A fixed reference date: chrono fills unwritten parts from it, and a fixed one keeps the result
 * independent of the build day (those filled parts are never used, see `yearWritten`).
 */
const REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));
/** A four-digit year in the matched text: chrono calls some relative phrases "certain" too. */
const WRITTEN_YEAR = /(?:^|\D)(?:1[6-9]|2\d)\d\d(?:\D|$)/;
/**
 * What chrono's strict English parsers need to give a certain day: a month name followed by no
 * letter or by an ordinal word ("30 March", "Mar 30", "March first", "2024-Mar-30"); a day and
 * month in figures ("30/01", "2024-01-30", as its slash and year-month-day patterns read them); or
 * a day-or-finer time unit after a number ("3 days ago", "within two hours", "a week later";
 * strict mode knows no abbreviations). Nothing before a match is required: chrono reads again from
 * inside the text after a failed match, so its `^` can match anywhere. Weekdays, times, months with
 * years and longer units only ever imply a day. Text without one of these is not handed to chrono,
 * whose parsers run many expressions over it (most lines with figures are prices and scores).
 * Case-insensitive without the `u` flag, as chrono's own patterns are.
 */
const MAY_HOLD_DATE = new RegExp(
  [
    '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:(?![a-z_])|fi|se|th|fo|si|ei|ni|te|el|tw)',
    '[0-3]?\\d[/.\\-][0-3]?\\d(?:[/.\\-](?:\\d{4}|\\d{2}))?(?:\\W|$)',
    '\\d{4}[-./\\s]\\d{1,2}[-./\\s]\\d',
    '(?:\\d|\\s|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|an?|few|several|the|couple|of)(?:second|minute|hour|day|week)',
  ].join('|'),
  'i',
);
/** The `date 2024-01-30` prefix some pasted seeds start with. */
const DATE_PREFIX = /^\s*date:?[ \t]+(\d{4})-(\d{2})-(\d{2})(?:[ \t]+|[ \t]*\n|$)/i;

/**
 * The first date in `text` with a written day and month (chrono strict mode: formal patterns only),
 * or null. Call it on short text only (header lines, a lede's opening): chrono is not linear-time cheap.
 */
export function findDate(text: string): FoundDate | null {
  if (!/\d/.test(text) || !MAY_HOLD_DATE.test(text)) return null;
  // The header rules ask about one line up to three times (label? headline? byline or date?).
  const known = recent.get(text);
  if (known !== undefined) return known;
  const found = parseDate(text);
  recent.set(text, found);
  if (recent.size > RECENT_TEXTS) recent.delete(recent.keys().next().value!);
  return found;
}

/**
 * findDate when the year is written; null otherwise (and for text without four digits that could be
 * a year, which never reaches chrono): for callers that have no use for a date without its year.
 */
export function findDateWithYear(text: string): FoundDate | null {
  if (!ANY_YEAR.test(text)) return null;
  const found = findDate(text);
  return found === null || found.iso === null ? null : found;
}

/** Digits that could be a written year anywhere in the text, boundaries aside (a looser test than WRITTEN_YEAR, never stricter). */
const ANY_YEAR = /(?:1[6-9]|2\d)\d\d/;

/** findDate's last answers, by text: chrono is the dearest step of parsing a seed. */
const recent = new Map<string, FoundDate | null>();
const RECENT_TEXTS = 16;

function parseDate(text: string): FoundDate | null {
  for (const result of chrono.strict.parse(text, REFERENCE)) {
    const start = result.start;
    if (!/\d/.test(result.text) || !start.isCertain('day') || !start.isCertain('month')) continue;
    const yearWritten = start.isCertain('year') && WRITTEN_YEAR.test(result.text);
    const iso = yearWritten ? isoDate(start.get('year'), start.get('month'), start.get('day')) : null;
    return { iso, text: result.text.trim(), index: result.index };
  }
  return null;
}

/**
 * The `date YYYY-MM-DD` prefix at the very start of a seed: its date (null for a day the calendar
 * does not have, such as 2024-02-30: a typo, not a headline) and its length, or null.
 */
export function findDatePrefix(text: string): { readonly iso: string | null; readonly length: number } | null {
  const match = DATE_PREFIX.exec(text);
  if (match === null) return null;
  return { iso: isoDate(Number(match[1]), Number(match[2]), Number(match[3])), length: match[0].length };
}

/** "YYYY-MM-DD" for a real calendar day, else null. */
function isoDate(year: number | null, month: number | null, day: number | null): string | null {
  if (year === null || month === null || day === null) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
