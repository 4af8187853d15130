/** Datelines opening a lede: "MOSCOW, Jan 30 (Reuters) -", "BEIRUT, Lebanon (AP) —", "January 30, 2024 —". */
import { findDate, type FoundDate } from './find-date.ts';
import { isNameList } from './name-list.ts';

/** A dateline taken off the start of a paragraph. */
export interface FoundDateline {
  /** The place as written ("MOSCOW", "BEIRUT, Lebanon"), or null for an opening without one. */
  readonly place: string | null;
  /** The agency in brackets ("Reuters"), or null. */
  readonly agency: string | null;
  /** The date in the dateline; its `iso` is null when the year is not written. */
  readonly date: FoundDate | null;
  /** The dateline as written, separator included. */
  readonly text: string;
  /** The paragraph after the dateline. */
  readonly rest: string;
}

/** Datelines are short: only this much of a paragraph is examined, whatever its length. */
const WINDOW = 120;
/** The dash (spaced hyphen, en or em dash) or colon that ends a dateline. */
const SEPARATOR = /\s+-{1,2}\s+|\s*[–—]\s*|:\s+/;
const AGENCY = /\s*\(([^()]{1,40})\)\s*$/;
/** A place in capitals: "MOSCOW", "NEW YORK", "ST. PETERSBURG", "RIO DE JANEIRO". */
const CAPS_PLACE = /^[\p{Lu}][\p{Lu}\p{M}'’.-]*(?:\s+[\p{Lu}][\p{Lu}\p{M}'’.-]*){0,3}$/u;
const SENTENCE_START = /^["“‘'(\p{Lu}\p{N}]/u;

/** The dateline opening `paragraph`, or null when it does not open with one. */
export function findDateline(paragraph: string): FoundDateline | null {
  const window = paragraph.slice(0, WINDOW);
  const separator = SEPARATOR.exec(window);
  if (separator === null || separator.index === 0) return null;
  const rest = paragraph.slice(separator.index + separator[0].length);
  if (!SENTENCE_START.test(rest)) return null;
  let head = window.slice(0, separator.index);
  const agencyMatch = AGENCY.exec(head);
  const agency = agencyMatch === null ? null : (agencyMatch[1] ?? '').trim();
  if (agency !== null && !isAgency(agency)) return null;
  if (agencyMatch !== null) head = head.slice(0, agencyMatch.index);
  // The date first: its own commas ("Jan 30, 2024") must not split it into parts.
  const date = findDate(head);
  const undated = date === null ? head : `${head.slice(0, date.index)},${head.slice(date.index + date.text.length)}`;
  const parts = undated.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length > 2) return null;
  const [first, second] = parts;
  let place: string | null = null;
  if (first !== undefined) {
    const capsPlace = CAPS_PLACE.test(first) && /\p{Lu}.*\p{Lu}.*\p{Lu}/u.test(first);
    if (!capsPlace && !(agency !== null && isNameList(first, 4))) return null;
    place = first;
  }
  if (second !== undefined && !(second.length <= 25 && isNameList(second, 3))) return null;
  const region = second ?? null;
  // Without a place, a dateline is an agency credit ("(Reuters) -") or a date with its year.
  if (place === null && agency === null && (date === null || date.iso === null)) return null;
  return {
    place: place === null ? null : region === null ? place : `${place}, ${region}`,
    agency,
    date,
    text: paragraph.slice(0, separator.index + separator[0].length).trim(),
    rest,
  };
}

/** "Reuters", "AP", "AFP", "Xinhua": one to four words, capitalised, letters and dots only ("(primary)" is not one). */
function isAgency(text: string): boolean {
  return /^\p{Lu}[\p{L}.&'’ -]{0,39}$/u.test(text) && text.split(/\s+/).length <= 4;
}
