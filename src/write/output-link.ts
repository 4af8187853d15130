/**
 * An output folder that is a symbolic link (dist -> /var/www/site, as deploys often have it). The
 * build swaps in a finished folder by renaming it onto the output's path, which replaced the link
 * itself: the site landed in the project as a plain dist/, the link was gone and the folder it led
 * to was left as it was. So the build follows the link and swaps the folder where it leads.
 */
import { readlinkSync } from 'node:fs';
import path from 'node:path';
import { BroadsheetError } from '../errors.ts';
import { realPathOf } from '../real-path.ts';

/** Links followed before giving up, as the kernel's limit (ELOOP). */
const MAX_LINKS = 40;

/** Where `outDir` leads when it is a symbolic link (the folder it names, which may not exist yet); otherwise `outDir`. */
export function followOutputLink(outDir: string): string {
  let target = path.resolve(outDir);
  for (let hops = 0; hops < MAX_LINKS; hops++) {
    let link: string;
    try {
      link = readlinkSync(target);
    } catch {
      // Not a link (EINVAL), or nothing there yet (ENOENT): this is the folder.
      return target;
    }
    // Relative to the folder holding the link, as the kernel reads it, whatever links led to that folder.
    target = path.resolve(realPathOf(path.dirname(target)), link);
  }
  throw new BroadsheetError(`the output folder ${outDir} is a symbolic link that leads through more than ${MAX_LINKS} links (a loop?); point it at a folder, or choose another --out`);
}
