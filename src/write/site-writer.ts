/** Stage 6: writing the site atomically. Files go to a temporary folder beside the output folder,
 * which replaces the output folder only when the whole build succeeded. */
import { mkdirSync, statSync } from 'node:fs';
import { copyFile, mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createHash, hash } from 'node:crypto';
import { BroadsheetError } from '../errors.ts';
import { writeJsonAtomically } from './write-json-atomically.ts';
import { HardLinker } from './hard-linker.ts';
import { keepAsSpare, skeletonFolders, stagingDirName, trashDirOf, worthKeeping, type Skeleton } from './spare-output.ts';
import { discardFolder } from './discard-folder.ts';

/** The file every Broadsheet output folder has; a non-empty folder without it is never replaced. */
export const REPORT_FILE = 'build-report.json';

/** Bytes gathered before one write, in writeChunks(). */
const WRITE_CHUNK = 1 << 20;

/** A file's key (hash of its contents, or of what a page was rendered from) and its size. */
type ManifestEntry = readonly [key: string, bytes: number];

/** What the previous build wrote, by site path. */
interface Manifest {
  readonly outDir: string;
  readonly files: Record<string, ManifestEntry>;
  /** Hash of every input, the code, templates and config of the build that wrote it (see InputHashes.key() in cache/build-key.ts). */
  readonly buildKey?: string | null;
}

/** Options for incremental writing. */
export interface SiteWriterOptions {
  /** Where the manifest of written files is kept between builds; null writes every file afresh. */
  readonly manifestFile?: string | null;
  /** This build's inputs hash, recorded so the next build can tell that nothing changed. */
  readonly buildKey?: string | null;
  /** The replaced output of an earlier build, emptied of files (see claimSpare): staged into instead of a new folder. */
  readonly skeleton?: Skeleton | null;
}

/**
 * Writes one build's files into a staging folder, then swaps it in. A file whose key matches the
 * previous build's is hard-linked from the previous output instead of written, so unchanged
 * files keep their bytes and mtime and cost one link.
 */
export class SiteWriter {
  readonly outDir: string;
  readonly stagingDir: string;
  readonly #madeDirs = new Set<string>();
  readonly #previous: Readonly<Record<string, ManifestEntry>>;
  readonly #keys = new Map<string, ManifestEntry>();
  readonly #manifestFile: string | null;
  #files = 0;
  #bytes = 0;
  #reused = 0;
  /** Whether the staging folder exists. Until a file differs from the previous build, reused files are only noted. */
  #staged = false;
  /** Staging paths handed to tools that write files themselves: what is under them is recorded at commit. */
  readonly #external = new Set<string>();
  /** Reused files noted before the staging folder existed: linked when it is made. */
  readonly #pending: string[] = [];
  /** Links reused files into staging, off this thread. */
  readonly #linker = new HardLinker();

  readonly #buildKey: string | null;
  /** The emptied spare that is the staging folder, until it is staged into or given back; null when staging makes its folders. */
  #skeleton: Skeleton | null;

  private constructor(outDir: string, previous: Readonly<Record<string, ManifestEntry>>, manifestFile: string | null, buildKey: string | null, skeleton: Skeleton | null) {
    this.outDir = outDir;
    this.stagingDir = skeleton?.dir ?? stagingDirName(outDir);
    this.#previous = previous;
    this.#manifestFile = manifestFile;
    this.#buildKey = buildKey;
    this.#skeleton = skeleton;
  }

  /**
   * Whether the output folder is what a build with `buildKey` would write: the last build had
   * the same key and every file it wrote is still there at its size. Returns its files and bytes, or null.
   */
  static async current(outDir: string, manifestFile: string, buildKey: string): Promise<{ files: number; bytes: number } | null> {
    const out = path.resolve(outDir);
    const manifest = await readFile(manifestFile, 'utf8').then((text) => JSON.parse(text) as Manifest).catch(() => null);
    if (manifest?.outDir !== out || manifest.buildKey !== buildKey || typeof manifest.files !== 'object' || manifest.files === null) return null;
    let bytes = 0;
    for (const [file, [, size]] of Object.entries(manifest.files)) {
      try {
        if (statSync(path.join(out, file)).size !== size) return null;
      } catch {
        return null;
      }
      bytes += size;
    }
    return { files: Object.keys(manifest.files).length, bytes };
  }

  /** Checks the output folder may be replaced and names the staging folder beside it (made when first needed). */
  static async open(outDir: string, protectedDirs: readonly string[], options: SiteWriterOptions = {}): Promise<SiteWriter> {
    const out = path.resolve(outDir);
    for (const dir of protectedDirs.map((d) => path.resolve(d))) {
      if (out === dir || dir.startsWith(out + path.sep) || out === path.parse(out).root) {
        throw new BroadsheetError(`refusing to write the site to ${outDir}: it would replace ${dir}; choose an output folder of its own, such as dist`);
      }
    }
    const skeleton = options.skeleton ?? null;
    const manifestFile = options.manifestFile ?? null;
    // The skeleton has a staging folder's name (with this process's pid) and is this build's own.
    await recoverStaleBuilds(out, skeleton?.dir, manifestFile === null ? undefined : trashDirOf(manifestFile));
    await assertReplaceable(out);
    return new SiteWriter(out, manifestFile === null ? {} : await readManifest(manifestFile, out), manifestFile, options.buildKey ?? null, skeleton);
  }

  /**
   * Writes one file from chunks, hashing as it goes, so a large file (the JSON API) is never one
   * string in memory. It goes to a temporary name first: when its key matches the previous build's,
   * the previous file is linked instead and keeps its mtime, as with write(). Each chunk is
   * encoded on its own, so a chunk must not end inside a surrogate pair (JSON lines never do).
   */
  async writeChunks(relativePath: string, chunks: Iterable<string>): Promise<void> {
    const target = this.prepare(relativePath);
    const temp = `${target}.${process.pid}.part`;
    const hasher = this.incremental ? createHash('sha1') : null;
    let bytes = 0;
    const file = await open(temp, 'w');
    try {
      // Chunks are encoded straight into one buffer of about a megabyte, written (and hashed) when full: one system
      // call per line would cost more than the line, and joining them first made a megabyte string of garbage per write.
      const buffer = Buffer.allocUnsafe(WRITE_CHUNK);
      let used = 0;
      const flush = async (encoded: Buffer): Promise<void> => {
        hasher?.update(encoded);
        // writeFile, unlike write, loops until every byte is written; it writes on from the current position.
        await file.writeFile(encoded);
        bytes += encoded.length;
      };
      for (const chunk of chunks) {
        // UTF-8 takes at most three bytes per UTF-16 unit.
        if (used > 0 && used + 3 * chunk.length > buffer.length) {
          await flush(buffer.subarray(0, used));
          used = 0;
        }
        if (3 * chunk.length > buffer.length) await flush(Buffer.from(chunk));
        else used += buffer.write(chunk, used);
      }
      await flush(buffer.subarray(0, used));
    } finally {
      await file.close();
    }
    const key = hasher === null ? null : `c:${hasher.digest('hex')}`;
    if (key !== null && this.reuse(relativePath, key)) {
      await rm(temp);
      return;
    }
    await rename(temp, target);
    this.wrote(relativePath, key, bytes);
  }

  /** Whether files are compared with the previous build's (a manifest is kept): only then are their keys worth computing. */
  get incremental(): boolean {
    return this.#manifestFile !== null;
  }

  /** Writes one file at a site-relative path (or links the previous build's identical file); a path that would leave the site is an error. */
  async write(relativePath: string, contents: string | Uint8Array): Promise<void> {
    const key = this.incremental ? `c:${hash('sha1', contents)}` : null;
    if (key !== null && this.reuse(relativePath, key)) return;
    await this.#writeNew(relativePath, key, contents);
  }

  /**
   * Reuses the previous build's file for this path when it was made from the same key: true when
   * it does (its file is still there at its size). The file is hard-linked into staging, soon
   * (see #linkLater; it keeps its bytes and mtime); while every file so far is unchanged, it is
   * only checked and noted, so a build that changes nothing touches nothing.
   */
  reuse(relativePath: string, key: string, entry: ManifestEntry | undefined = this.#previous[relativePath]): boolean {
    if (entry === undefined || entry[0] !== key || !this.#stillThere(relativePath, entry)) return false;
    this.#keep(relativePath, entry);
    return true;
  }

  /**
   * Reuses the previous build's file when `key` is one of the space-separated keys it was
   * recorded under (a page keyed both by its inputs and by its variables, see renderPages), as
   * reuse() does; it is recorded under `recordAs`, or under the same keys as before.
   */
  reuseByKey(relativePath: string, key: string, recordAs?: string): boolean {
    const entry = this.#previous[relativePath];
    if (entry === undefined || !recordedUnder(entry[0], key) || !this.#stillThere(relativePath, entry)) return false;
    this.#keep(relativePath, recordAs === undefined ? entry : [recordAs, entry[1]]);
    return true;
  }

  /**
   * Reuses every one of these files when the previous build made each from `inputKey` (see
   * writeMade) and it is still there; otherwise reuses none and returns false, for the caller to
   * make them all. What a file is made from is cheaper to hash than the file (a feed: its
   * entries' fields and input hashes, not the XML of twenty bodies read back from the cache).
   */
  reuseMade(relativePaths: readonly string[], inputKey: string): boolean {
    const entries = relativePaths.map((file) => this.#previous[file]);
    const made = relativePaths.every((file, i) => {
      const entry = entries[i];
      return entry !== undefined && entry[0].startsWith(`${MADE_PREFIX}${inputKey}|`) && this.#stillThere(file, entry);
    });
    if (made) relativePaths.forEach((file, i) => this.#keep(file, entries[i]!));
    return made;
  }

  /**
   * Writes a file made from `inputKey`, recorded so the next build can reuse it by that key
   * (reuseMade). When its bytes equal the previous build's file, that file is linked instead
   * and keeps its mtime, as with write().
   */
  async writeMade(relativePath: string, inputKey: string, contents: string | Uint8Array): Promise<void> {
    if (!this.incremental) return this.write(relativePath, contents);
    const contentKey = `c:${hash('sha1', contents)}`;
    const key = `${MADE_PREFIX}${inputKey}|${contentKey}`;
    const previous = this.#previous[relativePath];
    if (previous !== undefined && contentKeyOf(previous[0]) === contentKey && this.#stillThere(relativePath, previous)) {
      this.#keep(relativePath, [key, previous[1]]);
      return;
    }
    await this.#writeNew(relativePath, key, contents);
  }

  /**
   * Copies the file `source` into the site at `relativePath` (the kernel copies it: a large video
   * never passes through this process's memory), recorded so the next build can reuse it by
   * `inputKey` (reuseMade), which must change whenever the file does.
   */
  async copyMade(relativePath: string, inputKey: string, source: string): Promise<void> {
    const target = this.prepare(relativePath);
    await copyFile(source, target);
    // No content key: the file is known by its input key alone, and not hashed.
    this.wrote(relativePath, this.incremental ? `${MADE_PREFIX}${inputKey}|` : null, (await stat(target)).size);
  }

  /** Writes a file into staging and records it under `key`. */
  async #writeNew(relativePath: string, key: string | null, contents: string | Uint8Array): Promise<void> {
    await writeFile(this.prepare(relativePath), contents);
    this.wrote(relativePath, key, typeof contents === 'string' ? Buffer.byteLength(contents) : contents.byteLength);
  }


  /** Whether the previous output still has this file at the size the manifest says. */
  #stillThere(relativePath: string, entry: ManifestEntry): boolean {
    // No exception for a missing file: cheaper, and a rebuild checks every reused file (31k at 5x).
    // Any other failure (a folder that became a file, no permission) also means the file is written afresh.
    try {
      return statSync(this.#previousPath(relativePath), { throwIfNoEntry: false })?.size === entry[1];
    } catch {
      return false;
    }
  }

  /** Takes the previous build's file for this path into this build, recorded under `entry`. */
  #keep(relativePath: string, entry: ManifestEntry): void {
    if (this.#staged) this.#linkLater(this.#previousPath(relativePath), this.#path(relativePath));
    else this.#pending.push(relativePath);
    this.#keys.set(relativePath, entry);
    this.#files += 1;
    this.#bytes += entry[1];
    this.#reused += 1;
  }

  /** The staging path of a site-relative path, with its folder made, for a file written elsewhere. */
  prepare(relativePath: string): string {
    const target = this.stagedPath(relativePath);
    this.#makeDir(path.dirname(target));
    return target;
  }

  /** The staging path of a site-relative path, for a thread that makes its folder and writes it (a render worker). */
  stagedPath(relativePath: string): string {
    this.#stage();
    return this.#path(relativePath);
  }

  /** Adds the files tools wrote under resolve()d paths to the manifest, so the next build knows the whole output. */
  async #recordExternal(): Promise<void> {
    for (const target of this.#external) {
      const entries = await readdir(target, { recursive: true, withFileTypes: true }).catch(() => null);
      const files = entries === null ? [target] : entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
      for (const file of files) {
        const relativePath = path.relative(this.stagingDir, file).split(path.sep).join('/');
        if (this.#keys.has(relativePath)) continue;
        const size = await stat(file).then((info) => (info.isFile() ? info.size : null)).catch(() => null);
        if (size === null) continue;
        this.#keys.set(relativePath, [EXTERNAL_KEY, size]);
        this.#files += 1;
        this.#bytes += size;
      }
    }
  }

  /** Makes the staging folder (a skeleton's is there already) and links the files reused so far into it. */
  #stage(): void {
    if (this.#staged) return;
    mkdirSync(this.stagingDir, { recursive: true });
    this.#madeDirs.add(this.stagingDir);
    this.#staged = true;
    for (const relativePath of this.#pending) {
      this.#linkLater(this.#previousPath(relativePath), this.#path(relativePath));
    }
    this.#pending.length = 0;
  }

  /**
   * Hard-links a reused file into staging soon, on the linker's thread: making a folder per page
   * is the slow part of a rebuild (about 0.1 ms each), and there it overlaps with this thread
   * preparing pages. The file was there a moment ago (reuse() checked it); if it is gone now,
   * commit() fails and says to build again.
   */
  #linkLater(source: string, target: string): void {
    this.#linker.link(source, target);
  }

  /** Waits until every link is made; throws the first that failed. */
  async #linksMade(): Promise<void> {
    const failure = await this.#linker.done();
    if (failure === null) return;
    // A failure with no target is the linking thread's own, not one file's.
    if (failure.target === '') throw new BroadsheetError(`the thread that hard-links unchanged files failed: ${failure.message}`);
    throw new BroadsheetError(`the previous output changed during the build (${path.relative(this.stagingDir, failure.target)}: ${failure.message}); build again`);
  }

  /** mkdir of one folder whose parent is made first: one system call per new folder, none for known ones. */
  #makeDir(dir: string): void {
    if (this.#madeDirs.has(dir)) return;
    this.#makeDir(path.dirname(dir));
    try {
      mkdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    this.#madeDirs.add(dir);
  }

  /** Records a file written at prepare()'s path, under the key the next build compares with (null when not incremental). */
  wrote(relativePath: string, key: string | null, bytes: number): void {
    this.#keys.set(relativePath, [key ?? '', bytes]);
    this.#files += 1;
    this.#bytes += bytes;
  }

  /**
   * The absolute staging path of a site-relative path, for a tool that writes files itself (the
   * search indexer). Files it writes there are recorded at commit. Refuses anything outside the site.
   */
  resolve(relativePath: string): string {
    this.#stage();
    const target = this.#path(relativePath);
    this.#external.add(target);
    return target;
  }

  /**
   * Reuses every file the previous output has under a folder (a tool's output made from the same
   * input, such as the search index), as reuse() does for one file, but for the site paths in
   * `except` (written by the caller); false when there is none.
   */
  async keepPrevious(relativeDir: string, except: ReadonlySet<string> = new Set()): Promise<boolean> {
    const dir = this.#previousPath(relativeDir);
    let entries;
    try {
      entries = await readdir(dir, { recursive: true, withFileTypes: true });
    } catch {
      return false;
    }
    const files = entries
      .filter((e) => e.isFile())
      .map((e) => path.relative(this.outDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
      .filter((file) => !except.has(file));
    if (files.length === 0) return false;
    for (const file of files) {
      const known = this.#previous[file];
      const size = known?.[1] ?? (await stat(path.join(this.outDir, file))).size;
      if (!this.reuse(file, known?.[0] ?? EXTERNAL_KEY, [known?.[0] ?? EXTERNAL_KEY, size])) return false;
    }
    return true;
  }

  #path(relativePath: string): string {
    return path.join(this.stagingDir, siteRelative(relativePath));
  }

  /** Where a site-relative path is in the previous output (the output folder). */
  #previousPath(relativePath: string): string {
    return path.join(this.outDir, siteRelative(relativePath));
  }

  /** Files and bytes in the site so far, and how many of them were linked unchanged from the previous build. */
  get stats(): { files: number; bytes: number; reused: number } {
    return { files: this.#files, bytes: this.#bytes, reused: this.#reused };
  }

  /** Replaces the output folder with the staging folder, then records what it holds for the next build. */
  async commit(): Promise<void> {
    const previousPaths = Object.keys(this.#previous);
    if (!this.#staged && previousPaths.length === this.#keys.size && previousPaths.every((p) => this.#keys.has(p))) {
      // Every file is the previous build's, and no file is gone: the output folder already is this build.
      await this.#writeManifest();
      await this.#giveBackSkeleton();
      return;
    }
    this.#stage();
    await this.#linksMade();
    await this.#recordExternal();
    await this.#pruneSkeleton();
    const old = `${this.stagingDir}-old`;
    let hadOld = false;
    // The manifest goes first: a build killed after the swap must not leave a manifest of the older output.
    if (this.#manifestFile !== null) await rm(this.#manifestFile, { force: true });
    try {
      await rename(this.outDir, old);
      hadOld = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    try {
      await rename(this.stagingDir, this.outDir);
    } catch (error) {
      if (hadOld) await rename(old, this.outDir);
      throw error;
    }
    await this.#writeManifest();
    if (hadOld) await this.#setAside(old, previousPaths.length, previousPaths.length - this.#reused);
  }

  /**
   * Removes the skeleton's folders that hold no file of this build (pages that are gone), so the
   * output has the folders a clean build makes and no others.
   */
  async #pruneSkeleton(): Promise<void> {
    const skeleton = this.#skeleton;
    if (skeleton === null) return;
    this.#skeleton = null;
    const needed = new Set<string>();
    for (const file of this.#keys.keys()) {
      for (let dir = path.posix.dirname(siteRelative(file)); dir !== '.' && !needed.has(dir); dir = path.posix.dirname(dir)) needed.add(dir);
    }
    for (const folder of skeletonFolders(skeleton)) {
      const parent = path.posix.dirname(folder);
      // Folders come after their parent: one whose parent is not needed went with it.
      if (needed.has(folder) || (parent !== '.' && !needed.has(parent))) continue;
      await rm(path.join(this.stagingDir, folder), { recursive: true, force: true });
    }
  }

  /** Puts the skeleton back as the spare when nothing was staged into it: the next build can use it. */
  async #giveBackSkeleton(): Promise<void> {
    const skeleton = this.#skeleton;
    if (skeleton === null || this.#staged) return;
    this.#skeleton = null;
    await this.#setAside(skeleton.dir, 0, 0);
  }

  /**
   * Puts a folder of `files` files, `own` of them not links to the live output's, out of the way:
   * the replaced output, a failed build's staging folder, an unused skeleton. Nothing needs to
   * wait for it: tens of thousands of unlinks took 2-4 s at 5x, a third of a one-article rebuild.
   * With a cache folder on the same file system, it is kept as the next build's staging folder
   * (see spare-output.ts) when few of its files are its own; else, or when a spare is already
   * kept, it goes to the cache's trash/ for a detached `rm -rf` (see discardFolder); without a
   * cache, it is removed here.
   */
  async #setAside(dir: string, files: number, own: number): Promise<void> {
    if (this.#manifestFile === null) return rm(dir, { recursive: true, force: true });
    if (worthKeeping(files, own) && (await keepAsSpare(dir, this.#manifestFile))) return;
    await discardFolder(dir, trashDirOf(this.#manifestFile));
  }

  async #writeManifest(): Promise<void> {
    if (this.#manifestFile === null) return;
    const files = Object.fromEntries([...this.#keys].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    await writeJsonAtomically(this.#manifestFile, { outDir: this.outDir, files, buildKey: this.#buildKey } satisfies Manifest);
  }

  /**
   * Puts the staging folder out of the way (see #setAside); the output folder is untouched. Kept
   * as the spare, after a failed build such as a template typo in the live preview, the next build
   * stages into its folders instead of making them right after they were deleted.
   */
  async abort(): Promise<void> {
    if (!this.#staged) return this.#giveBackSkeleton();
    // Links under way would make their folders again inside a moved or removed staging folder.
    await this.#linksMade().catch(() => undefined);
    await this.#setAside(this.stagingDir, this.#files, this.#files - this.#reused);
  }
}

/** A site-relative path in normal form; anything that would leave the site is refused. */
function siteRelative(relativePath: string): string {
  const normalized = path.posix.normalize(relativePath.replace(/\\/g, '/'));
  if (normalized.startsWith('/') || normalized === '..' || normalized.startsWith('../') || normalized.includes('\0') || path.isAbsolute(relativePath)) {
    throw new BroadsheetError(`refusing to write outside the output folder: ${JSON.stringify(relativePath)}`);
  }
  return normalized;
}

/** How a manifest key made by writeMade() starts: then the input key, "|" and the content key. */
const MADE_PREFIX = 'm:';

/** The content key ("c:" and the SHA-1 of the bytes) within a manifest key; null for a key without one. */
function contentKeyOf(key: string): string | null {
  if (key.startsWith('c:')) return key;
  return key.startsWith(MADE_PREFIX) ? key.slice(key.lastIndexOf('|') + 1) : null;
}

/** Whether `key` is one of the space-separated `keys` (with no list made: a rebuild asks for every page). */
function recordedUnder(keys: string, key: string): boolean {
  if (key.includes(' ')) return false;
  for (let at = keys.indexOf(key); at !== -1; at = keys.indexOf(key, at + 1)) {
    const end = at + key.length;
    if ((at === 0 || keys.charCodeAt(at - 1) === SPACE) && (end === keys.length || keys.charCodeAt(end) === SPACE)) return true;
  }
  return false;
}

const SPACE = 0x20;

/** The manifest key of a file a tool wrote itself: reused only through keepPrevious(), which the tool calls when its input is unchanged. */
const EXTERNAL_KEY = 'x';

async function readManifest(file: string, outDir: string): Promise<Record<string, ManifestEntry>> {
  try {
    const manifest = JSON.parse(await readFile(file, 'utf8')) as Manifest;
    return manifest.outDir === outDir && typeof manifest.files === 'object' && manifest.files !== null ? manifest.files : {};
  } catch {
    return {};
  }
}

async function assertReplaceable(out: string): Promise<void> {
  let entries: string[];
  try {
    const info = await stat(out);
    if (!info.isDirectory()) throw new BroadsheetError(`the output path ${out} is a file, not a folder`);
    entries = await readdir(out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (entries.length > 0 && !entries.includes(REPORT_FILE)) {
    throw new BroadsheetError(
      `the output folder ${out} holds files but is not a Broadsheet site (no ${REPORT_FILE}); refusing to replace it. Empty it or choose another --out`,
    );
  }
}

/**
 * Cleans up after builds that were killed: their staging folders are removed, and if one was
 * killed between moving the old output aside and moving the new one in, the old output goes back.
 * Folders of builds still running (their pid is alive) are left alone, as is `except`: this
 * build's own, a spare it claimed (see claimSpare). With `trash` (the cache's), a folder is
 * moved there for a detached removal (see discardFolder) rather than removed while this build
 * waits: a killed 25x build leaves up to 87k folders.
 */
export async function recoverStaleBuilds(out: string, except?: string, trash?: string): Promise<string[]> {
  const parent = path.dirname(out);
  const pattern = new RegExp(`^\\.${escapeRegExp(path.basename(out))}-build-(\\d+)-[0-9a-f]+(-old)?$`);
  let names: string[];
  try {
    names = (await readdir(parent)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    const dir = path.join(parent, name);
    if (match === null || isAlive(Number(match[1])) || dir === except) continue;
    if (match[2] !== undefined && !(await exists(out))) {
      await rename(dir, out);
      continue;
    }
    if (trash === undefined) await rm(dir, { recursive: true, force: true });
    else await discardFolder(dir, trash);
    removed.push(dir);
  }
  return removed;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
