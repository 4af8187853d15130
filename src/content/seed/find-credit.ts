/** Photo credits and agency credits: lines that name who made the pictures or helped report. */
import { isNameList } from './name-list.ts';

/** A credit recognised in a paragraph. */
export interface FoundCredit {
  /** A photo credit or a contributing agency or reporter. */
  readonly kind: 'photo-credit' | 'agency-credit';
  /** The credit as written, without enclosing brackets. */
  readonly credit: string;
}

/** Longest paragraph that can be a credit line; real credits are short, so longer text is never tested. */
const MAX_CREDIT = 160;
/** "AP Photo/ Name", "Photo: Name/Getty Images", "Photograph by Name", "Image source, Reuters". */
const PHOTO_WORD = /^(.{0,30}?)\b(?:file\s+)?(?:photo|photograph|image|picture|pic|foto|illustration|video|credit)s?(?:\s+(?:credit|source))?(?:\s*[:/|,]|\s+by\b|\s+courtesy(?:\s+of)?\b)\s*(.+)$/i;
/** "Name/Agency" or "(Reuters/Name)": two name lists joined by a slash, nothing else. */
const SLASH_CREDIT = /^([^/(),]{2,40})\/([^/(),]{2,60})$/;
/** "Getty Images", "AFP via Getty Images", "Alamy Stock Photo": a picture agency's name alone. */
const PICTURE_AGENCY = /\b(?:images|pictures|stock photo|photos)$/i;
/** "AFP contributed reporting.", "The Associated Press contributed to this report." */
const CONTRIBUTED = /^(.{2,80}?),?\s+(?:also\s+)?contributed(?:\s+(?:reporting|research|to\s+(?:this|the)\s+(?:report|story|article|reporting))).{0,60}$/i;
/** "Reporting by Jane Doe; Editing by John Roe", "Additional reporting by ...". */
const REPORTING_BY = /^(?:additional|further|with)?\s*(?:reporting|writing|editing|research|compiled|fact-checking)\s+(?:by|from)\s+(.+)$/i;

/** The credit a whole paragraph consists of, or null when the paragraph is anything else. */
export function findCredit(paragraph: string): FoundCredit | null {
  if (paragraph.length > MAX_CREDIT) return null;
  const credit = paragraph.trim().replace(/^\((.*)\)\.?$/, '$1').trim();
  const bare = credit.replace(/\.$/, '');
  const photo = PHOTO_WORD.exec(bare);
  if (photo !== null && ((photo[1] ?? '').trim() === '' || isNameList(photo[1] ?? '', 4)) && isNameList(photo[2] ?? '', 10)) return { kind: 'photo-credit', credit };
  const slash = SLASH_CREDIT.exec(bare);
  if (slash !== null && isNameList(slash[1] ?? '', 5) && isNameList(slash[2] ?? '', 8)) return { kind: 'photo-credit', credit };
  if (PICTURE_AGENCY.test(bare) && isNameList(bare, 6)) return { kind: 'photo-credit', credit };
  const contributed = CONTRIBUTED.exec(bare);
  if (contributed !== null && isNameList(contributors(contributed[1] ?? ''), 10)) return { kind: 'agency-credit', credit };
  const reporting = REPORTING_BY.exec(bare);
  if (reporting !== null && isNameList((reporting[1] ?? '').split(/[;,]/)[0] ?? '', 6)) return { kind: 'agency-credit', credit };
  return null;
}

/** "Associated Press writer Jane Doe in Washington" → "Associated Press Jane Doe": the names without roles and places. */
function contributors(text: string): string {
  return text.replace(/\s+in\s+.*$/, '').replace(/\b(?:writers?|reporters?|correspondents?|staff|journalists?|photographers?)\b/g, ' ');
}

/** A photo credit in brackets closing a caption ("... on Tuesday. (AP Photo/Fatima Shbair)"). */
const TRAILING_CREDIT = /\s*\(([^()]{3,80})\)\s*$/;

/** Splits a bracketed photo credit off the end of a longer paragraph, or null when there is none. */
export function splitTrailingCredit(paragraph: string): { readonly text: string; readonly credit: string } | null {
  if (!paragraph.endsWith(')')) return null;
  const tail = paragraph.length > 200 ? paragraph.slice(-120) : paragraph;
  const match = TRAILING_CREDIT.exec(tail);
  if (match === null) return null;
  const found = findCredit(match[1] ?? '');
  if (found === null || found.kind !== 'photo-credit') return null;
  const text = paragraph.slice(0, paragraph.length - match[0].length).trim();
  return text === '' ? null : { text, credit: found.credit };
}
