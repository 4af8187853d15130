/** The one remark processor: Markdown and plain-text paragraphs to sanitised HTML. */
import { remark } from 'remark';
import remarkHtml from 'remark-html';
import { toString } from 'mdast-util-to-string';
import type { Paragraph, Root } from 'mdast';

// remark-html sanitises by default (GitHub's schema): raw HTML and javascript: links are dropped.
const processor = remark().use(remarkHtml);

/** Renders Markdown to sanitised HTML. */
export function markdownToHtml(markdown: string): string {
  return String(processor.processSync(markdown)).trim();
}

/** Renders plain-text paragraphs as HTML paragraphs: the text is literal, never read as Markdown. */
export function paragraphsToHtml(paragraphs: readonly string[]): string {
  const tree: Root = {
    type: 'root',
    children: paragraphs.map((value): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value }] })),
  };
  return processor.stringify(processor.runSync(tree) as Root).trim();
}

/** The plain text of each top-level block of a Markdown document, for summaries and enrichment. */
export function markdownToParagraphs(markdown: string): string[] {
  return processor
    .parse(markdown)
    .children.filter((node) => node.type !== 'code' && node.type !== 'html' && node.type !== 'thematicBreak')
    .map((node) => toString(node).replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '');
}
