/** Stage 6: writing the site atomically. Files go to a temporary folder beside the output folder,
 * which replaces the output folder only when the whole build succeeded. */
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { BroadsheetError } from '../errors.ts';

/** The file every Broadsheet output folder has; a non-empty folder without it is never replaced. */
export const REPORT_FILE = 'build-report.json';

/** Writes one build's files into a staging folder, then swaps it in. */
export class SiteWriter {
  readonly outDir: string;
  readonly stagingDir: string;
  readonly #madeDirs = new Set<string>();
  #files = 0;
  #bytes = 0;

  private constructor(outDir: string, stagingDir: string) {
    this.outDir = outDir;
    this.stagingDir = stagingDir;
  }

  /** Checks the output folder may be replaced and creates the staging folder beside it. */
  static async open(outDir: string, protectedDirs: readonly string[]): Promise<SiteWriter> {
    const out = path.resolve(outDir);
    for (const dir of protectedDirs.map((d) => path.resolve(d))) {
      if (out === dir || dir.startsWith(out + path.sep) || out === path.parse(out).root) {
        throw new BroadsheetError(`refusing to write the site to ${outDir}: it would replace ${dir}; choose an output folder of its own, such as dist`);
      }
    }
    await recoverStaleBuilds(out);
    await assertReplaceable(out);
    // The pid in the name lets a later build tell a killed build's leftovers from a running one's.
    const staging = path.join(path.dirname(out), `.${path.basename(out)}-build-${process.pid}-${randomBytes(4).toString('hex')}`);
    await mkdir(staging, { recursive: true });
    return new SiteWriter(out, staging);
  }

  /** Writes one file at a site-relative path; a path that would leave the site is an error. */
  async write(relativePath: string, contents: string | Uint8Array): Promise<void> {
    const target = this.resolve(relativePath);
    const dir = path.dirname(target);
    if (!this.#madeDirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.#madeDirs.add(dir);
    }
    await writeFile(target, contents);
    this.#files += 1;
    this.#bytes += typeof contents === 'string' ? Buffer.byteLength(contents) : contents.byteLength;
  }

  /** The absolute staging path of a site-relative path, refusing anything outside the site. */
  resolve(relativePath: string): string {
    const normalized = path.posix.normalize(relativePath.replace(/\\/g, '/'));
    if (normalized.startsWith('/') || normalized === '..' || normalized.startsWith('../') || normalized.includes('\0') || path.isAbsolute(relativePath)) {
      throw new BroadsheetError(`refusing to write outside the output folder: ${JSON.stringify(relativePath)}`);
    }
    return path.join(this.stagingDir, normalized);
  }

  /** Files and bytes written so far. */
  get stats(): { files: number; bytes: number } {
    return { files: this.#files, bytes: this.#bytes };
  }

  /** Replaces the output folder with the staging folder. */
  async commit(): Promise<void> {
    const old = `${this.stagingDir}-old`;
    let hadOld = false;
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
    if (hadOld) await rm(old, { recursive: true, force: true });
  }

  /** Removes the staging folder; the output folder is untouched. */
  async abort(): Promise<void> {
    await rm(this.stagingDir, { recursive: true, force: true });
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
 * Folders of builds still running (their pid is alive) are left alone.
 */
export async function recoverStaleBuilds(out: string): Promise<string[]> {
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
    if (match === null || isAlive(Number(match[1]))) continue;
    const dir = path.join(parent, name);
    if (match[2] !== undefined && !(await exists(out))) {
      await rename(dir, out);
      continue;
    }
    await rm(dir, { recursive: true, force: true });
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
