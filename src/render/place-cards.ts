/** Cards by reference: a prepared page names its cards by a mark, and the thread rendering it puts in the card objects it keeps. */

/** Starts a card's mark, followed by the article's id: a NUL, which JSON writes as the six characters \u0000. */
export const CARD_MARK = '\0card:';

/** A prepared page as JSON with its cards as marks, and the marked article ids in the order the marks are written. */
export interface MarkedPage {
  readonly json: string;
  readonly cards: readonly string[];
}

/** A mark's start as it appears in JSON: a string opening with it is a card's mark. */
const MARK_IN_JSON = '"\\u0000card:';

/** How many strings of `json` open like a card's mark: when it is more than the marks written, some text of the page looks like one. */
export function countMarks(json: string): number {
  let count = 0;
  for (let at = json.indexOf(MARK_IN_JSON); at !== -1; at = json.indexOf(MARK_IN_JSON, at + MARK_IN_JSON.length)) count += 1;
  return count;
}

/** The article id a value marks, or null when it is no card's mark. */
function markedId(value: unknown): string | null {
  return typeof value === 'string' && value.charCodeAt(0) === 0 && value.startsWith(CARD_MARK) ? value.slice(CARD_MARK.length) : null;
}

/**
 * Puts each of the `count` cards a parsed page marks in place, from `cards` (by article id), and
 * stops once all are in: cards come early in a page's variables (the page's lists and article view
 * before meta, coverage, site and page), so most of a page is never walked. The card objects are
 * shared between the pages showing them: templates only read them.
 */
export function placeCards(root: Record<string, unknown>, count: number, cards: ReadonlyMap<string, unknown>): void {
  let left = count;
  const place = (id: string): unknown => {
    const card = cards.get(id);
    if (card === undefined) throw new Error(`card ${id} was not sent to the thread rendering its page`);
    left -= 1;
    return card;
  };
  const walk = (value: Record<string, unknown> | unknown[]): void => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length && left > 0; i++) {
        const item = value[i];
        const id = markedId(item);
        if (id !== null) value[i] = place(id);
        else if (typeof item === 'object' && item !== null) walk(item as Record<string, unknown>);
      }
      return;
    }
    for (const key in value) {
      if (left === 0) return;
      const item = value[key];
      const id = markedId(item);
      if (id !== null) value[key] = place(id);
      else if (typeof item === 'object' && item !== null) walk(item as Record<string, unknown>);
    }
  };
  if (left > 0) walk(root);
  if (left !== 0) throw new Error(`a page marks ${count} cards but ${count - left} were found`);
}
