/**
 * Links between Markdown articles: `[the earlier report](../2019/floods.md)` in content/ leads
 * to that article's page, whatever its slug, as links between Markdown files do on GitHub and in
 * MkDocs. Parsing (cached, reading no other file) writes such a link as a mark naming the file;
 * the build, knowing every article, checks the file is an article and puts its page's URL in
 * the mark's place wherever a body is shown (the article's page, feeds). A link to a file that
 * is no article of the site is reported and shown as its text alone.
 */
import type { Article, ContentReference } from './article.ts';
import { contentTarget } from './content-target.ts';

/** What a link to another article is written as in a cached body: a place in the page, which the sanitiser keeps. */
const MARK = '#broadsheet-article:';

/** The Markdown file of content/ a link of the Markdown file at `markdownPath` names, with what follows its path ("#section"); null for any other URL. */
export function articleLinkTarget(url: string, markdownPath: string): { readonly path: string; readonly suffix: string } | null {
  const target = contentTarget(url, markdownPath);
  return target !== null && target.path.toLowerCase().endsWith('.md') ? target : null;
}

/** The mark a link to the article of content/`path` is written as, with `suffix` kept for after its URL. */
export function articleLinkMark(path: string, suffix: string): string {
  return `${MARK}${encodeURIComponent(path)}:${encodeURIComponent(suffix)}`;
}

/** An `<a>` whose href is a mark, as remark writes it: the href, then any title, then the link's content. */
const MARKED_LINK = /<a href="#broadsheet-article:([^":]*):([^"]*)"([^>]*)>([\s\S]*?)<\/a>/g;

/**
 * A body with each link to another article given that article's URL (`hrefOf` its path in
 * content/, or null when no article of the site is there: then the link becomes its content).
 */
export function resolveArticleLinks(html: string, hrefOf: (path: string) => string | null): string {
  if (!html.includes(MARK)) return html;
  return html.replace(MARKED_LINK, (_match, path: string, suffix: string, rest: string, content: string) => {
    const href = hrefOf(decodeURIComponent(path));
    return href === null ? content : `<a href="${escapeHref(href + decodeURIComponent(suffix))}"${rest}>${content}</a>`;
  });
}

/** An href as an attribute value: quotes and ampersands escaped. */
function escapeHref(href: string): string {
  return href.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** The maps made by articleByPath, one per archive's map of articles by id. */
const byPathOf = new WeakMap<ReadonlyMap<string, Article>, ReadonlyMap<string, Article>>();

/** Each content article of an archive (`byId`) by its path in content/ (its sourceFile): what a link names. Made once per archive. */
export function articleByPath(byId: ReadonlyMap<string, Article>): ReadonlyMap<string, Article> {
  let byPath = byPathOf.get(byId);
  if (byPath === undefined) {
    const made = new Map<string, Article>();
    for (const article of byId.values()) if (article.inputKind === 'content') made.set(article.sourceFile, article);
    byPathOf.set(byId, (byPath = made));
  }
  return byPath;
}

/**
 * The links `articles` (the site's) make to Markdown files of content/ that are none of them (a
 * typo, a draft left out, a file removed): one line each, naming the linking article's file (by
 * `displayPath`) and line.
 */
export function missingArticleLinks<A extends Pick<Article, 'links' | 'inputKind' | 'sourceFile'>>(articles: readonly A[], displayPath: (article: A) => string): Array<{ readonly file: string; readonly line: number; readonly message: string }> {
  const articlePaths = new Set(articles.filter((a) => a.inputKind === 'content').map((a) => a.sourceFile));
  const missing: Array<{ file: string; line: number; message: string }> = [];
  for (const article of articles) {
    for (const [file, line] of article.links ?? []) {
      if (!articlePaths.has(file)) missing.push({ file: displayPath(article), line, message: `links to ${file} in content/, which is no article of the site: the link is shown as its text` });
    }
  }
  return missing;
}
