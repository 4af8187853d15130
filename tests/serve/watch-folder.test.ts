/**
 * watchFolder: every change under a folder reaches the preview, folders made or made again later
 * included, with one watcher a folder rather than one a file (Node 20's recursive watch on Linux
 * takes an inotify watch per file, which a large archive's seeds/ runs out of). A folder it cannot
 * watch is told, not passed over: past the system's limit of watches (ENOSPC from inotify) the
 * preview used to list the folder as watched and never see a change in it. fs.watch fails here,
 * as the system would, for any folder named `limit-reached`, and only for those.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { watchFolder, type FolderWatcher } from '../../src/serve/watch-folder.ts';
import { unwatchedLine, watchProject } from '../../src/serve/watch-project.ts';

const UNWATCHABLE = 'limit-reached';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const watch = ((file: string, ...rest: unknown[]) => {
    if (path.basename(String(file)) === 'limit-reached') {
      throw Object.assign(new Error(`ENOSPC: System limit for number of file watchers reached, watch '${file}'`), { code: 'ENOSPC' });
    }
    return (fs.watch as (...args: unknown[]) => unknown)(file, ...rest);
  }) as typeof fs.watch;
  return { ...fs, watch, default: { ...fs, watch } };
});

const open: FolderWatcher[] = [];
const roots: string[] = [];
afterEach(async () => {
  for (const watcher of open.splice(0)) watcher.close();
  for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
});

/** A temp folder with `folders` (relative) made in it. */
async function tree(...folders: string[]): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'broadsheet-watch-'));
  roots.push(root);
  for (const folder of folders) await mkdir(path.join(root, folder), { recursive: true });
  return root;
}

/**
 * Watches `root`; returns a function that waits (up to 5 s) until `file` has been reported since
 * the watch began or, with `forget`, since that call (a folder is watched before it is reported).
 */
function watching(root: string, native = false): (file: string, forget?: 'forget') => Promise<void> {
  const seen = new Set<string>();
  const waiters: Array<() => void> = [];
  open.push(
    watchFolder(
      root,
      (file) => {
        seen.add(file);
        for (const wake of waiters.splice(0)) wake();
      },
      { native },
    ),
  );
  return async (file, forget) => {
    if (forget !== undefined) seen.clear();
    const deadline = Date.now() + 5000;
    while (!seen.has(file)) {
      if (Date.now() > deadline) throw new Error(`${file} was not reported; seen: ${[...seen].join(', ')}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  };
}

/** The inotify watches this process holds (Linux): one line per watch in its inotify descriptors' fdinfo. */
async function inotifyWatches(): Promise<number> {
  let count = 0;
  for (const fd of await readdir('/proc/self/fdinfo')) {
    const info = await readFile(`/proc/self/fdinfo/${fd}`, 'utf8').catch(() => '');
    count += info.split('\n').filter((line) => line.startsWith('inotify ')).length;
  }
  return count;
}

describe('watchFolder', () => {
  it('reports a file written in a nested folder, and one in a folder made after the watch began', async () => {
    const root = await tree('desk/business');
    const reported = watching(root);
    await writeFile(path.join(root, 'desk/business/a.txt'), 'one');
    await reported(path.join(root, 'desk/business/a.txt'));
    // Each new folder is watched by the time it is reported.
    await mkdir(path.join(root, 'desk/sport'));
    await reported(path.join(root, 'desk/sport'));
    await mkdir(path.join(root, 'desk/sport/2005'));
    await reported(path.join(root, 'desk/sport/2005'));
    await writeFile(path.join(root, 'desk/sport/2005/b.txt'), 'two');
    await reported(path.join(root, 'desk/sport/2005/b.txt'));
  });

  it('watches the folders inside a folder moved in', async () => {
    const root = await tree('seeds');
    const outside = await tree('sport/2005');
    const reported = watching(root);
    await rename(path.join(outside, 'sport'), path.join(root, 'seeds/sport'));
    await reported(path.join(root, 'seeds/sport'));
    await writeFile(path.join(root, 'seeds/sport/2005/d.txt'), 'four');
    await reported(path.join(root, 'seeds/sport/2005/d.txt'));
  });

  it('watches a folder linked in, as the build reads it, and a link that loops once', async () => {
    const root = await tree('seeds');
    const archive = await tree('2019/world');
    await symlink(archive, path.join(root, 'seeds/archive'));
    await symlink('..', path.join(root, 'seeds/loop'));
    const before = await inotifyWatches();
    const reported = watching(root);
    // Before, a linked folder was not watched: an article edited there was never built until the next change elsewhere.
    await writeFile(path.join(root, 'seeds/archive/2019/world/a.txt'), 'one');
    await reported(path.join(root, 'seeds/archive/2019/world/a.txt'));
    // root, seeds, and the archive's three folders: the loop adds none.
    expect((await inotifyWatches()) - before).toBe(5);
  });

  it('keeps watching a folder removed and made again under the same name', async () => {
    const root = await tree('seeds/tech');
    const reported = watching(root);
    await rm(path.join(root, 'seeds/tech'), { recursive: true });
    await reported(path.join(root, 'seeds/tech'));
    const made = reported(path.join(root, 'seeds/tech'), 'forget');
    await mkdir(path.join(root, 'seeds/tech'));
    await made;
    await writeFile(path.join(root, 'seeds/tech/c.txt'), 'three');
    await reported(path.join(root, 'seeds/tech/c.txt'));
  });

  it.runIf(process.platform === 'linux')('holds one inotify watch a folder, not one a file', async () => {
    const root = await tree('a', 'b/c');
    for (const folder of ['a', 'b', 'b/c']) {
      for (let i = 0; i < 200; i++) await writeFile(path.join(root, folder, `${i}.txt`), String(i));
    }
    const before = await inotifyWatches();
    watching(root);
    expect((await inotifyWatches()) - before).toBe(4);
    // Node's own recursive watch, for comparison, takes one per file and folder.
    watching(root, true);
    expect((await inotifyWatches()) - before).toBeGreaterThan(600);
  });
});

/** Resolves once `seen` holds `item`, checking every 20 ms, or rejects after 5 s. */
async function until(seen: readonly string[], item: string): Promise<void> {
  for (const deadline = Date.now() + 5000; !seen.includes(item); await new Promise((r) => setTimeout(r, 20))) {
    if (Date.now() > deadline) throw new Error(`${item} not seen; seen: ${seen.join(', ')}`);
  }
}

describe('watchFolder past the system’s limit of watches', () => {
  it('tells of each folder it cannot watch, at the start and when one appears later, and watches the rest', async () => {
    const root = await tree('desk', `desk/${UNWATCHABLE}`);
    const failed: string[] = [];
    const changed: string[] = [];
    open.push(watchFolder(root, (file) => changed.push(file), { native: false, onError: (dir, error) => failed.push(`${dir} ${(error as NodeJS.ErrnoException).code}`) }));
    expect(failed).toEqual([`${path.join(root, 'desk', UNWATCHABLE)} ENOSPC`]);

    await writeFile(path.join(root, 'desk/a.txt'), 'a');
    await until(changed, path.join(root, 'desk/a.txt'));
    await mkdir(path.join(root, 'later', UNWATCHABLE), { recursive: true });
    await until(failed, `${path.join(root, 'later', UNWATCHABLE)} ENOSPC`);
  });

  it('throws, as fs.watch does, when the folder itself cannot be watched', async () => {
    const root = await tree(UNWATCHABLE);
    expect(() => watchFolder(path.join(root, UNWATCHABLE), () => undefined, { native: false })).toThrow(/ENOSPC/);
  });
});

describe('watchProject past the system’s limit of watches', () => {
  it('lists only what it watches, and tells of the rest', async () => {
    const root = await tree('seeds', UNWATCHABLE);
    const failed: string[] = [];
    const watcher = watchProject([{ dir: path.join(root, 'seeds') }, { dir: path.join(root, UNWATCHABLE) }], () => undefined, (target) => failed.push(target));
    open.push(watcher);
    expect(watcher.watching).toEqual([path.join(root, 'seeds')]);
    expect(failed).toEqual([path.join(root, UNWATCHABLE)]);
  });
});

describe('unwatchedLine', () => {
  const limit = Object.assign(new Error("ENOSPC: System limit for number of file watchers reached, watch '/p/seeds/tech'"), { code: 'ENOSPC' });

  it('names the first folder and how many more, and for the system’s limit how to raise it', () => {
    expect(unwatchedLine([['/p/seeds/tech', limit], ['/p/seeds/sport', limit]], '/p')).toBe(
      "broadsheet: cannot watch seeds/tech and 1 more (ENOSPC: System limit for number of file watchers reached, watch '/p/seeds/tech'): " +
        'the preview will not see changes there; raise the limit of watches: sudo sysctl fs.inotify.max_user_watches=524288',
    );
  });

  it('gives no advice it does not have for another error', () => {
    const denied = Object.assign(new Error("EACCES: permission denied, watch '/p/content'"), { code: 'EACCES' });
    expect(unwatchedLine([['/p/content', denied]], '/p')).toBe("broadsheet: cannot watch content (EACCES: permission denied, watch '/p/content'): the preview will not see changes there");
  });
});
