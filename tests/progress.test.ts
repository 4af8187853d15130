/** Progress output: a redrawn bar on a terminal, a few plain lines otherwise, nothing for short builds. */
import { describe, expect, it } from 'vitest';
import { createProgress } from '../src/progress.ts';

/** A stream that records what is written, and a clock the test moves. */
function fixture(isTTY: boolean): { out: string[]; tick(ms: number): void; progress: ReturnType<typeof createProgress> } {
  const out: string[] = [];
  let now = 0;
  const progress = createProgress({ isTTY, write: (text: string) => out.push(text) }, { now: () => now, delayMs: 2000, width: 10 });
  return { out, tick: (ms) => (now += ms), progress };
}

describe('createProgress', () => {
  it('prints nothing during the first seconds, so short builds stay quiet', () => {
    const { out, tick, progress } = fixture(false);
    tick(1999);
    progress.listener('render', 50, 100);
    expect(out).toEqual([]);
  });

  it('prints a plain line at each quarter when the stream is not a terminal', () => {
    const { out, tick, progress } = fixture(false);
    tick(2500);
    for (let done = 1; done <= 10475; done++) progress.listener('render', done, 10475);
    expect(out).toEqual(['render: 1/10475 (0%)\n', 'render: 2619/10475 (25%)\n', 'render: 5238/10475 (50%)\n', 'render: 7857/10475 (75%)\n', 'render: 10475/10475 (100%)\n']);
  });

  it('redraws one bar line on a terminal, at most every 100 ms, and clears it at the end', () => {
    const { out, tick, progress } = fixture(true);
    tick(3000);
    progress.listener('parse', 1, 4);
    progress.listener('parse', 2, 4);
    tick(150);
    progress.listener('parse', 3, 4);
    progress.listener('parse', 4, 4);
    progress.finish();
    expect(out).toEqual(['\r\x1b[Kparse    [###-------]  25% 1/4', '\r\x1b[Kparse    [########--]  75% 3/4', '\r\x1b[Kparse    [##########] 100% 4/4', '\r\x1b[K']);
  });
});
