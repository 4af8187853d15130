/**
 * Watching a folder and every folder under it. On Linux, Node 20's recursive fs.watch takes one
 * inotify watch per file: the preview of 10,475 articles held 10,539, and at 209,500 articles it
 * would pass this machine's limit (192,536; 8,192 on many systems), after which the preview
 * stops seeing changes. Here each folder has one watcher (inotify reports its files' changes),
 * and a folder made later is watched from the event that makes it. Where the system watches a
 * tree itself (macOS, Windows), Node's recursive watch is used.
 */
import { readdirSync, statSync, watch, type Dirent, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { realPathOf } from '../real-path.ts';

/** A watch that can be ended. */
export interface FolderWatcher {
  close(): void;
}

/** Whether Node's recursive watch is the system's own, one handle for the whole tree. */
const NATIVE_RECURSIVE = process.platform === 'darwin' || process.platform === 'win32';

/** How watchFolder watches. */
export interface WatchFolderOptions {
  /** Node's recursive watch instead of one watcher a folder (default: on macOS and Windows). */
  readonly native?: boolean;
  /**
   * Called for a folder under the root that cannot be watched, now or when it appears: past the
   * system's limit of watches (ENOSPC on Linux), changes in it are not seen, and the author must be told.
   */
  readonly onError?: (dir: string, error: Error) => void;
}

/**
 * Calls `onChange` with the absolute path of every file or folder changed under `root`. Throws,
 * as fs.watch does, when `root` itself cannot be watched.
 */
export function watchFolder(root: string, onChange: (file: string) => void, options: WatchFolderOptions = {}): FolderWatcher {
  if (options.native ?? NATIVE_RECURSIVE) {
    const watcher = watch(root, { recursive: true }, (_event, name) => {
      if (name !== null) onChange(path.join(root, String(name)));
    });
    watcher.on('error', () => watcher.close());
    return { close: () => watcher.close() };
  }
  const watchers = new Map<string, FSWatcher>();
  // Each watched folder's real path: a folder linked in is watched, as discovery reads it, once (a link such as '..' would loop).
  const reals = new Map<string, string>();
  let closed = false;

  const unwatch = (dir: string): void => {
    for (const [watched, watcher] of watchers) {
      if (watched === dir || watched.startsWith(dir + path.sep)) {
        watcher.close();
        watchers.delete(watched);
        reals.delete(watched);
      }
    }
  };
  const watchTree = (dir: string): void => {
    if (closed) return;
    const real = realPathOf(dir);
    if ([...reals.values()].includes(real)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (event, name) => {
        if (name === null) return;
        const file = path.join(dir, String(name));
        // Made, removed or moved: a folder here is watched afresh (it may be a new one of the same name), or no more.
        if (event === 'rename') {
          unwatch(file);
          if (isFolder(file)) watchTree(file);
        }
        onChange(file);
      });
    } catch (error) {
      if (dir === root) throw error;
      // Gone already (made and removed at once) is no problem: there is nothing left to watch.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') options.onError?.(dir, error as Error);
      return;
    }
    // A watched folder removed: its watcher ends with it.
    watcher.on('error', () => unwatch(dir));
    watchers.set(dir, watcher);
    reals.set(dir, real);
    for (const entry of readFolder(dir)) if (entry.isDirectory() || (entry.isSymbolicLink() && isFolder(path.join(dir, entry.name)))) watchTree(path.join(dir, entry.name));
  };
  watchTree(root);
  return {
    close: () => {
      closed = true;
      unwatch(root);
    },
  };
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function readFolder(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}
