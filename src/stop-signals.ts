/** Ctrl+C and SIGTERM for a running build: the first stops it at its next step, a second ends the process at once. */
import type { EventEmitter } from 'node:events';
import { constants } from 'node:os';
import { BuildStopped } from './errors.ts';

/** The signals a command stops on. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * How long a stopping build may take before the process ends anyway, in ms. Measured stops took
 * up to 3 s at 52,000 articles; a supervisor that sends one SIGTERM and waits (`timeout`
 * without -k) must not wait for ever on a build stuck in a step that does not end.
 */
export const STOP_GRACE_MS = 15_000;

/** A stop request: `signal` aborts with a BuildStopped on the first signal; dispose() stops listening. */
export interface StopRequest {
  readonly signal: AbortSignal;
  dispose(): void;
}

/** Where the signals come from and how the process ends; tests pass their own. */
export interface StopOptions {
  /** Emits the signals by name (default: the process). */
  readonly source?: EventEmitter;
  /** Ends the process with a code (default: process.exit). */
  readonly exit?: (code: number) => void;
  /** See STOP_GRACE_MS. */
  readonly graceMs?: number;
}

/**
 * Listens for SIGINT and SIGTERM until the first comes or dispose() is called, in place of Node's
 * default of ending the process at once, which left the staging folder (hundreds of MB on a large
 * archive) beside the output. The first aborts `signal` and calls `onFirst`, to say the build is
 * stopping: the work under way finishes and the staging folder is put away. It also stops
 * listening, so a second signal, from someone who will not wait, ends the process as Node's
 * default does, even if this thread is busy; the next build clears what it left. A stop that
 * takes longer than the grace time ends the process too, with the shell's code for the signal.
 */
export function stopOnSignals(onFirst: (name: string) => void, options: StopOptions = {}): StopRequest {
  const source = options.source ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const controller = new AbortController();
  let grace: NodeJS.Timeout | undefined;
  const dispose = (): void => {
    for (const [name, listener] of listeners) source.off(name, listener);
  };
  const listeners = STOP_SIGNALS.map((name) => {
    const listener = (): void => {
      dispose();
      controller.abort(new BuildStopped(name));
      onFirst(name);
      grace = setTimeout(() => exit(signalExitCode(name)), options.graceMs ?? STOP_GRACE_MS);
      // A build that stops in time ends the process as usual: the timer must not hold it.
      grace.unref();
    };
    source.on(name, listener);
    return [name, listener] as const;
  });
  return {
    signal: controller.signal,
    dispose() {
      dispose();
      clearTimeout(grace);
    },
  };
}

/** The exit code a shell gives a process ended by the signal `name`: 128 and its number (SIGINT 130, SIGTERM 143). */
export function signalExitCode(name: string): number {
  return 128 + (constants.signals[name as NodeJS.Signals] ?? 0);
}
