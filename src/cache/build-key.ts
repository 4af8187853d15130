/** One hash of everything a build reads: when it equals the last build's, the output is already right. */
import { createHash } from 'node:crypto';
import type { DiscoveredInputs, InputFile } from '../content/input-file.ts';
import { contentHashOf, readInputBytes } from '../content/load-article.ts';

/** How many inputs are read at once. */
const READ_CONCURRENCY = 32;

/** A build's key, and each readable input's content hash, so the build need not read the input again to find it in the cache. */
export interface BuildKey {
  readonly key: string;
  readonly contentHashes: ReadonlyMap<InputFile, string>;
}

/**
 * Hashes every input's path and bytes (an unreadable one by its error), the ignored files and the
 * salt (code, data, templates, config). Builds are deterministic, so the same key means the same output.
 */
export async function buildKey(discovered: DiscoveredInputs, salt: string): Promise<BuildKey> {
  const parts = new Array<string>(discovered.inputs.length);
  const contentHashes = new Map<InputFile, string>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < discovered.inputs.length) {
      const i = next++;
      const input = discovered.inputs[i]!;
      const read = await readInputBytes(input);
      const contentHash = read.ok ? contentHashOf(read.bytes, read.overrideBytes) : null;
      if (contentHash !== null) contentHashes.set(input, contentHash);
      parts[i] = `${input.kind}:${input.relativePath}:${input.overridePath ?? ''}:${contentHash ?? (read.ok ? '' : read.problem.message)}`;
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, discovered.inputs.length) }, worker));
  const hash = createHash('sha256').update(salt);
  for (const part of parts) hash.update(part).update('\n');
  for (const file of discovered.ignored) hash.update(`ignored:${file.displayPath}:${file.reason}\n`);
  return { key: hash.digest('hex'), contentHashes };
}
