/**
 * Keeping scans of the input folders out of the output folder. `--out seeds/site` or
 * `--out templates/assets/site` is allowed (only an output that would replace an input folder is
 * refused), and without this the next build read the site's robots.txt as an article, listed
 * every page in the report as skipped, copied the site into its own assets (twice the files each
 * build) and hashed it into the cache's key (every page made again each build). Staging folders
 * beside the output are dot-named, and no scan reads dot files.
 */
import fg from 'fast-glob';
import path from 'node:path';

/** fast-glob `ignore` patterns that leave out `outDir` when it lies inside the scanned folder `dir`; none otherwise. */
export function outputIgnore(dir: string, outDir: string | undefined): string[] {
  if (outDir === undefined) return [];
  const inside = path.relative(path.resolve(dir), path.resolve(outDir));
  if (inside === '' || inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) return [];
  const pattern = fg.escapePath(inside.split(path.sep).join('/'));
  return [pattern, `${pattern}/**`];
}
