/**
 * Leases on the article cache. Builds of one project may run at once (a live preview and a build
 * into another folder, or test files in parallel) and share `.broadsheet-cache/`; pages read their
 * bodies back from cache entries, so a build must not prune entries while another build may need them.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

/** One build's claim on a cache folder. */
export interface CacheLease {
  /** Whether another build, still running, holds a lease on the same folder. */
  othersActive(): Promise<boolean>;
  /** Ends the claim; safe to call twice. */
  release(): Promise<void>;
}

/** Takes a lease on the cache folder `dir` (a file in its `leases/`, named by process, thread and a random id). */
export async function leaseCache(dir: string): Promise<CacheLease> {
  const leases = path.join(dir, 'leases');
  // A level at a time: Node's recursive mkdir tells a read-only file system as ENOENT, which would be the message.
  for (const folder of [dir, leases]) {
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
  const own = `${process.pid}-${threadId}-${randomUUID()}`;
  await writeFile(path.join(leases, own), '');
  return {
    async othersActive() {
      for (const name of await readdir(leases).catch(() => [] as string[])) {
        if (name === own) continue;
        if (processAlive(Number(name.split('-', 1)[0]))) return true;
        // Left by a build that was killed: nobody holds it.
        await rm(path.join(leases, name), { force: true });
      }
      return false;
    },
    async release() {
      await rm(path.join(leases, own), { force: true });
    },
  };
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
