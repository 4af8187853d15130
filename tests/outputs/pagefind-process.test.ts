/**
 * A Pagefind process that ends part way (killed for its memory, say) fails its shard with a
 * report line saying so, and never leaves the build waiting: Pagefind's package does not notice
 * a process that ends while no request is being written, and a build ended silently with Node's
 * exit code 13.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import childProcess from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildArchive } from '../../src/archive/build-archive.ts';
import { resolveConfig } from '../../src/config/config.ts';
import { BuildReport } from '../../src/report.ts';
import { PAGEFIND_ENDED, PAGEFIND_KILLED, pagefindEnding, watchPagefind } from '../../src/outputs/pagefind-process.ts';
import { writeSearchIndex } from '../../src/outputs/write-reader-outputs.ts';
import { WITH_COPY } from '../archive/wire-copies.ts';
import { folderSink } from './search-bundle.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'broadsheet-pagefind-process-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * Makes every process spawned from now on (Pagefind's) end, instead of receiving it, at the
 * request for which `when(type, count)` holds: its type ("AddFile", "WriteFiles") and how many
 * of that type it has been sent, this one included. `how`: 'kill', it dies by SIGKILL; 'noticed',
 * the same, and the write fails at once, so that Pagefind's package sees the broken pipe before
 * the process is seen to end; 'exit', its input is closed, on which Pagefind exits by itself.
 */
function endPagefindAt(when: (type: string, count: number) => boolean, how: 'kill' | 'noticed' | 'exit' = 'kill'): void {
  const spawn = childProcess.spawn;
  vi.spyOn(childProcess, 'spawn').mockImplementation(((...args: Parameters<typeof spawn>) => {
    const child = spawn(...args);
    const stdin = child.stdin!;
    const write = stdin.write.bind(stdin) as (chunk: unknown, ...rest: unknown[]) => boolean;
    const sent = new Map<string, number>();
    stdin.write = ((chunk: unknown, ...rest: unknown[]) => {
      // Each request is its own write: base64 of its JSON, then a comma.
      const type = (JSON.parse(Buffer.from(String(chunk).replace(/,$/, ''), 'base64').toString('utf8')) as { payload: { type: string } }).payload.type;
      sent.set(type, (sent.get(type) ?? 0) + 1);
      if (!when(type, sent.get(type)!)) return write(chunk, ...rest);
      if (how === 'exit') {
        stdin.end();
        return true;
      }
      child.kill('SIGKILL');
      const callback = rest.find((r): r is (error: Error) => void => typeof r === 'function');
      if (how === 'noticed') callback?.(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      return true;
    }) as typeof stdin.write;
    return child;
  }) as typeof spawn);
}

describe('a Pagefind process that ends part way', () => {
  const archive = buildArchive(WITH_COPY, new Map());

  for (const [moment, when, how] of [
    ['asked to write its files, with nothing else in flight', (type: string) => type === 'WriteFiles', 'kill'],
    ['sent its second article', (type: string, count: number) => type === 'AddFile' && count === 2, 'kill'],
    ['sent its second article, and Pagefind’s package sees the broken pipe first', (type: string, count: number) => type === 'AddFile' && count === 2, 'noticed'],
  ] as const) {
    it(`fails the shard with a line saying so when it is killed ${moment}`, { timeout: 20_000 }, async () => {
      endPagefindAt(when, how);
      const out = path.join(root, `killed-${how}-${moment.split(' ')[0]!}`);
      const report = new BuildReport();
      const indexed = await writeSearchIndex(archive, resolveConfig(root, { out: path.join(root, 'none') }), folderSink(out), report);
      expect(indexed).toBe(0);
      const messages = report.entries().map((e) => e.message);
      expect(messages).toContain(`search index: ${PAGEFIND_KILLED} (SIGKILL) while indexing`);
      expect(messages.find((m) => m.startsWith('search index not built'))).toMatch(/a smaller searchShardSize, now 2048, needs less\)$/);
      // What Pagefind wrote before it died is no bundle.
      expect(existsSync(path.join(out, 'pagefind'))).toBe(false);
    });
  }

  it('keeps the shard, and does not wait for an answer, when it is killed as its index is deleted after writing', { timeout: 20_000 }, async () => {
    // As a Ctrl+C reaching Pagefind with the build did: DeleteIndex went unanswered, and the build ended with exit code 13.
    endPagefindAt((type) => type === 'DeleteIndex');
    const out = path.join(root, 'killed-deleting');
    const report = new BuildReport();
    const indexed = await writeSearchIndex(archive, resolveConfig(root, { out: path.join(root, 'none') }), folderSink(out), report);
    expect(indexed).toBeGreaterThan(0);
    expect(report.entries()).toEqual([]);
    expect(existsSync(path.join(out, 'pagefind/pagefind-entry.json'))).toBe(true);
  });

  it('says it ended, without guessing why, when it exits by itself (a full disk makes it panic)', { timeout: 20_000 }, async () => {
    endPagefindAt((type) => type === 'WriteFiles', 'exit');
    const out = path.join(root, 'exited');
    const report = new BuildReport();
    expect(await writeSearchIndex(archive, resolveConfig(root, { out: path.join(root, 'none') }), folderSink(out), report)).toBe(0);
    const messages = report.entries().map((e) => e.message);
    expect(messages).toContain(`search index: ${PAGEFIND_ENDED} (exit code 0) while indexing`);
    expect(messages).toContain('search index not built: the search page will find nothing');
    expect(existsSync(path.join(out, 'pagefind'))).toBe(false);
  });
});

describe('pagefindEnding', () => {
  it('tells a killed process, one that exited, one the package found gone, and any other error apart', () => {
    expect(pagefindEnding(`${PAGEFIND_KILLED} (SIGKILL) while indexing`)).toBe('killed');
    expect(pagefindEnding(`${PAGEFIND_ENDED} (exit code 101) while indexing`)).toBe('exited');
    expect(pagefindEnding('Pagefind backend closed')).toBe('closed');
    expect(pagefindEnding('Cannot send message, backend is closed: [object Object]')).toBe('closed');
    expect(pagefindEnding('Failed to parse file /articles/x/')).toBeNull();
  });
});

describe('watchPagefind', () => {
  const sleeper = (): childProcess.ChildProcess => childProcess.spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });

  it('rejects what is awaited once the process it spawned ends, and says how to those who wait for it', async () => {
    const { result: child, watch } = watchPagefind(sleeper);
    const waiting = watch.alive(new Promise(() => undefined));
    expect(watch.ended).toBe(false);
    expect(await watch.endedWithin(20)).toBeNull();
    const ending = watch.endedWithin(10_000);
    child.kill('SIGKILL');
    expect((await ending)?.message).toBe(`${PAGEFIND_KILLED} (SIGKILL) while indexing`);
    await expect(waiting).rejects.toThrow(`${PAGEFIND_KILLED} (SIGKILL) while indexing`);
    expect(watch.ended).toBe(true);
    await expect(watch.alive(new Promise(() => undefined))).rejects.toThrow(PAGEFIND_KILLED);
  });

  it('passes work through while the process lives, and ignores it once stopped', async () => {
    const { result: child, watch } = watchPagefind(sleeper);
    await expect(watch.alive(Promise.resolve('answer'))).resolves.toBe('answer');
    watch.stop();
    const closed = new Promise((resolve) => child.once('close', resolve));
    child.kill('SIGTERM');
    await closed;
    expect(watch.ended).toBe(false);
    await expect(watch.alive(Promise.resolve('after'))).resolves.toBe('after');
  });

  it.runIf(process.platform !== 'win32')('spawns the process in a process group of its own, out of reach of a Ctrl+C meant for the build', async () => {
    const { result: child } = watchPagefind(sleeper);
    const closed = new Promise((resolve) => child.once('close', resolve));
    try {
      const groupOf = (pid: number): number => Number(childProcess.execFileSync('ps', ['-o', 'pgid=', '-p', String(pid)], { encoding: 'utf8' }).trim());
      expect(groupOf(child.pid!)).toBe(child.pid);
      expect(groupOf(process.pid)).not.toBe(child.pid);
    } finally {
      child.kill('SIGKILL');
      await closed;
    }
  });

  it('restores spawn, and watches nothing when nothing was spawned', async () => {
    const spawn = childProcess.spawn;
    const { result, watch } = watchPagefind(() => 7);
    expect(result).toBe(7);
    expect(childProcess.spawn).toBe(spawn);
    await expect(watch.alive(Promise.resolve(8))).resolves.toBe(8);
  });
});
