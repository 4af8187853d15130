/** Where a relative URL written in a Markdown article of content/ leads, inside content/. */
import path from 'node:path';

/**
 * The file of content/ a link or image URL of the Markdown file at `markdownPath` (in content/)
 * names, with what follows its path ("?v=2", "#page=3"); null for a URL with a scheme, from the
 * root, to a place in the page, or leading out of content/.
 */
export function contentTarget(url: string, markdownPath: string): { readonly path: string; readonly suffix: string } | null {
  if (url === '' || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/') || url.startsWith('#') || url.startsWith('\\')) return null;
  const cut = url.search(/[?#]/);
  const written = cut === -1 ? url : url.slice(0, cut);
  let decoded = written;
  try {
    decoded = decodeURIComponent(written);
  } catch {
    // A lone "%" is a file name's own character.
  }
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(markdownPath), decoded));
  if (resolved === '..' || resolved.startsWith('../') || resolved === '.' || resolved.endsWith('/')) return null;
  return { path: resolved, suffix: cut === -1 ? '' : url.slice(cut) };
}
