/** Structural checks every built page must pass: landmarks, one h1, headings in order, titles. */
import { expect } from 'vitest';
import type { HTMLElement } from 'node-html-parser';

/** Heading levels of a page, in document order. */
export function headingLevels(root: HTMLElement): number[] {
  return root.querySelectorAll('h1, h2, h3, h4, h5, h6').map((h) => Number(h.tagName.slice(1)));
}

/** Asserts the page has a language, title, description, one main landmark, a working skip link and headings in order. */
export function expectWellFormedPage(root: HTMLElement, where: string): void {
  expect(root.querySelector('html')?.getAttribute('lang'), `${where}: <html lang>`).toMatch(/^[a-z]{2}/);
  expect(root.querySelector('title')?.text.trim(), `${where}: <title>`).not.toBe('');
  expect(root.querySelector('meta[name="description"]')?.getAttribute('content')?.trim(), `${where}: meta description`).not.toBe('');
  expect(root.querySelectorAll('main'), `${where}: one <main>`).toHaveLength(1);
  const skip = root.querySelector('a.skip-link')?.getAttribute('href') ?? '';
  expect(skip, `${where}: skip link`).toMatch(/^#./);
  expect(root.querySelector(skip), `${where}: skip link target`).not.toBeNull();
  const levels = headingLevels(root);
  expect(levels.filter((l) => l === 1), `${where}: exactly one h1`).toHaveLength(1);
  expect(levels[0], `${where}: the h1 comes first`).toBe(1);
  levels.forEach((level, i) => {
    if (i > 0) expect(level, `${where}: heading ${i + 1} (h${level}) skips a level after h${levels[i - 1]}`).toBeLessThanOrEqual((levels[i - 1] ?? 1) + 1);
  });
  for (const input of root.querySelectorAll('input:not([type="hidden"]), select, textarea')) {
    const id = input.getAttribute('id');
    const labelled = input.getAttribute('aria-label') !== undefined || (id !== undefined && root.querySelector(`label[for="${id}"]`) !== null);
    expect(labelled, `${where}: form field ${id ?? input.toString()} has a label`).toBe(true);
  }
}

/** The visible text of an element, whitespace collapsed. */
export function textOf(el: HTMLElement | null): string {
  return (el?.text ?? '').replace(/\s+/g, ' ').trim();
}

/** The number in an element's `.count` ("(6 articles)" → 6), or NaN when it has none. */
export function countIn(el: HTMLElement | null): number {
  return Number(/\d+/.exec(textOf(el?.querySelector('.count') ?? null))?.[0] ?? Number.NaN);
}
