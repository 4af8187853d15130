/** Yielding to the event loop from a thread that keeps it busy. */

/**
 * Resolves after a turn of the event loop, once the messages and I/O waiting now were taken: a
 * chain of settled awaits never lets a worker's answer in.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A check for loops that keep this thread busy without waiting on anything: each call returns a
 * turn of the event loop (see nextTurn) to await once `maxMs` milliseconds have passed since the
 * last one, else null, so workers' answers and I/O are taken at least that often. Loops sharing
 * the check share the turn: with a turn each, each would resume in its own callback and run its
 * full `maxMs` before the next turn (five loops: 40 ms between turns instead of 8).
 */
export function turnTaker(maxMs: number): () => Promise<void> | null {
  let turnStart = performance.now();
  let turn: Promise<void> | null = null;
  return () => {
    if (turn !== null) return turn;
    if (performance.now() - turnStart <= maxMs) return null;
    turn = nextTurn().then(() => {
      turnStart = performance.now();
      turn = null;
    });
    return turn;
  };
}
