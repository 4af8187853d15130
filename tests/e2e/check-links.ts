/**
 * A link checker for a built site: every internal href/src/action of every HTML page must name a
 * file in the output folder, the way a static host serving it under the base path would find it,
 * and every #fragment must name an id on its target page. Reusable by any whole-site test.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import { parse, type HTMLElement } from 'node-html-parser';
import { siteFileFor } from '../browser/harness/site-file.ts';

/** One link that does not resolve. */
export interface BrokenLink {
  /** The page it is on, relative to the output folder ("topics/index.html"). */
  readonly page: string;
  readonly attribute: string;
  readonly href: string;
  readonly reason: string;
}

/** Attributes that load or link to something, by element. */
const LINKING = [
  ['a', 'href'],
  ['link', 'href'],
  ['img', 'src'],
  ['script', 'src'],
  ['iframe', 'src'],
  ['source', 'src'],
  ['form', 'action'],
] as const;

/** The site-relative paths of every HTML page in `outDir`, sorted. */
export async function htmlPages(outDir: string): Promise<string[]> {
  return (await fg('**/*.html', { cwd: outDir, dot: false })).sort();
}

/** The URL a page file is served at under `basePath` ("topics/index.html" → "/sub/topics/"). */
export function pageUrlOf(basePath: string, page: string): string {
  return `${basePath}${page === 'index.html' || page.endsWith('/index.html') ? page.slice(0, -'index.html'.length) : page}`;
}

/**
 * Checks every page of the site served under `basePath`; returns the broken links (empty when all
 * resolve). Absolute links to other origins are not followed; `siteUrl`, when given, maps absolute
 * links to this site (feeds, canonical links) back onto the output folder.
 */
export async function checkLinks(outDir: string, basePath: string, siteUrl: string | null = null): Promise<BrokenLink[]> {
  const broken: BrokenLink[] = [];
  const ids = new Map<string, Set<string>>();
  const idsOf = async (file: string): Promise<Set<string>> => {
    let found = ids.get(file);
    if (found === undefined) {
      found = new Set(parse(await readFile(file, 'utf8')).querySelectorAll('[id]').map((el) => el.getAttribute('id') ?? ''));
      ids.set(file, found);
    }
    return found;
  };
  const origin = 'http://site.test';
  for (const page of await htmlPages(outDir)) {
    const root = parse(await readFile(path.join(outDir, page), 'utf8'));
    const base = new URL(pageUrlOf(basePath, page), origin);
    for (const { element, attribute, href } of linksOf(root)) {
      const report = (reason: string): void => {
        broken.push({ page, attribute: `${element}[${attribute}]`, href, reason });
      };
      let url: URL;
      try {
        url = new URL(siteUrl !== null && href.startsWith(siteUrl) ? `${basePath}${href.slice(siteUrl.length)}` : href, base);
      } catch {
        report('not a valid URL');
        continue;
      }
      if (url.origin !== origin) continue; // another site, or mailto:/data:
      const file = siteFileFor(outDir, basePath, url.pathname);
      if (file === null) {
        report(`outside the base path ${basePath}`);
        continue;
      }
      if (!existsSync(file)) {
        report(`no file ${path.relative(outDir, file)}`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment !== '' && file.endsWith('.html') && !(await idsOf(file)).has(fragment)) report(`no element with id "${fragment}"`);
    }
  }
  return broken;
}

/** Every linking attribute on a page, in document order. */
export function linksOf(root: HTMLElement): Array<{ element: string; attribute: string; href: string }> {
  const links: Array<{ element: string; attribute: string; href: string }> = [];
  for (const [element, attribute] of LINKING) {
    for (const el of root.querySelectorAll(`${element}[${attribute}]`)) {
      links.push({ element, attribute, href: el.getAttribute(attribute) ?? '' });
    }
  }
  return links;
}
