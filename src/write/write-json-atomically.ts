/** Writing a small JSON state file (manifest, index) so a killed build leaves the old file or the new, never half of one. */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes `value` as JSON to a temporary name beside `file`, then renames it into place. */
export async function writeJsonAtomically(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(value));
  await rename(temp, file);
}
