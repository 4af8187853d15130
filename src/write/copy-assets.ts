/** Copying the templates' static assets (CSS, images, fonts) into the site. */
import fg from 'fast-glob';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteWriter } from './site-writer.ts';
import { compareCodePoints } from '../text/compare.ts';
import { outputIgnore } from './output-ignore.ts';

/** The folder inside templates/ whose files are copied as they are to `<out>/assets/`. */
export const ASSETS_DIR = 'assets';

/** Copies every file under templates/assets/ to assets/ in the site, leaving out the output folder `outDir` if it is in there; returns how many. */
export async function copyAssets(templatesDir: string, writer: SiteWriter, outDir?: string): Promise<number> {
  const dir = path.join(templatesDir, ASSETS_DIR);
  const files = (await fg('**/*', { cwd: dir, onlyFiles: true, dot: false, suppressErrors: true, ignore: outputIgnore(dir, outDir) })).sort(compareCodePoints);
  for (const file of files) await writer.write(`${ASSETS_DIR}/${file}`, await readFile(path.join(dir, file)));
  return files.length;
}
