/**
 * The article cache in `.broadsheet-cache/articles/`: one JSON file per parsed and enriched input,
 * named by a hash of its bytes, its path and the code/config salt, so a hit is always current.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { InputFile } from '../content/input-file.ts';

/** Shard folders known to exist, per thread: one mkdir each instead of one per entry. */
const madeShards = new Set<string>();

/** Reads and writes cached per-article results; a missing or unreadable entry is a miss, never an error. */
export class ArticleCache {
  readonly #dir: string;
  readonly #salt: string;

  constructor(dir: string, salt: string) {
    this.#dir = dir;
    this.#salt = salt;
  }

  /** The key of an input's result: what the result depends on besides the code (the salt). */
  keyFor(input: InputFile, contentHash: string): string {
    return createHash('sha256').update(JSON.stringify([this.#salt, input.kind, input.relativePath, input.displayPath, input.overridePath !== null, contentHash])).digest('hex');
  }

  /** The cached value, or null. */
  async get<T>(key: string): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.#file(key), 'utf8')) as T;
    } catch {
      return null;
    }
  }

  /** The file an entry is stored in, for a thread that reads it back with readCacheEntry(). */
  fileFor(key: string): string {
    return this.#file(key);
  }

  /**
   * Stores a value. Written in place: a file cut short by a killed build does not parse, and an
   * entry that does not parse is a miss, so no temp file and rename are needed.
   */
  async set(key: string, value: unknown): Promise<void> {
    const file = this.#file(key);
    const shard = path.dirname(file);
    if (!madeShards.has(shard)) {
      await mkdir(shard, { recursive: true });
      madeShards.add(shard);
    }
    await writeFile(file, JSON.stringify(value));
  }

  /** Removes entries not in `keep` (inputs deleted or changed since), so the cache does not grow without end. */
  async prune(keep: ReadonlySet<string>): Promise<number> {
    let removed = 0;
    let shards: string[];
    try {
      shards = await readdir(this.#dir);
    } catch {
      return 0;
    }
    for (const shard of shards) {
      for (const name of await readdir(path.join(this.#dir, shard)).catch(() => [] as string[])) {
        if (keep.has(name.replace(/\.json$/, ''))) continue;
        await rm(path.join(this.#dir, shard, name), { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  #file(key: string): string {
    return path.join(this.#dir, key.slice(0, 2), `${key}.json`);
  }
}

/**
 * Reads one entry back by its file, synchronously: a worker rendering a page, or a feed needing a
 * body, reads one small file at a time. Throws when the entry is gone: the build wrote it and needs it.
 */
export function readCacheEntry<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}
