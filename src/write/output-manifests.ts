/**
 * The cache's record of each output folder: a manifest per folder (the files the last build
 * wrote there, see SiteWriter), named by the folder's path, with the spare kept beside it (see
 * spare-output.ts); and forgetting both once the folder is gone.
 */
import { createHash } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { leadingJsonString, readHeadSync } from '../file-head.ts';
import { discardFolder } from './discard-folder.ts';
import { spareDirOf, trashDirOf } from './spare-output.ts';

/** The manifest of the files last written to `outDir`, one per output folder, in `cacheDir`. */
export function outputManifestFile(cacheDir: string, outDir: string): string {
  return path.join(cacheDir, `outputs-${createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 16)}.json`);
}

/** How outputManifestFile names a manifest; temporary files of an atomic write do not match. */
const MANIFEST_NAME = /^outputs-[0-9a-f]+\.json$/;

/** Bytes of a manifest read to find its output folder: writeJsonAtomically writes `outDir` first. */
const MANIFEST_HEAD = 4096;

/**
 * Forgets the other output folders (beside `manifestFile`, this build's) that are gone: their
 * manifests, and the spares kept for them, which hold the last output but one of their folder (a
 * whole site once that folder was deleted) for no build to use. A folder built once and deleted,
 * as tests and previews do, left its manifest (megabytes for a large site) for good. Call it only
 * while no other build uses the cache. Returns how many outputs were forgotten.
 */
export async function forgetGoneOutputs(manifestFile: string): Promise<number> {
  const cacheDir = path.dirname(manifestFile);
  let forgotten = 0;
  for (const name of await readdir(cacheDir).catch(() => [] as string[])) {
    const manifest = path.join(cacheDir, name);
    if (!MANIFEST_NAME.test(name) || manifest === manifestFile) continue;
    const outDir = recordedOutDir(manifest);
    // Kept when in doubt: a manifest unreadable (a build writing it meanwhile), an output folder there.
    if (outDir === null || (await stat(outDir).then(() => true, (error: NodeJS.ErrnoException) => error.code !== 'ENOENT'))) continue;
    await rm(manifest, { force: true });
    const spare = spareDirOf(manifest);
    if (await stat(spare).then(() => true, () => false)) await discardFolder(spare, trashDirOf(manifestFile));
    forgotten += 1;
  }
  return forgotten;
}

/** The output folder a manifest records, from the start of the file; null when it cannot be read. */
function recordedOutDir(manifest: string): string | null {
  let head: string;
  try {
    head = readHeadSync(manifest, MANIFEST_HEAD).toString('utf8');
  } catch {
    return null;
  }
  const outDir = leadingJsonString(head, 'outDir');
  return outDir !== null && path.isAbsolute(outDir) ? outDir : null;
}
