/** Timing the build's stages, so every build can say where its time went. */
import { performance } from 'node:perf_hooks';

/** Records the wall time of named stages, in order. */
export class StageTimer {
  readonly timings: Array<readonly [string, number]> = [];
  readonly #start = performance.now();
  readonly #onStage: ((stage: string, seconds: number) => void) | undefined;

  constructor(onStage?: (stage: string, seconds: number) => void) {
    this.#onStage = onStage;
  }

  /** Runs an async stage and records its time. */
  async time<T>(stage: string, run: () => Promise<T>): Promise<T> {
    const start = performance.now();
    const result = await run();
    this.#record(stage, start);
    return result;
  }

  /** Runs a synchronous stage and records its time. */
  timeSync<T>(stage: string, run: () => T): T {
    const start = performance.now();
    const result = run();
    this.#record(stage, start);
    return result;
  }

  /** Seconds since the timer was made. */
  get total(): number {
    return (performance.now() - this.#start) / 1000;
  }

  #record(stage: string, start: number): void {
    const seconds = (performance.now() - start) / 1000;
    this.timings.push([stage, seconds]);
    this.#onStage?.(stage, seconds);
  }
}
