/** One hash of everything a build reads: when it equals the last build's, the output is already right. */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { DiscoveredInputs, InputFile } from '../content/input-file.ts';
import { contentHashOf, readInputBytesSync } from '../content/read-input.ts';
import { writeJsonAtomically } from '../write/write-json-atomically.ts';

/** Content hashes of inputs by path, with the file identity (size, mtime, ctime, inode) they were hashed at. */
type HashIndex = Record<string, readonly [identity: string, contentHash: string]>;

/**
 * Each input's content hash (or why it cannot be read) as far as the build knows it, and from
 * them the build key. The key stage (hashInputs) knows an input from the index of the last
 * build's hashes or reads it; an input the index does not name is left to parse, which reads it
 * anyway, and tells its hash here (learn), so a first build reads every input once, not twice.
 */
export class InputHashes {
  readonly #discovered: DiscoveredInputs;
  readonly #indexFile: string | null;
  /** Each input's identity when the key stage looked at it (see identityOf); absent when it could not be looked at. */
  readonly #identities: Map<InputFile, string>;
  readonly #hashes = new Map<InputFile, string>();
  readonly #problems = new Map<InputFile, string>();
  /** Whether the index file holds what is known now. */
  #saved = false;

  constructor(discovered: DiscoveredInputs, indexFile: string | null, identities: Map<InputFile, string>) {
    this.#discovered = discovered;
    this.#indexFile = indexFile;
    this.#identities = identities;
  }

  /** The content hash of each input known so far: a cache hit needs no read of its input. */
  get contentHashes(): ReadonlyMap<InputFile, string> {
    return this.#hashes;
  }

  /** Records an input's content hash. */
  learn(input: InputFile, contentHash: string): void {
    if (this.#hashes.get(input) === contentHash) return;
    this.#problems.delete(input);
    this.#hashes.set(input, contentHash);
    this.#saved = false;
  }

  /** Records why an input could not be read (see readInputBytesSync): the key holds the reason. */
  unreadable(input: InputFile, problem: string): void {
    this.#hashes.delete(input);
    this.#problems.set(input, problem);
    this.#saved = false;
  }

  /**
   * Hashes every input's path and bytes (an unreadable one by its error), the ignored files, the
   * media files' paths and identities, and `salt` (code, data, templates, config): builds are
   * deterministic, so the same key means the same output. Null while an input is left to parse.
   */
  key(salt: string): string | null {
    const hash = createHash('sha256').update(salt);
    for (const input of this.#discovered.inputs) {
      const known = this.#hashes.get(input) ?? this.#problems.get(input);
      if (known === undefined) return null;
      hash.update(`${input.kind}:${input.relativePath}:${input.overridePath ?? ''}:${known}`).update('\n');
    }
    for (const file of this.#discovered.ignored) hash.update(`ignored:${file.displayPath}:${file.reason}\n`);
    // Media files are copied, not read: one replaced (a new photo under the old name) changes its identity.
    for (const file of this.#discovered.media) hash.update(`media:${file.relativePath}:${fileIdentity(file.absolutePath) ?? 'unreadable'}\n`);
    return hash.digest('hex');
  }

  /**
   * The key (see key()), with the index of hashes by identity written for the next build once the
   * key is complete (and not written already): a first build's, only once parse has read the inputs.
   */
  async save(salt: string): Promise<string | null> {
    const key = this.key(salt);
    if (key !== null && this.#indexFile !== null && !this.#saved) {
      const index: Record<string, readonly [string, string]> = {};
      for (const [input, contentHash] of this.#hashes) {
        const identity = this.#identities.get(input);
        if (identity !== undefined) index[input.absolutePath] = [identity, contentHash];
      }
      await writeJsonAtomically(this.#indexFile, index);
      this.#saved = true;
    }
    return key;
  }

  /** save(), then lets go of every input's hash and identity (tens of thousands of strings at 25x): the build holds this object until it ends. */
  async finish(salt: string): Promise<string | null> {
    const key = await this.save(salt);
    this.#hashes.clear();
    this.#problems.clear();
    this.#identities.clear();
    return key;
  }
}

/**
 * What the key stage knows of each input. With `indexFile`, an input whose size, times and inode
 * (and its override file's) are those it was hashed at last time keeps that hash without being
 * read, as git's index does; one the index names with another identity is read now (it may be
 * unchanged, and the last build's output still right). One the index does not name is left to
 * parse, which reads it anyway, only on a first build (`cacheHasEntries` false): otherwise it is
 * read now, since the index may name other paths (the project folder moved, builds alternating
 * between two seeds folders sharing one cache) while the article cache holds its entry, found
 * only by its hash, and an unreadable input (never indexed: only hashes are) must be named in the
 * key for an unchanged build to be noticed.
 */
export async function hashInputs(discovered: DiscoveredInputs, indexFile: string | null, options: { readonly cacheHasEntries: boolean }): Promise<InputHashes> {
  const previous = indexFile === null ? {} : await readIndex(indexFile);
  const readUnindexed = options.cacheHasEntries;
  const identities = new Map<InputFile, string>();
  const hashes = new InputHashes(discovered, indexFile, identities);
  // Synchronous stats and reads: see identityOf and readInputBytesSync.
  for (const input of discovered.inputs) {
    const identity = indexFile === null ? null : identityOf(input);
    if (identity !== null) identities.set(input, identity);
    const known = previous[input.absolutePath];
    if (identity !== null && known?.[0] === identity) {
      hashes.learn(input, known[1]);
      continue;
    }
    // A file that cannot be looked at is read now all the same: the key names its problem.
    if (known === undefined && identity !== null && !readUnindexed) continue;
    const read = readInputBytesSync(input);
    if (read.ok) hashes.learn(input, contentHashOf(read.bytes, read.overrideBytes));
    else hashes.unreadable(input, read.problem.message);
  }
  return hashes;
}

/**
 * Size, mtime and ctime (ns: ctime changes with permissions too) and inode of an input and its
 * override file; null when either cannot be read, so it is read and reported. Synchronous: a stat
 * is a few microseconds, far less than a round trip through libuv's thread pool (52k at 25x).
 */
function identityOf(input: InputFile): string | null {
  const files = input.overridePath === null ? [input.absolutePath] : [input.absolutePath, input.overridePath];
  const identities = files.map(fileIdentity);
  return identities.includes(null) ? null : identities.join('/');
}

/** A file's size, mtime and ctime (ns) and inode, which change when it is written or replaced; null when it cannot be looked at. */
export function fileIdentity(file: string): string | null {
  try {
    const s = statSync(file, { bigint: true });
    return `${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}`;
  } catch {
    return null;
  }
}

async function readIndex(file: string): Promise<HashIndex> {
  try {
    const index = JSON.parse(await readFile(file, 'utf8')) as unknown;
    return typeof index === 'object' && index !== null ? (index as HashIndex) : {};
  } catch {
    return {};
  }
}
