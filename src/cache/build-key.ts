/** One hash of everything a build reads: when it equals the last build's, the output is already right. */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { DiscoveredInputs, InputFile } from '../content/input-file.ts';
import { contentHashOf, readInputBytesSync } from '../content/read-input.ts';
import { writeJsonAtomically } from '../write/write-json-atomically.ts';

/** A build's key, and each readable input's content hash, so the build need not read the input again to find it in the cache. */
export interface BuildKey {
  readonly key: string;
  readonly contentHashes: ReadonlyMap<InputFile, string>;
}

/** Content hashes of inputs by path, with the file identity (size, mtime, ctime, inode) they were hashed at. */
type HashIndex = Record<string, readonly [identity: string, contentHash: string]>;

/**
 * Hashes every input's path and bytes (an unreadable one by its error), the ignored files and the
 * salt (code, data, templates, config). Builds are deterministic, so the same key means the same output.
 * With `indexFile`, an input whose size, times and inode (and its override file's) are those it
 * was hashed at last time keeps that hash without being read, as git's index does.
 */
export async function buildKey(discovered: DiscoveredInputs, salt: string, indexFile: string | null = null): Promise<BuildKey> {
  const previous = indexFile === null ? {} : await readIndex(indexFile);
  const index: Record<string, readonly [string, string]> = {};
  const parts = new Array<string>(discovered.inputs.length);
  const contentHashes = new Map<InputFile, string>();
  // Synchronous stats and reads: see identityOf and readInputBytesSync.
  for (const [i, input] of discovered.inputs.entries()) {
    const identity = indexFile === null ? null : identityOf(input);
    const known = previous[input.absolutePath];
    let contentHash: string | null = identity !== null && known?.[0] === identity ? known[1] : null;
    let problem = '';
    if (contentHash === null) {
      const read = readInputBytesSync(input);
      if (read.ok) contentHash = contentHashOf(read.bytes, read.overrideBytes);
      else problem = read.problem.message;
    }
    if (contentHash !== null) {
      contentHashes.set(input, contentHash);
      if (identity !== null) index[input.absolutePath] = [identity, contentHash];
    }
    parts[i] = `${input.kind}:${input.relativePath}:${input.overridePath ?? ''}:${contentHash ?? problem}`;
  }
  if (indexFile !== null) await writeJsonAtomically(indexFile, index);
  const hash = createHash('sha256').update(salt);
  for (const part of parts) hash.update(part).update('\n');
  for (const file of discovered.ignored) hash.update(`ignored:${file.displayPath}:${file.reason}\n`);
  return { key: hash.digest('hex'), contentHashes };
}

/**
 * Size, mtime and ctime (ns: ctime changes with permissions too) and inode of an input and its
 * override file; null when either cannot be read, so it is read and reported. Synchronous: a stat
 * is a few microseconds, far less than a round trip through libuv's thread pool (52k at 25x).
 */
function identityOf(input: InputFile): string | null {
  try {
    const files = input.overridePath === null ? [input.absolutePath] : [input.absolutePath, input.overridePath];
    return files.map((f) => statSync(f, { bigint: true })).map((s) => `${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}`).join('/');
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
