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

  it('shows stages that run at once on one terminal line, the bar for the first in pipeline order, each until it ends', () => {
    const { out, tick, progress } = fixture(true);
    progress.listener('search', 0, 8);
    tick(3000);
    progress.listener('render', 10, 40);
    tick(150);
    progress.listener('search', 2, 8);
    tick(150);
    progress.listener('render', 40, 40);
    tick(150);
    progress.listener('search', 5, 8);
    progress.listener('search', 8, 8);
    progress.finish();
    expect(out).toEqual([
      '\r\x1b[Krender   [###-------]  25% 10/40 · search 0% 0/8',
      '\r\x1b[Krender   [###-------]  25% 10/40 · search 25% 2/8',
      '\r\x1b[Krender   [##########] 100% 40/40 · search 25% 2/8',
      '\r\x1b[Ksearch   [######----]  62% 5/8',
      '\r\x1b[Ksearch   [##########] 100% 8/8',
      '\r\x1b[K',
    ]);
  });

  it('prints each stage’s quarters apart when stages run at once and the stream is not a terminal', () => {
    const { out, tick, progress } = fixture(false);
    tick(2500);
    progress.listener('render', 5, 10);
    progress.listener('search', 0, 8);
    progress.listener('render', 10, 10);
    progress.listener('search', 8, 8);
    expect(out).toEqual(['render: 5/10 (50%)\n', 'search: 0/8 (0%)\n', 'render: 10/10 (100%)\n', 'search: 8/8 (100%)\n']);
  });
});
