/**
 * The few browser globals the in-page checks read. The project compiles without the DOM library
 * on purpose (src/ runs in Node, where `document` must be an error), so functions passed to
 * page.evaluate() cast globalThis to this instead.
 */
import type axe from 'axe-core';

/** An element, as far as the layout check looks at it. */
export interface PageElement {
  readonly tagName: string;
  readonly id: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  closest(selector: string): PageElement | null;
  getBoundingClientRect(): { readonly right: number };
}

/** window, as far as the in-page checks use it. */
export interface PageGlobals {
  readonly document: {
    readonly scrollingElement: { readonly scrollWidth: number } | null;
    readonly documentElement: { readonly scrollWidth: number };
    readonly body: PageElement & { querySelectorAll(selector: string): ArrayLike<PageElement> };
    querySelectorAll(selector: string): ArrayLike<PageElement>;
    readonly baseURI: string;
    /** The focused element; body when none. */
    readonly activeElement: (PageElement & { readonly textContent: string | null }) | null;
  };
  readonly innerWidth: number;
  getComputedStyle(element: PageElement): { readonly backgroundColor: string; readonly color: string; readonly outlineStyle: string; readonly outlineWidth: string };
  /** axe-core, once its script is injected. */
  readonly axe: typeof axe;
}
