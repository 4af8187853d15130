/** Removing a large folder without waiting for it: moved into a trash folder that a detached `rm -rf` empties. */
import { spawn } from 'node:child_process';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Puts `dir` out of the way: moved into `trash` (a folder on the same file system), which a
 * detached `rm -rf` empties, leftovers of earlier builds too, after this process has returned;
 * removed here when it cannot be moved or nothing can be spawned (and on Windows).
 */
export async function discardFolder(dir: string, trash: string): Promise<void> {
  let gone = dir;
  if (process.platform !== 'win32') {
    const moved = await mkdir(trash, { recursive: true })
      .then(() => rename(dir, path.join(trash, path.basename(dir))))
      .then(() => true, () => false);
    if (moved && (await spawnDetached('rm', ['-rf', trash]))) return;
    if (moved) gone = path.join(trash, path.basename(dir));
  }
  await rm(gone, { recursive: true, force: true });
}

/** Starts a command that outlives this process, output ignored; false when it cannot start. */
function spawnDetached(command: string, args: readonly string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.once('spawn', () => resolve(true));
    child.once('error', () => resolve(false));
    child.unref();
  });
}
