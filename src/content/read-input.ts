/** Reading an input file's bytes (and its override file's) and hashing them: what the build key and the parse tasks share, without loading the parser. */
import { createHash, hash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import type { InputFile } from './input-file.ts';
import type { InputProblem } from './load-article.ts';

/** An input's bytes and its override file's bytes, or why they could not be read. */
export type InputBytes = { readonly ok: true; readonly bytes: Buffer; readonly overrideBytes: Buffer | null } | { readonly ok: false; readonly problem: InputProblem };

/**
 * Reads an input file and, for a seed, its override file. Never throws. Synchronous: an async
 * readFile is four trips through libuv's thread pool (open, stat, read, close) with a promise
 * each, which for a 3 KB article cost more CPU than hashing it (~1.2 s of a parse worker's ~15 s
 * at 5x); its callers (the build key, the parse workers) read thousands of inputs in a row with
 * nothing else waiting on the thread.
 */
export function readInputBytesSync(input: InputFile): InputBytes {
  const skip = (message: string): InputBytes => ({ ok: false, problem: { file: input.displayPath, line: null, message } });
  const bytes = readRegularFileSync(input.absolutePath);
  if (!Buffer.isBuffer(bytes)) return skip(`cannot read the file (${bytes})`);
  if (input.overridePath === null) return { ok: true, bytes, overrideBytes: null };
  const overrideBytes = readRegularFileSync(input.overridePath);
  if (!Buffer.isBuffer(overrideBytes)) return skip(`cannot read its override file (${overrideBytes})`);
  return { ok: true, bytes, overrideBytes };
}

/**
 * Opening flags for an input: non-blocking, so that a named pipe named like an article (or a link
 * to one) is opened at once and refused, rather than waited on for ever: the read blocked the
 * thread until a writer came, and the build never ended, nor did Ctrl+C end it. No effect on a
 * regular file. Windows has no such flag, nor named pipes in a folder.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** A regular file's bytes (symlinks followed), or why not: an error code, or that it is no regular file. */
function readRegularFileSync(file: string): Buffer | string {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  }
  try {
    if (!fstatSync(fd).isFile()) return 'not a regular file: a folder, named pipe, socket or device';
    return readFileSync(fd);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  } finally {
    closeSync(fd);
  }
}

/** sha256 (hex) of an input's bytes and its override file's bytes: the article's `contentHash`. */
export function contentHashOf(bytes: Uint8Array, overrideBytes: Uint8Array | null): string {
  // One-shot for a seed without override (most inputs): no Hash object for the collector to finalise.
  if (overrideBytes === null) return hash('sha256', bytes, 'hex');
  return createHash('sha256').update(bytes).update('\0override\0').update(overrideBytes).digest('hex');
}
