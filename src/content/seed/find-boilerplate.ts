/** Boilerplate in a body, by pattern, never by outlet: appeals, footers, prompts, credits. */
import type { RemovedKind, RemovedText } from '../article.ts';
import { findCredit, splitTrailingCredit } from './find-credit.ts';
import { isNameList } from './name-list.ts';

/** A body with its boilerplate taken out, kept and explained. */
export interface BodyWithoutBoilerplate {
  /** Paragraphs that remain, in order. */
  readonly paragraphs: readonly string[];
  /** What was taken out, in input order. */
  readonly removed: readonly RemovedText[];
  /** Photo and agency credits, as written. */
  readonly credits: readonly string[];
  /** A publisher named by a "Source: X" line, an "A Message from X:" block or an agency sign-off, first found. */
  readonly source: { readonly name: string; readonly origin: 'source-line' | 'message-block' | 'agency-credit' } | null;
}

/**
 * A recognised paragraph. `tailOnly` kinds are weaker evidence (a news story may mention Facebook
 * or subscriptions): they are boilerplate only in the closing run of boilerplate paragraphs.
 */
interface Found {
  readonly kind: RemovedKind;
  readonly tailOnly: boolean;
  readonly credit?: string;
  readonly source?: string;
}

/** Longest paragraph tested against the short-line patterns; real boilerplate lines are short. */
const MAX_LINE = 500;
/** How many paragraphs an appeal may span before its closing button line. */
const MAX_APPEAL = 15;

const MESSAGE_FROM = /^a message from (.{2,60}?)\s*:?$/i;
const APPEAL_START = /^(?:dear (?:readers?|friends|subscribers?|supporters?)\b|before you go\b|we have a small favou?r to ask\b|(?:please )?support (?:independent|our) journalism\b)/i;
const APPEAL_BUTTON = /^(?:remind me later|maybe later|not now|no,? thanks|(?:donate|subscribe|support us|contribute)(?: now| today)?)[.!]?$/i;
const APPEAL_WORDS = /\b(?:support (?:us|our|independent)|donat(?:e|es|ion|ions|ing)|subscri(?:be|ption)|become a (?:member|subscriber|patron|supporter)|make a contribution|chip in|independent journalism|paywall)\b/i;
const ADDRESSES_READER = /\b(?:we|us|our|you|your|please)\b/i;
const SOCIAL_STRONG = /\b(?:follow us on|like us on|join (?:us|our [\w ]{0,20}?(?:channel|group|community)) on|(?:click|tap) (?:on |here )?(?:to (?:join|follow) )?(?:our )?(?:whatsapp|telegram|facebook|twitter|instagram|youtube|tiktok|linkedin)\b)/i;
const SOCIAL_NETWORK = /\b(?:whatsapp|telegram|facebook|twitter|instagram|youtube|tiktok|linkedin|threads|bluesky|mastodon)\b/i;
const SOCIAL_CALL = /\b(?:follow|like|join|subscribe|share|updates|channel)\b/i;
const SHARE = /^share (?:this|on|via)\b/i;
/** Page buttons pasted with the text: "Share", "Save", "Copy link", "Listen to this article". */
const BUTTON = /^(?:share|save|comment|comments|print|email|tweet|copy link|listen(?: to this article)?|gift (?:this )?article)$/i;
const NEWSLETTER_PROMPT = /^(?:sign up|subscribe|register|get)\b.{0,80}\b(?:newsletters?|inbox|briefing)\b/i;
const NEWSLETTER_WORDS = /\b(?:sign up|subscribe)\b.{0,60}\bnewsletters?\b/i;
const ADVERT = /^(?:advertisement|advertising|sponsored(?: content)?|ad|story continues below(?: advertisement)?)$/i;
const RELATED = /^(?:read more|related|see also|also read|read also|more on this(?: story)?|recommended(?: reading)?|more from [\w ]{2,30})\s*[:：>»|–—-]\s*\S/i;
const COPYRIGHT = /^(?:©|\(c\)\s|copyright\s+(?:©\s*|\(c\)\s*)?\d{4}\b)|\ball rights reserved\.?$/i;
const SOURCE_LINE = /^source\s*:\s*(.{2,60})$/i;
const SEPARATOR = /^[-*_=~#•·.\s]{3,}$/;
/** An agency signing off a story: "— AFP", "With Reuters", "(AFP)". */
const SIGN_OFF = /^(?:[-–—]+\s*|with\s+)?\(?([^()]{2,40}?)\)?\.?$/i;
const SIGN_OFF_MARK = /^(?:[-–—]|with\s|\()/i;
/** A wire story's last line naming its agency alone: "Reuter", "REUTERS", "AFP". */
const LAST_LINE_AGENCY = /^\p{Lu}[\p{L}.]{1,15}$/u;
/** Press-release and wire end marks: "Ends", "-30-", "# # #". */
const END_MARK = /^(?:ends?|-30-|#(?:\s*#){2}|x{3})\.?$/i;

/** Takes boilerplate out of body paragraphs; everything taken out is returned, nothing dropped. */
export function findBoilerplate(input: readonly string[]): BodyWithoutBoilerplate {
  // Pass 1: group paragraphs into runs (appeals span several) and recognise each run.
  const runs: { readonly text: string; readonly found: Found | null }[] = [];
  for (let i = 0; i < input.length; i += 1) {
    const paragraph = input[i] ?? '';
    const start = appealStart(paragraph);
    const end = start === null ? null : appealEnd(input, i);
    if (start !== null && end !== null) {
      runs.push({ text: input.slice(i, end + 1).join('\n'), found: start });
      i = end;
      continue;
    }
    runs.push({ text: paragraph, found: recognise(paragraph, i === input.length - 1) });
  }
  // Pass 2: weak evidence counts only in the closing run of recognised paragraphs.
  let tail = runs.length;
  while (tail > 0 && (runs[tail - 1]?.found ?? null) !== null) tail -= 1;

  const paragraphs: string[] = [];
  const removed: RemovedText[] = [];
  const credits: string[] = [];
  let source: BodyWithoutBoilerplate['source'] = null;
  runs.forEach(({ text, found }, index) => {
    if (found === null || (found.tailOnly && index < tail)) {
      const split = splitTrailingCredit(text);
      if (split === null) paragraphs.push(text);
      else {
        paragraphs.push(split.text);
        credits.push(split.credit);
        removed.push({ kind: 'photo-credit', text: text.slice(split.text.length).trim() });
      }
      return;
    }
    removed.push({ kind: found.kind, text });
    if (found.credit !== undefined) credits.push(found.credit);
    if (found.source !== undefined && source === null) {
      source = { name: found.source, origin: found.kind === 'appeal' ? 'message-block' : found.kind === 'agency-credit' ? 'agency-credit' : 'source-line' };
    }
  });
  return { paragraphs, removed, credits, source };
}

/** An appeal's opening paragraph ("A Message from X:", "Dear readers,"), or null. */
function appealStart(paragraph: string): Found | null {
  if (paragraph.length > MAX_LINE) return null;
  const message = MESSAGE_FROM.exec(paragraph);
  if (message !== null) {
    const name = (message[1] ?? '').trim();
    return isNameList(name) ? { kind: 'appeal', tailOnly: false, source: name } : { kind: 'appeal', tailOnly: false };
  }
  return APPEAL_START.test(paragraph) ? { kind: 'appeal', tailOnly: false } : null;
}

/**
 * The last paragraph of the appeal opening at `start`: its button line, else (only in the second
 * half of the body, where appeals sit) the end of its reader-addressing run; null when it is no appeal.
 */
function appealEnd(paragraphs: readonly string[], start: number): number | null {
  const limit = Math.min(paragraphs.length - 1, start + MAX_APPEAL);
  for (let j = start + 1; j <= limit; j += 1) {
    const text = paragraphs[j] ?? '';
    if (text.length <= MAX_LINE && APPEAL_BUTTON.test(text)) return j;
  }
  // An opinion piece may open "Dear readers,": without a button, only a closing appeal counts.
  if (start < paragraphs.length / 2) return null;
  let end = start;
  while (end < limit && isAppealProse(paragraphs[end + 1] ?? '')) end += 1;
  return end;
}

function isAppealProse(paragraph: string): boolean {
  return paragraph.length <= 1500 && (APPEAL_WORDS.test(paragraph) || ADDRESSES_READER.test(paragraph));
}

/** What a single paragraph is, when it is boilerplate; `last` when it closes the body. */
function recognise(paragraph: string, last: boolean): Found | null {
  if (paragraph.length > MAX_LINE) return null;
  const credit = findCredit(paragraph);
  if (credit !== null) return { kind: credit.kind, tailOnly: false, credit: credit.credit };
  if (APPEAL_BUTTON.test(paragraph)) return { kind: 'appeal', tailOnly: false };
  if (SEPARATOR.test(paragraph) || END_MARK.test(paragraph)) return { kind: 'separator', tailOnly: false };
  if (last && LAST_LINE_AGENCY.test(paragraph)) return { kind: 'agency-credit', tailOnly: true, credit: paragraph, source: paragraph };
  if (ADVERT.test(paragraph)) return { kind: 'advert', tailOnly: false };
  if (SOCIAL_STRONG.test(paragraph) || (paragraph.length <= 80 && (SHARE.test(paragraph) || BUTTON.test(paragraph)))) return { kind: 'social-footer', tailOnly: false };
  if (paragraph.length <= 200 && NEWSLETTER_PROMPT.test(paragraph)) return { kind: 'newsletter', tailOnly: false };
  if (paragraph.length <= 200 && RELATED.test(paragraph)) return { kind: 'related-link', tailOnly: false };
  if (paragraph.length <= 200 && COPYRIGHT.test(paragraph)) return { kind: 'copyright', tailOnly: false };
  const sourceLine = SOURCE_LINE.exec(paragraph);
  if (sourceLine !== null && isNameList(sourceLine[1] ?? '', 6)) return { kind: 'source-line', tailOnly: false, source: (sourceLine[1] ?? '').replace(/\.$/, '').trim() };
  const signOff = paragraph.length <= 50 && SIGN_OFF_MARK.test(paragraph) ? SIGN_OFF.exec(paragraph) : null;
  const agency = (signOff?.[1] ?? '').trim();
  if (signOff !== null && isNameList(agency, 4)) return { kind: 'agency-credit', tailOnly: true, credit: agency, source: agency };
  if (paragraph.length <= 300 && SOCIAL_NETWORK.test(paragraph) && SOCIAL_CALL.test(paragraph)) return { kind: 'social-footer', tailOnly: true };
  if (paragraph.length <= 300 && NEWSLETTER_WORDS.test(paragraph)) return { kind: 'newsletter', tailOnly: true };
  if (paragraph.length <= 300 && APPEAL_WORDS.test(paragraph) && ADDRESSES_READER.test(paragraph)) return { kind: 'appeal', tailOnly: true };
  return null;
}
