/** heapAdvice: a build that may outgrow Node's heap says so, and how to give it more, before it starts. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { HEAP_BASE_MIB, HEAP_KIB_PER_INPUT, heapAdvice, heapLimitMiB } from '../src/heap-room.ts';
import { BBC_DIR, PROJECT_DIR } from './hostile/hostile-site.ts';

const run = promisify(execFile);
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe('heapAdvice', () => {
  it('is silent while the archive fits the limit and names the count, the limit and a larger setting once it does not', () => {
    // 100x the BBC corpus built under the 4,144 MiB this machine's Node allows.
    expect(heapAdvice(209_500, 4144)).toBeNull();
    const advice = heapAdvice(500_000, 4144);
    expect(advice).toContain('500000 input files may need about 4979 MiB');
    expect(advice).toContain('its limit here (4144 MiB)');
    const suggested = Number(/--max-old-space-size=(\d+)/.exec(advice ?? '')?.[1]);
    expect(suggested % 1024).toBe(0);
    expect(suggested).toBeGreaterThan(4979);
    // The edge: exactly what the estimate needs fits.
    const fits = HEAP_BASE_MIB + (10_240 * HEAP_KIB_PER_INPUT) / 1024;
    expect(heapAdvice(10_240, fits)).toBeNull();
    expect(heapAdvice(10_241, fits)).not.toBeNull();
  });

  it('reads the limit Node runs with', () => {
    expect(heapLimitMiB()).toBeGreaterThan(HEAP_BASE_MIB);
  });
});

describe('the installed command', () => {
  /** Builds `seeds` with `oldSpaceMiB` of old space (Node's default when null): exit code, stderr, and whether dist/ was made. */
  async function buildWith(seeds: string, oldSpaceMiB: number | null): Promise<{ code: number; stderr: string; built: boolean }> {
    const project = await mkdtemp(path.join(tmpdir(), 'broadsheet-heap-'));
    cleanups.push(() => rm(project, { recursive: true, force: true }));
    const args = [path.join(PROJECT_DIR, 'bin/broadsheet.js'), 'build', '--quiet', '--no-search', '--seeds', seeds, '--content', path.join(project, 'content'), '--out', path.join(project, 'dist'), '--templates', path.join(PROJECT_DIR, 'templates')];
    const env = { ...process.env, NODE_OPTIONS: oldSpaceMiB === null ? '' : `--max-old-space-size=${oldSpaceMiB}` };
    const { code, stderr } = await run(process.execPath, args, { cwd: project, env, maxBuffer: 16 * 2 ** 20 }).then(
      ({ stderr }) => ({ code: 0, stderr }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    return { code, stderr, built: existsSync(path.join(project, 'dist', 'index.html')) };
  }

  it('says, before the build runs out of heap, how much the archive likely needs and how to give Node more', async () => {
    // The whole corpus (2,095 files, ~117 MiB by the estimate) with 40 MiB of old space, 88 MiB of heap in all: it
    // needs more than 96 (measured), so V8 ends the build. Were it to build, the estimate would be far off and want measuring again.
    const starved = await buildWith(BBC_DIR, 40);
    const advice = /^broadsheet: 2095 input files may need about 117 MiB of Node's heap, more than its limit here \(88 MiB\)\. .*NODE_OPTIONS=--max-old-space-size=1024 /m.exec(starved.stderr);
    expect(advice).not.toBeNull();
    expect(starved.code).not.toBe(0);
    expect(starved.built).toBe(false);
    const crash = starved.stderr.indexOf('JavaScript heap out of memory');
    expect(crash).toBeGreaterThan(advice?.index ?? Infinity);
  }, 60_000);

  it('says nothing of the heap when the archive fits', async () => {
    const roomy = await buildWith(path.join(BBC_DIR, 'tech'), null);
    expect(roomy.code).toBe(0);
    expect(roomy.stderr).not.toContain('max-old-space-size');
    expect(roomy.built).toBe(true);
  }, 60_000);
});
