/**
 * Cards by reference: PageRenderer.prepareMarked() leaves each card a mark naming its article, and
 * placeCards() puts the card objects a thread keeps back in place. The page a template then sees
 * must be prepare()'s page through JSON, on every page kind, on a near-copy's page (whose cards
 * differ from the shared ones) and when an article's text happens to look like a mark.
 */
import { describe, expect, it } from 'vitest';
import { CARD_MARK, countMarks, placeCards } from '../../src/render/place-cards.ts';
import { COPY, ORIGINAL, WITH_COPY } from '../archive/wire-copies.ts';
import { wireCopySite as site } from './wire-copy-site.ts';

describe('prepareMarked and placeCards', () => {
  it('give every page as prepare() through JSON gives it, asked twice (the second time from kept card JSON), each card parsed once', () => {
    const { renderer, pages } = site(WITH_COPY);
    const kinds = new Set(pages.map((p) => p.kind));
    expect([...kinds].sort()).toEqual(['archive', 'article', 'home', 'month', 'not-found', 'search', 'taxonomy', 'term', 'undated', 'year']);
    const kept = new Map<string, unknown>();
    let marked = 0;
    for (const round of [1, 2]) {
      for (const page of pages) {
        const { json, cards } = renderer.prepareMarked(page);
        marked += cards.length;
        expect(countMarks(json), page.url).toBe(cards.length);
        for (const id of cards) if (!kept.has(id)) kept.set(id, JSON.parse(renderer.cardJson(id)));
        const parsed = JSON.parse(json) as { context: Record<string, unknown> };
        placeCards(parsed.context, cards.length, kept);
        expect(parsed, `${page.url} (round ${round})`).toEqual(JSON.parse(JSON.stringify(renderer.prepare(page))));
      }
    }
    // Cards recur: the same article's card is on its neighbours', its terms' and its month's pages.
    expect(marked).toBeGreaterThan(4 * kept.size);
    expect(kept.size).toBe(WITH_COPY.length);
  });

  it('leaves the near-copy’s own page its original with no copies, not the shared card', () => {
    const { renderer, pages } = site(WITH_COPY);
    const copyPage = pages.find((p) => p.kind === 'article' && p.id === COPY.id)!;
    const { json, cards } = renderer.prepareMarked(copyPage);
    expect(cards).not.toContain(ORIGINAL.id);
    const original = (JSON.parse(json) as { context: { article: { original: { id: string; copies: unknown[] } } } }).context.article.original;
    expect(original.id).toBe(ORIGINAL.id);
    expect(original.copies).toEqual([]);
  });

  it('marks no card on a page where a text reads like a mark, and still gives every page as prepare() through JSON does', () => {
    // The original's title reads as the mark of the copy's card: on its own page it is a text of the page.
    const marked = WITH_COPY.map((a) => (a.id === ORIGINAL.id ? { ...a, title: `${CARD_MARK}${COPY.id}` } : a));
    const { renderer, pages } = site(marked);
    const kept = new Map<string, unknown>();
    const fallbacks: string[] = [];
    let withCards = 0;
    for (const page of pages) {
      const { json, cards } = renderer.prepareMarked(page);
      if (cards.length > 0) withCards += 1;
      if (countMarks(json) > 0 && cards.length === 0) fallbacks.push(page.url);
      for (const id of cards) if (!kept.has(id)) kept.set(id, JSON.parse(renderer.cardJson(id)));
      const parsed = JSON.parse(json) as { context: Record<string, unknown> };
      placeCards(parsed.context, cards.length, kept);
      expect(parsed, page.url).toEqual(JSON.parse(JSON.stringify(renderer.prepare(page))));
    }
    const originalPage = pages.find((p) => p.kind === 'article' && p.id === ORIGINAL.id)!;
    expect(fallbacks).toContain(originalPage.url);
    expect(withCards).toBeGreaterThan(3);
  });

  it('fails when a page marks a card the thread was not sent', () => {
    const { renderer, pages } = site(WITH_COPY);
    const home = pages.find((p) => p.kind === 'home')!;
    const { json, cards } = renderer.prepareMarked(home);
    expect(cards.length).toBeGreaterThan(0);
    const parsed = JSON.parse(json) as { context: Record<string, unknown> };
    expect(() => placeCards(parsed.context, cards.length, new Map())).toThrow(/was not sent/);
  });
});
