/** A path with its symbolic links resolved, for telling when two paths are one folder. */
import { realpathSync } from 'node:fs';
import path from 'node:path';

/** `file`'s real path (every link resolved), or `file` made absolute when it cannot be resolved (missing, unreadable). */
export function realPathOf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}
