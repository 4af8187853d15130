/**
 * Images and documents beside the Markdown articles in content/: copied into the site under
 * media/ (content/2019/photo.jpg → media/2019/photo.jpg), and the relative links and images of an
 * article's Markdown that name one are pointed at the copy, as Hugo's page bundles and Jekyll's
 * static files are. Which files: MEDIA_EXTENSIONS. SVG is not among them: an SVG file can run
 * scripts when opened from the site, as a page of it.
 */
import path from 'node:path';
import { contentTarget } from './content-target.ts';
import type { ContentReference } from './article.ts';
import { articleUrl, rootFrom } from '../urls.ts';

/** The site folder the files are copied into, mirroring their place in content/. */
export const MEDIA_DIR = 'media';

/** Image types: a page can name one as its picture (og:image, schema.org image). */
const IMAGE_EXTENSIONS: ReadonlySet<string> = new Set(['.jpg', '.jpeg', '.png', '.gif', '.webp', '.avif']);

/** File types copied: images a browser shows, audio and video it plays, and PDF documents. */
export const MEDIA_EXTENSIONS: ReadonlySet<string> = new Set([...IMAGE_EXTENSIONS, '.pdf', '.mp3', '.m4a', '.ogg', '.mp4', '.webm']);

/** The way from an article page (articles/<slug>/, whatever the slug) to the site root: what an article body's media URLs start with. */
export const ARTICLE_TO_ROOT = rootFrom(articleUrl('slug'));

/** Whether a path in content/ is a file the site copies (see MEDIA_EXTENSIONS). */
export function isMediaFile(relativePath: string): boolean {
  return MEDIA_EXTENSIONS.has(path.posix.extname(relativePath).toLowerCase());
}

/** The site path of a media file's copy: "media/2019/photo.jpg" for content/2019/photo.jpg. */
export function mediaSitePath(relativePath: string): string {
  return `${MEDIA_DIR}/${relativePath}`;
}

/** The URL of a media file's copy, its path's segments percent-encoded, after `toRoot` (the way from a page to the site root, see rootFrom; '' from the root). */
export function mediaHref(relativePath: string, toRoot: string): string {
  return `${toRoot}${MEDIA_DIR}/${relativePath.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * The media file a link or image URL of the Markdown file at `markdownPath` (in content/) names,
 * with what follows its path ("?v=2", "#page=3"); null for any other URL (see contentTarget) or
 * a file of another type.
 */
export function mediaTarget(url: string, markdownPath: string): { readonly path: string; readonly suffix: string } | null {
  const target = contentTarget(url, markdownPath);
  return target !== null && isMediaFile(target.path) ? target : null;
}

/**
 * An article body's media URLs (written for its page, see ARTICLE_TO_ROOT) made to
 * start with `prefix` instead: "../" for the search page, one folder down, or the site's URL for
 * feeds, whose readers resolve relative URLs each its own way.
 */
export function relocateMediaUrls(html: string, prefix: string): string {
  return html.includes(MEDIA_MARK) ? html.replace(MEDIA_URL, (_match, attribute: string) => `${attribute}${prefix}${MEDIA_DIR}/`) : html;
}

/** What every media URL in a body starts with. */
const MEDIA_MARK = `="${ARTICLE_TO_ROOT}${MEDIA_DIR}/`;

/** A media URL in a src or href attribute, as remark writes them. */
const MEDIA_URL = new RegExp(`(\\s(?:src|href)=")${ARTICLE_TO_ROOT.replaceAll('.', '\\.')}${MEDIA_DIR}/`, 'g');

/** The first image an article shows (its path in content/), the picture for shares and search results; null when it shows none. */
export function leadImage(article: { readonly media?: readonly ContentReference[] }): string | null {
  return article.media?.find(([file]) => IMAGE_EXTENSIONS.has(path.posix.extname(file).toLowerCase()))?.[0] ?? null;
}

/**
 * Checks the media files articles show or link to against those content/ holds (a typo, a file
 * not yet added): the articles with the missing ones taken out of their `media` (so no page names
 * them as its picture), and one line each for the report, naming the article's file (by
 * `displayPath`) and line.
 */
export function checkMedia<A extends { readonly media?: readonly ContentReference[] }>(
  articles: readonly A[],
  media: ReadonlyArray<{ readonly relativePath: string }>,
  displayPath: (article: A) => string,
): { readonly articles: A[]; readonly missing: Array<{ readonly file: string; readonly line: number; readonly message: string }> } {
  const present = new Set(media.map((file) => file.relativePath));
  const missing: Array<{ file: string; line: number; message: string }> = [];
  const checked = articles.map((article) => {
    const gone = (article.media ?? []).filter(([file]) => !present.has(file));
    if (gone.length === 0) return article;
    for (const [file, line] of gone) missing.push({ file: displayPath(article), line, message: `shows or links to ${file} in content/, which is not there: the link is broken on the page` });
    const kept = article.media!.filter(([file]) => present.has(file));
    const { media: _all, ...rest } = article;
    return (kept.length === 0 ? rest : { ...rest, media: kept }) as A;
  });
  return { articles: checked, missing };
}
