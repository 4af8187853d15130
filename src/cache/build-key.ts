/** One hash of everything a build reads: when it equals the last build's, the output is already right. */
import { createHash } from 'node:crypto';
import type { DiscoveredInputs } from '../content/input-file.ts';
import { contentHashOf, readInputBytes } from '../content/load-article.ts';

/** How many inputs are read at once. */
const READ_CONCURRENCY = 32;

/**
 * Hashes every input's path and bytes (an unreadable one by its error), the ignored files and the
 * salt (code, data, templates, config). Builds are deterministic, so the same key means the same output.
 */
export async function buildKey(discovered: DiscoveredInputs, salt: string): Promise<string> {
  const parts = new Array<string>(discovered.inputs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < discovered.inputs.length) {
      const i = next++;
      const input = discovered.inputs[i]!;
      const read = await readInputBytes(input);
      parts[i] = `${input.kind}:${input.relativePath}:${input.overridePath ?? ''}:${read.ok ? contentHashOf(read.bytes, read.overrideBytes) : read.problem.message}`;
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, discovered.inputs.length) }, worker));
  const hash = createHash('sha256').update(salt);
  for (const part of parts) hash.update(part).update('\n');
  for (const file of discovered.ignored) hash.update(`ignored:${file.displayPath}:${file.reason}\n`);
  return hash.digest('hex');
}
