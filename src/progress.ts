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

/** The order of the stages on a terminal's line (others after them): the bar is the first running stage's. */
const STAGE_ORDER = ['parse', 'render', 'search'];

/** A progress display: its listener, and finish() to clear a terminal's line before other output. */
export interface Progress {
  readonly listener: ProgressListener;
  finish(): void;
}

/**
 * A progress listener writing to `stream`, plus finish() to clear the bar before the summary is
 * printed. Stages may run at once (search beside render): a terminal's one line shows a bar for
 * the first of them in pipeline order and the others' counts after it.
 */
export function createProgress(stream: ProgressStream, options: ProgressOptions = {}): Progress {
  const now = options.now ?? (() => performance.now());
  const start = now();
  const delay = options.delayMs ?? 2000;
  const width = options.width ?? 30;
  let lastDraw = -Infinity;
  let drawn = false;
  const printedSteps = new Map<string, number>();
  /** The stages running, with their counts. */
  const running = new Map<string, { done: number; total: number }>();

  const percent = (done: number, total: number): string => `${String(Math.floor(Math.min(1, done / total) * 100)).padStart(3)}% ${done}/${total}`;
  const rank = (stage: string): number => (STAGE_ORDER.includes(stage) ? STAGE_ORDER.indexOf(stage) : STAGE_ORDER.length);
  const line = (): string =>
    [...running]
      .sort((a, b) => rank(a[0]) - rank(b[0]))
      .map(([stage, { done, total }], i) => {
        if (i > 0) return `${stage} ${percent(done, total).trimStart()}`;
        const filled = Math.round(Math.min(1, done / total) * width);
        return `${stage.padEnd(8)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${percent(done, total)}`;
      })
      .join(' · ');

  const listener: ProgressListener = (stage, done, total) => {
    if (total <= 0) return;
    const t = now();
    const finished = done >= total;
    if (stream.isTTY === true) {
      running.set(stage, { done, total });
      if (t - start >= delay && (finished || t - lastDraw >= REDRAW_MS)) {
        lastDraw = t;
        stream.write(`\r\x1b[K${line()}`);
        drawn = true;
      }
      // Shown at 100% once, then the line is the other stages'.
      if (finished) running.delete(stage);
      return;
    }
    if (t - start < delay) return;
    const fraction = Math.min(1, done / total);
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
