/** Watching the project's inputs for the preview server: its folders (see watchFolder) and the config file. */
import { existsSync, watch } from 'node:fs';
import path from 'node:path';
import { watchFolder, type FolderWatcher } from './watch-folder.ts';

/** What to watch: a folder (recursively), or one file by its name in its folder. */
export type WatchTarget = { readonly dir: string } | { readonly file: string };

/** A set of watchers that can be closed together. */
export interface ProjectWatcher {
  /** Folders and files being watched (those that existed). */
  readonly watching: readonly string[];
  close(): void;
}

/**
 * Calls `onChange` with the absolute path of every changed file under the targets. A watched
 * file is watched through its folder, so replacing it (as editors do when saving) is still seen;
 * so is a folder that does not exist yet, so its creation is seen.
 */
export function watchProject(targets: readonly WatchTarget[], onChange: (file: string) => void): ProjectWatcher {
  const watchers: FolderWatcher[] = [];
  const watching: string[] = [];
  for (const target of targets) {
    // A folder that does not exist yet is watched through its parent until it appears.
    const missing = 'dir' in target && !existsSync(target.dir);
    const named = 'file' in target ? target.file : missing ? target.dir : null;
    try {
      if (named === null) {
        const dir = (target as { dir: string }).dir;
        watchers.push(watchFolder(dir, onChange));
        watching.push(dir);
        continue;
      }
      const dir = path.dirname(named);
      const only = path.basename(named);
      const watcher = watch(dir, (_event, name) => {
        if (name !== null && String(name) === only) onChange(named);
      });
      // A watched folder that disappears must not crash the server; the next build reports it.
      watcher.on('error', () => watcher.close());
      watchers.push(watcher);
      watching.push(named);
    } catch {
      continue;
    }
  }
  return {
    watching,
    close: () => {
      for (const w of watchers) w.close();
    },
  };
}
