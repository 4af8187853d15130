/**
 * The article cache in `.broadsheet-cache/articles/`: every parsed and enriched input, keyed by a
 * hash of its bytes, its path and the code salt, so a hit is always current. Entries are in pack
 * files (see article-pack.ts); one index file names where each key is, read once per build.
 */
import { hash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { InputFile } from '../content/input-file.ts';
import { writeJsonAtomically } from '../write/write-json-atomically.ts';
import { bodyRef, INDEX_FILE, PACKS_DIR, readMetas, readMetasAndTerms, termsSlice, type EntryLocation, type PackSlice } from './article-pack.ts';

/** The index file's content (INDEX_FILE): cache key to entry location. */
type Index = Record<string, EntryLocation>;

/** Reads and indexes cached per-article results; a missing or unreadable entry is a miss, never an error. */
export class ArticleCache {
  /** The cache folder. */
  readonly dir: string;
  /** Code and data hash: part of every key. */
  readonly salt: string;
  /** Entries found in the index at open, then those this build stored. */
  readonly #index: Map<string, EntryLocation>;
  /** The folder of the pack files, joined once. */
  readonly #packsDir: string;
  /** The index file's size, mtime and inode when read at open (null: there was none). */
  readonly #readStamp: string | null;

  private constructor(dir: string, salt: string, index: Map<string, EntryLocation>, readStamp: string | null) {
    this.dir = dir;
    this.salt = salt;
    this.#index = index;
    this.#readStamp = readStamp;
    this.#packsDir = path.join(dir, PACKS_DIR);
  }

  /** Whether `dir` holds an article cache (an index): a build expects hits there. */
  static exists(dir: string): boolean {
    return existsSync(path.join(dir, INDEX_FILE));
  }

  /** Opens the cache in `dir`, reading its index once (none yet: an empty cache). */
  static async open(dir: string, salt: string): Promise<ArticleCache> {
    // Stamped before the read: a build writing the file meanwhile leaves a newer stamp, so saveIndex() reads it again.
    const stamp = stampOf(dir);
    return new ArticleCache(dir, salt, new Map(Object.entries(await readIndex(dir))), stamp);
  }

  /** The key of an input's result (see articleCacheKey). */
  keyFor(input: InputFile, contentHash: string): string {
    return articleCacheKey(this.salt, input, contentHash);
  }

  /** Where an entry is, or undefined. */
  locate(key: string): EntryLocation | undefined {
    return this.#index.get(key);
  }

  /** The metadata JSON of each key's entry (null when it is not in the cache or its pack is gone or cut short), reading each pack once (see readMetas). */
  metas(keys: readonly string[]): Array<string | null> {
    return this.#read(keys, readMetas);
  }

  /** The metadata and terms JSON of each key's entry, as metas() reads the metadata alone (see readMetasAndTerms). */
  metasAndTerms(keys: readonly string[]): Array<readonly [meta: string, terms: string] | null> {
    return this.#read(keys, readMetasAndTerms);
  }

  /** What `reader` reads of each key's entry, null for keys not in the index. */
  #read<T>(keys: readonly string[], reader: (dir: string, locations: readonly EntryLocation[]) => Array<T | null>): Array<T | null> {
    const found: number[] = [];
    const locations: EntryLocation[] = [];
    keys.forEach((key, i) => {
      const location = this.#index.get(key);
      if (location === undefined) return;
      found.push(i);
      locations.push(location);
    });
    const read = new Array<T | null>(keys.length).fill(null);
    reader(this.dir, locations).forEach((value, j) => (read[found[j]!] = value));
    return read;
  }

  /** Notes an entry stored this build (see appendEntries), so saveIndex() names it. */
  record(key: string, location: EntryLocation): void {
    this.#index.set(key, location);
  }

  /** Where an entry's terms line is, for the thread that counts terms (see termsSlice). */
  termsSlice(location: EntryLocation): PackSlice {
    return termsSlice(this.#packsDir, location);
  }

  /** The reference a thread reads an entry's body back by (see readBody). */
  bodyRef(key: string, location: EntryLocation): string {
    return bodyRef(this.#packsDir, key, location);
  }

  /**
   * Writes the index: the entries known to this build plus any another build (sharing the folder)
   * wrote since it was read, so neither loses the other's entries.
   */
  async saveIndex(): Promise<void> {
    // Unchanged since open (no other build wrote it): everything it holds is in #index already, and is not read again.
    const stamp = stampOf(this.dir);
    const merged = stamp !== null && stamp === this.#readStamp ? {} : await readIndex(this.dir);
    for (const [key, location] of this.#index) merged[key] = location;
    await writeJsonAtomically(path.join(this.dir, INDEX_FILE), merged);
  }

  /**
   * Keeps only the entries in `keep` (inputs deleted or changed since are dropped), so the cache
   * does not grow without end: rewrites the index and removes packs no kept entry is in, and
   * anything else in the folder (an older cache layout). Returns how many files it removed.
   */
  async prune(keep: ReadonlySet<string>): Promise<number> {
    const kept: Index = {};
    const packs = new Set<string>();
    for (const key of keep) {
      const location = this.#index.get(key);
      if (location === undefined) continue;
      kept[key] = location;
      packs.add(location[0]);
    }
    await writeJsonAtomically(path.join(this.dir, INDEX_FILE), kept);
    let removed = 0;
    for (const name of await readdir(path.join(this.dir, PACKS_DIR)).catch(() => [] as string[])) {
      if (packs.has(name)) continue;
      await rm(path.join(this.dir, PACKS_DIR, name), { force: true });
      removed += 1;
    }
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      if (name === INDEX_FILE || name === PACKS_DIR) continue;
      await rm(path.join(this.dir, name), { recursive: true, force: true });
      removed += 1;
    }
    return removed;
  }
}

/** The key of an input's result: what the result depends on besides the code (the salt). */
export function articleCacheKey(salt: string, input: InputFile, contentHash: string): string {
  // One-shot: no Hash object per input (two per input on a first build: here and in inputCacheKeys).
  return hash('sha256', JSON.stringify([salt, input.kind, input.relativePath, input.displayPath, input.overridePath !== null, contentHash]), 'hex');
}

/** The index file's size, mtime (ns) and inode, or null when there is none or it cannot be read (readIndex then finds no entries either). */
function stampOf(dir: string): string | null {
  try {
    const info = statSync(path.join(dir, INDEX_FILE), { bigint: true, throwIfNoEntry: false });
    return info === undefined ? null : `${info.size}:${info.mtimeNs}:${info.ino}`;
  } catch {
    return null;
  }
}

async function readIndex(dir: string): Promise<Index> {
  try {
    const index = JSON.parse(await readFile(path.join(dir, INDEX_FILE), 'utf8')) as unknown;
    return typeof index === 'object' && index !== null && !Array.isArray(index) ? (index as Index) : {};
  } catch {
    return {};
  }
}
