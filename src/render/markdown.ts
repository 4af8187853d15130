/** The one remark processor: Markdown to sanitised HTML; plain-text paragraphs written as remark would write them. */
import { remark } from 'remark';
import remarkHtml from 'remark-html';
import { toString } from 'mdast-util-to-string';
import type { Nodes } from 'mdast';
import { ARTICLE_TO_ROOT, mediaHref, mediaTarget } from '../content/media-file.ts';
import type { ContentReference } from '../content/article.ts';
import { articleLinkMark, articleLinkTarget } from '../content/article-links.ts';

// remark-html sanitises by default (GitHub's schema): raw HTML and javascript: links are dropped.
const processor = remark().use(remarkHtml);

/** Renders Markdown to sanitised HTML. */
export function markdownToHtml(markdown: string): string {
  return String(processor.processSync(markdown)).trim();
}

/**
 * Renders the Markdown body of content/`markdownPath` (starting at line `bodyLine` of the file) as
 * markdownToHtml does, with each relative link or image naming a media file beside it (see
 * mediaTarget) pointed at the file's copy in the site, from the article's page, and each link to
 * another Markdown file of content/ written as a mark the build gives that article's URL (see
 * article-links.ts); returns the HTML and those files, for the build to check that each is there.
 */
export function markdownArticleHtml(markdown: string, markdownPath: string, bodyLine: number): { readonly html: string; readonly media: ContentReference[]; readonly links: ContentReference[] } {
  const tree = processor.parse(markdown);
  const media: ContentReference[] = [];
  const links: ContentReference[] = [];
  const visit = (node: Nodes): void => {
    // Links, images and the definitions of reference-style ones ([photo]: photo.jpg) carry URLs.
    if (node.type === 'image' || node.type === 'link' || node.type === 'definition') {
      const line = bodyLine - 1 + (node.position?.start.line ?? 1);
      const target = mediaTarget(node.url, markdownPath);
      const article = target === null && node.type !== 'image' ? articleLinkTarget(node.url, markdownPath) : null;
      if (target !== null) {
        node.url = `${mediaHref(target.path, ARTICLE_TO_ROOT)}${target.suffix}`;
        media.push([target.path, line]);
      } else if (article !== null) {
        node.url = articleLinkMark(article.path, article.suffix);
        links.push([article.path, line]);
      }
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return { html: String(processor.stringify(processor.runSync(tree) as typeof tree)).trim(), media, links };
}

/**
 * Renders plain-text paragraphs as HTML paragraphs: the text is literal, never read as Markdown.
 * Written directly, byte for byte what remark-html gives for paragraph nodes holding that text
 * (paragraphs joined by a line feed; in text only `&` and `<` escaped, as hexadecimal references;
 * spaces and tabs around line breaks dropped): the unified round trip cost a sixth of parsing a seed.
 */
export function paragraphsToHtml(paragraphs: readonly string[]): string {
  // Joined once (one flat string), not grown by +=, which leaves a rope of small pieces on every article.
  const parts = new Array<string>(paragraphs.length);
  for (let i = 0; i < paragraphs.length; i++) parts[i] = `<p>${escapeText(trimLines(paragraphs[i]!))}</p>`;
  return parts.join('\n');
}

/** `&` and `<` as hast-util-to-html writes them in text (stringify-entities, hexadecimal references). */
function escapeText(text: string): string {
  return text.includes('&') || text.includes('<') ? text.replace(TEXT_SPECIALS, (c) => (c === '&' ? '&#x26;' : '&#x3C;')) : text;
}

const TEXT_SPECIALS = /[&<]/g;

/** mdast-util-to-hast's trim-lines: spaces and tabs on either side of a line break go. */
function trimLines(text: string): string {
  return text.includes('\n') || text.includes('\r') ? text.replace(/[ \t]*(\r?\n|\r)[ \t]*/g, '$1') : text;
}

/** The plain text of each top-level block of a Markdown document, for summaries and enrichment. */
export function markdownToParagraphs(markdown: string): string[] {
  return processor
    .parse(markdown)
    .children.filter((node) => node.type !== 'code' && node.type !== 'html' && node.type !== 'thematicBreak')
    .map((node) => toString(node).replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '');
}
