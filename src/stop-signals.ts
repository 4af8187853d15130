/** Ctrl+C and SIGTERM for a running build: the first stops it at its next step, a second ends the process at once. */
import type { EventEmitter } from 'node:events';
import { constants } from 'node:os';
import { BuildStopped } from './errors.ts';

/** The signals a command stops on. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** A stop request: `signal` aborts with a BuildStopped on the first signal; dispose() stops listening. */
export interface StopRequest {
  readonly signal: AbortSignal;
  dispose(): void;
}

/** Where the signals come from and what a second one does; tests pass their own. */
export interface StopOptions {
  /** Emits the signals by name (default: the process). */
  readonly source?: EventEmitter;
  /** Ends the process with a code (default: process.exit). */
  readonly exit?: (code: number) => void;
}

/**
 * Listens for SIGINT and SIGTERM until dispose(), in place of Node's default of ending the process
 * at once, which left the staging folder (hundreds of MB on a large archive) beside the output.
 * The first aborts `signal` and calls `onFirst`, to say the build is stopping: the tasks under way
 * finish and the staging folder is put away, about a second at 10k articles. A second, from someone
 * who will not wait, exits with the shell's code for it (130, 143), leaving that to the next build.
 */
export function stopOnSignals(onFirst: (name: string) => void, options: StopOptions = {}): StopRequest {
  const source = options.source ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const controller = new AbortController();
  const listeners = STOP_SIGNALS.map((name) => {
    const listener = (): void => {
      if (controller.signal.aborted) return exit(signalExitCode(name));
      controller.abort(new BuildStopped(name));
      onFirst(name);
    };
    source.on(name, listener);
    return [name, listener] as const;
  });
  return {
    signal: controller.signal,
    dispose() {
      for (const [name, listener] of listeners) source.off(name, listener);
    },
  };
}

/** The exit code a shell gives a process ended by the signal `name`: 128 and its number (SIGINT 130, SIGTERM 143). */
export function signalExitCode(name: string): number {
  return 128 + (constants.signals[name as NodeJS.Signals] ?? 0);
}
