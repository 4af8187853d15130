/** Reading an input file's bytes (and its override file's) and hashing them: what the build key and the parse tasks share, without loading the parser. */
import { createHash, hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
  let bytes: Buffer;
  try {
    bytes = readFileSync(input.absolutePath);
  } catch (error) {
    return skip(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (input.overridePath === null) return { ok: true, bytes, overrideBytes: null };
  try {
    return { ok: true, bytes, overrideBytes: readFileSync(input.overridePath) };
  } catch (error) {
    return skip(`cannot read its override file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** sha256 (hex) of an input's bytes and its override file's bytes: the article's `contentHash`. */
export function contentHashOf(bytes: Uint8Array, overrideBytes: Uint8Array | null): string {
  // One-shot for a seed without override (most inputs): no Hash object for the collector to finalise.
  if (overrideBytes === null) return hash('sha256', bytes, 'hex');
  return createHash('sha256').update(bytes).update('\0override\0').update(overrideBytes).digest('hex');
}
