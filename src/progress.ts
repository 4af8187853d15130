/** Build progress for people: a redrawn bar on a terminal, a few plain lines in CI logs. */

/** Receives progress of the build's long stages. */
export type ProgressListener = (stage: string, done: number, total: number) => void;

/** What progress output needs of a stream: a TTY flag and write(). */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** Options, mostly for tests. */
export interface ProgressOptions {
  /** Quiet for this long, so short builds print nothing (ms). */
  readonly delayMs?: number;
  /** Milliseconds since some fixed point. */
  readonly now?: () => number;
  /** Columns of the bar on a terminal. */
  readonly width?: number;
}

/** Redraws at most this often on a terminal (ms). */
const REDRAW_MS = 100;
/** Plain lines are printed at every this fraction of a stage. */
const LINE_STEP = 0.25;

/** A progress listener writing to `stream`, plus finish() to clear the bar before the summary is printed. */
export function createProgress(stream: ProgressStream, options: ProgressOptions = {}): { listener: ProgressListener; finish(): void } {
  const now = options.now ?? (() => performance.now());
  const start = now();
  const delay = options.delayMs ?? 2000;
  const width = options.width ?? 30;
  let lastDraw = -Infinity;
  let drawn = false;
  const printedSteps = new Map<string, number>();

  const listener: ProgressListener = (stage, done, total) => {
    const t = now();
    if (t - start < delay || total <= 0) return;
    const fraction = Math.min(1, done / total);
    if (stream.isTTY === true) {
      if (t - lastDraw < REDRAW_MS && done < total) return;
      lastDraw = t;
      const filled = Math.round(fraction * width);
      stream.write(`\r\x1b[K${stage.padEnd(8)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}% ${done}/${total}`);
      drawn = true;
      return;
    }
    const step = Math.floor(fraction / LINE_STEP);
    if (step <= (printedSteps.get(stage) ?? -1)) return;
    printedSteps.set(stage, step);
    stream.write(`${stage}: ${done}/${total} (${Math.floor(fraction * 100)}%)\n`);
  };
  return {
    listener,
    finish(): void {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
