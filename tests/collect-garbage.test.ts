import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../src/collect-garbage.ts';

const ROWS = 8 << 20;

describe('collectGarbage', () => {
  it('frees unreachable objects and the typed arrays they held, at once', () => {
    const box: { data: { rows: Float64Array } | null } = { data: { rows: new Float64Array(ROWS) } };
    // Measured while the array is still reachable, so no collection can have freed it before (a WeakRef's
    // target, as this test held it before, lives until the job ends: a collection then freed it first now and then).
    const before = process.memoryUsage().arrayBuffers;
    box.data = null;
    collectGarbage();
    expect(before - process.memoryUsage().arrayBuffers).toBeGreaterThanOrEqual(8 * ROWS);
  });

  it('can be called again', () => {
    expect(() => {
      collectGarbage();
      collectGarbage();
    }).not.toThrow();
  });
});
