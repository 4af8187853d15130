/** Watching the project's inputs for the preview server: its folders (see watchFolder) and the config file. */
import { existsSync, watch } from 'node:fs';
import path from 'node:path';
import { watchFolder, type FolderWatcher } from './watch-folder.ts';

/** What to watch: a folder (recursively), or one file by its name in its folder. */
export type WatchTarget = { readonly dir: string } | { readonly file: string };

/** A set of watchers that can be closed together. */
export interface ProjectWatcher {
  /** Folders and files being watched: those that existed and could be watched. */
  readonly watching: readonly string[];
  close(): void;
}

/**
 * Calls `onChange` with the absolute path of every changed file under the targets. A watched
 * file is watched through its folder, so replacing it (as editors do when saving) is still seen;
 * so is a folder that does not exist yet, so its creation is seen. `onError` hears of each folder
 * or file that cannot be watched (see WatchFolderOptions.onError), then or later.
 */
export function watchProject(targets: readonly WatchTarget[], onChange: (file: string) => void, onError: (target: string, error: Error) => void = () => undefined): ProjectWatcher {
  const watchers: FolderWatcher[] = [];
  const watching: string[] = [];
  for (const target of targets) {
    // A folder that does not exist yet is watched through its parent until it appears.
    const missing = 'dir' in target && !existsSync(target.dir);
    const named = 'file' in target ? target.file : missing ? target.dir : null;
    try {
      if (named === null) {
        const dir = (target as { dir: string }).dir;
        watchers.push(watchFolder(dir, onChange, { onError }));
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
    } catch (error) {
      // Gone since it was looked for: nothing to watch, nothing to say.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') onError(named ?? (target as { dir: string }).dir, error as Error);
    }
  }
  return {
    watching,
    close: () => {
      for (const w of watchers) w.close();
    },
  };
}

/**
 * The line telling the author that changes in some folders will not be seen: the first folder,
 * how many more, why, and, for the system's limit of watches on Linux, how to raise it.
 */
export function unwatchedLine(failed: ReadonlyArray<readonly [string, Error]>, projectDir: string): string {
  const [first, error] = failed[0]!;
  const more = failed.length > 1 ? ` and ${failed.length - 1} more` : '';
  const limit = (error as NodeJS.ErrnoException).code === 'ENOSPC' ? '; raise the limit of watches: sudo sysctl fs.inotify.max_user_watches=524288' : '';
  return `broadsheet: cannot watch ${path.relative(projectDir, first) || first}${more} (${error.message}): the preview will not see changes there${limit}`;
}
