/** Copying content/'s media files (see content/media-file.ts) into the site's media/ folder. */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import type { MediaInput } from '../content/input-file.ts';
import { mediaSitePath } from '../content/media-file.ts';
import { fileIdentity } from '../cache/build-key.ts';
import { systemErrorMessage } from '../errors.ts';
import type { BuildReport } from '../report.ts';
import type { SiteWriter } from './site-writer.ts';

/**
 * Copies each media file to media/<its path in content/>, by the kernel (a large video never
 * passes through memory). One whose size, times and inode are those the last build copied it at
 * is linked from the last output unread, so a rebuild does not copy an archive's photographs
 * again; a file that cannot be read is a skipped line, not a failed build.
 */
export async function copyMedia(media: readonly MediaInput[], writer: SiteWriter, report: BuildReport, contentLabel: string): Promise<void> {
  for (const file of media) {
    const target = mediaSitePath(file.relativePath);
    const identity = fileIdentity(file.absolutePath);
    const key = `media:${file.relativePath}:${identity}`;
    if (identity !== null && writer.reuseMade([target], key)) continue;
    // Checked first: a failure copying names both files, and only the source's is the file's (one writing the site fails the build).
    const unreadable = await access(file.absolutePath, constants.R_OK).then(
      () => null,
      (error: unknown) => systemErrorMessage(error) ?? String(error),
    );
    if (unreadable !== null) report.add('skipped', `${contentLabel}/${file.relativePath}`, `cannot read it, so it is not in the site: ${unreadable}`);
    else await writer.copyMade(target, key, file.absolutePath);
  }
}
