/**
 * The output folder a build replaced, kept as the next build's staging folder. A rebuild stages a
 * folder per page (21k at 5x); made afresh right after the last build's output was deleted, they
 * cost far more on a file system that makes a new inode slowly after many were freed: ext4
 * without a journal, as on the machine the benchmarks run on, scans past every inode freed in
 * the last minutes (see BENCHMARKS.md). Two rebuilds in a row at 5x took 13.8-14.4 s, against
 * 7.5 s a few minutes apart. So the replaced output is kept in the cache as a spare; the next
 * build claims it, unlinks its files on a thread of its own while articles load (most are links
 * to files of the current output, so no inode is freed) and stages into its emptied folders.
 * Kept per output folder, beside its manifest (see output-manifests.ts), and forgotten with it.
 */
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/** A claimed spare, emptied of everything but folders. */
export interface Skeleton {
  /** Absolute path, a staging folder's name beside the output folder (see stagingDirName). */
  readonly dir: string;
  /**
   * Its folders, site-relative with "/", each after its parent, joined by NUL (which no name
   * holds): one string rather than 88k at 25x, held through render, where memory peaks.
   */
  readonly folders: string;
}

/** The folders of a skeleton, each after its parent. */
export function skeletonFolders(skeleton: Skeleton): string[] {
  return skeleton.folders === '' ? [] : skeleton.folders.split('\0');
}

/**
 * At most this share of a kept folder's files may be its own, not links to the live output's.
 * Emptying the spare runs beside the next build's parse and relate, and the build waits for it
 * before staging: unlinking a link costs little, but unlinking a file's last link frees it, and
 * after a build that rewrote every page (a template edit) emptying the replaced 25x output took
 * 16 s more than parse and relate. Such a folder goes to the detached `rm -rf` instead.
 */
const SPARE_OWN_SHARE = 0.1;

/** Whether a folder of `files` files, `own` of them not links to the live output's, is worth keeping as the spare. */
export function worthKeeping(files: number, own: number): boolean {
  return own <= files * SPARE_OWN_SHARE;
}

/** Where the output folder recorded by `manifestFile` is kept once replaced. */
export function spareDirOf(manifestFile: string): string {
  const { dir, name } = path.parse(manifestFile);
  return path.join(dir, `${name}-spare`);
}

/** The cache's trash folder, beside the manifests (see discardFolder). */
export function trashDirOf(manifestFile: string): string {
  return path.join(path.dirname(manifestFile), 'trash');
}

/**
 * Moves `dir` into the spare slot of the output recorded by `manifestFile`; false when a spare is
 * kept already (a folder with files there) or the move fails (another file system).
 */
export async function keepAsSpare(dir: string, manifestFile: string): Promise<boolean> {
  return rename(dir, spareDirOf(manifestFile)).then(() => true, () => false);
}

/**
 * Puts a claimed spare back in its slot, for a build that failed before its writer took it (see
 * SiteWriter.open): the next build stages into it rather than clearing it as a dead build's
 * leftovers and making every folder again. Never rejects; a spare that cannot go back keeps its
 * staging name, for the next build to clear.
 */
export async function giveBackSpare(skeleton: Promise<Skeleton | null>, manifestFile: string): Promise<void> {
  const claimed = await skeleton;
  if (claimed !== null) await keepAsSpare(claimed.dir, manifestFile);
}

/**
 * A new staging folder's path beside `out`: the pid in the name lets a later build tell a
 * killed build's leftovers from a running one's (see recoverStaleBuilds).
 */
export function stagingDirName(out: string): string {
  return path.join(path.dirname(out), `.${path.basename(out)}-build-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * The thread's code, plain CommonJS so it starts without the TypeScript loader: walks the folder
 * (never following a link), unlinks everything that is not a folder and answers with the folders,
 * or with the failure. A name gone meanwhile is skipped.
 */
const EMPTIER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readdirSync, unlinkSync } = require('node:fs');
const folders = [];
function walk(dir, relative) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = dir + '/' + entry.name;
    if (entry.isDirectory()) {
      const folder = relative === '' ? entry.name : relative + '/' + entry.name;
      folders.push(folder);
      walk(full, folder);
      continue;
    }
    try {
      unlinkSync(full);
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
  }
}
try {
  walk(workerData, '');
  parentPort.postMessage({ folders: folders.join('\\0') });
} catch (error) {
  parentPort.postMessage({ failure: error.message });
}
`;

/** The emptying thread's young generation, in MB (V8's default is several times more). */
const EMPTIER_YOUNG_MB = 2;

/**
 * Claims the spare output folder for a build into `out` (moves it to a staging name beside
 * `out`, so only one build gets it) and empties it of files on a thread; null when there is none
 * or it could not be emptied (that build stages into new folders). Never rejects.
 */
export async function claimSpare(manifestFile: string, out: string): Promise<Skeleton | null> {
  const dir = stagingDirName(path.resolve(out));
  try {
    await rename(spareDirOf(manifestFile), dir);
  } catch {
    // None kept (the first rebuild, a build without one), or on another file system than the output.
    return null;
  }
  const answer = await new Promise<{ folders?: string; failure?: string }>((resolve) => {
    // No execArgv: the thread needs neither the TypeScript loader nor the build's flags. At 25x it runs into relate,
    // where memory peaks: a small young generation holds its garbage (a Dirent per name) to +36-43 MiB, not +65.
    const worker = new Worker(EMPTIER_SOURCE, { eval: true, execArgv: [], workerData: dir, resourceLimits: { maxYoungGenerationSizeMb: EMPTIER_YOUNG_MB } });
    worker.once('message', (message: { folders?: string; failure?: string }) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', (error: Error) => resolve({ failure: error.message }));
    worker.once('exit', (code) => resolve({ failure: `it stopped with exit code ${code}` }));
  });
  // A half-emptied folder keeps its name: the next build's recoverStaleBuilds removes it (see SiteWriter.open).
  return answer.folders === undefined ? null : { dir, folders: answer.folders };
}
