/** Where a URL path of a site served under a base path lives in the built folder. */
import path from 'node:path';

/**
 * The file a URL path names, the way a static host resolves it ("/sub/topics/" → "topics/index.html"
 * under `outDir`), or null when the path is outside the base path or climbs out of the folder.
 * Whether the file exists is the caller's question.
 */
export function siteFileFor(outDir: string, basePath: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (!decoded.startsWith(basePath)) return null;
  const relative = decoded.slice(basePath.length);
  if (relative.split('/').some((segment) => segment === '..' || segment === '.')) return null;
  return path.join(outDir, relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative);
}
