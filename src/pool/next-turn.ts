/** Yielding to the event loop from a thread that keeps it busy. */

/**
 * Resolves after a turn of the event loop, once the messages and I/O waiting now were taken: a
 * chain of settled awaits never lets a worker's answer in.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
