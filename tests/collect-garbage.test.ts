import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../src/collect-garbage.ts';

const ROWS = 8 << 20;

/** An object held only through a WeakRef, as relate's working data is once relate returns. */
function dropped(): WeakRef<{ rows: Float64Array }> {
  return new WeakRef({ rows: new Float64Array(ROWS) });
}

describe('collectGarbage', () => {
  it('frees unreachable objects and the typed arrays they held, at once', async () => {
    const ref = dropped();
    // A WeakRef keeps its target alive until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    const before = process.memoryUsage().arrayBuffers;
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
    expect(before - process.memoryUsage().arrayBuffers).toBeGreaterThanOrEqual(8 * ROWS);
  });

  it('can be called again', () => {
    expect(() => {
      collectGarbage();
      collectGarbage();
    }).not.toThrow();
  });
});
