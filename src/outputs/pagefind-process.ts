/**
 * Watching the Pagefind process a lane starts. Pagefind's Node package (1.6) listens for errors
 * writing to its process but not for the process ending: killed while no request was being
 * written (by the kernel's out-of-memory killer while it wrote a large shard, say), its pending
 * calls never settled. A build then ended silently with Node's exit code 13 (a top-level await
 * left unsettled) and left its staging folder behind; a live preview waited for ever.
 */
import childProcess, { type ChildProcess } from 'node:child_process';

/** How the error of a Pagefind process that exited part way begins (a panic: a full disk, say; Pagefind prints why). */
export const PAGEFIND_ENDED = "Pagefind's process ended";

/** How the error of a Pagefind process killed part way begins (most likely for its memory). */
export const PAGEFIND_KILLED = "Pagefind's process was killed";

/**
 * How an error message says Pagefind's process ended: 'killed' (by a signal, most likely for its
 * memory), 'exited' (by itself: a panic, which Pagefind printed), 'closed' (Pagefind's package
 * found it gone while writing to it, before the watch saw how it ended), or null for any other.
 */
export function pagefindEnding(message: string): 'killed' | 'exited' | 'closed' | null {
  if (message.startsWith(PAGEFIND_KILLED)) return 'killed';
  if (message.startsWith(PAGEFIND_ENDED)) return 'exited';
  // "Pagefind backend closed", "Cannot send message, backend is closed: ...".
  return /backend (is )?closed/.test(message) ? 'closed' : null;
}

/**
 * Spawn options putting Pagefind's process in a process group of its own, out of the terminal's
 * reach: a Ctrl+C goes to the build, which stops sending work and ends the process itself. In the
 * terminal's group, Pagefind died with the build still writing to it, and its package printed a
 * stack per unanswered call ("Service stopped Error [ERR_STREAM_DESTROYED]", 17 at 5x). It still
 * ends with the build: it exits when its input closes. On Windows `detached` opens a console.
 */
const OWN_GROUP: childProcess.SpawnOptions = process.platform === 'win32' ? {} : { detached: true };

/** A watch on one Pagefind process. */
export interface PagefindWatch {
  /** Settles as `work` does, or rejects once the process has ended by itself, whichever comes first. */
  alive<T>(work: Promise<T>): Promise<T>;
  /** Whether the process ended by itself. */
  readonly ended: boolean;
  /** How the process ended, once it has, waiting up to `ms` for it; null if it still runs. */
  endedWithin(ms: number): Promise<Error | null>;
  /** Stops watching: called before the process is ended on purpose. */
  stop(): void;
}

/**
 * Calls `start`, a first call of Pagefind's API on a lane with no process (createIndex), and
 * returns its result with a watch on the process it spawned. Pagefind spawns its process
 * synchronously within that call, so the one spawn made meanwhile is its; when it spawns none
 * (a process already running), the watch never fires. The process is spawned in a process group
 * of its own (see OWN_GROUP).
 */
export function watchPagefind<T>(start: () => T): { result: T; watch: PagefindWatch } {
  const exports = childProcess as { spawn: typeof childProcess.spawn };
  const spawn = exports.spawn;
  let child: ChildProcess | undefined;
  exports.spawn = ((command: string, args: readonly string[], options: childProcess.SpawnOptions) => (child = spawn(command, args, { ...options, ...OWN_GROUP }))) as typeof spawn;
  try {
    const result = start();
    return { result, watch: watchProcess(child) };
  } finally {
    exports.spawn = spawn;
  }
}

function watchProcess(child: ChildProcess | undefined): PagefindWatch {
  let ended: Error | null = null;
  let failure: Error | null = null;
  let fail: (error: Error) => void = () => undefined;
  const died = new Promise<never>((_resolve, reject) => {
    fail = reject;
  });
  // Only ever raced against work that is awaited.
  died.catch(() => undefined);
  const onError = (error: Error): void => {
    failure = error;
  };
  // 'close', not 'exit': by then every answer the process wrote has been read.
  const onClose = (code: number | null, signal: NodeJS.Signals | null): void => {
    const what = signal === null ? `${PAGEFIND_ENDED} (exit code ${code})` : `${PAGEFIND_KILLED} (${signal})`;
    ended = new Error(`${what} while indexing${failure === null ? '' : `: ${failure.message}`}`);
    fail(ended);
  };
  child?.on('error', onError);
  child?.once('close', onClose);
  return {
    alive: (work) => Promise.race([work, died]),
    get ended() {
      return ended !== null;
    },
    endedWithin: (ms) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => resolve(ended), ms);
        timer.unref();
        died.catch(() => {
          clearTimeout(timer);
          resolve(ended);
        });
      }),
    stop() {
      child?.off('error', onError);
      child?.off('close', onClose);
    },
  };
}
