/**
 * The CLI tells an error of the machine (a full disk, a read-only folder) in a line, as it tells a
 * BroadsheetError, and lets anything else crash with its stack, as a bug should.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.ts';
import { systemErrorMessage } from '../src/errors.ts';

const failure = vi.hoisted(() => ({ error: new Error('unset') as Error }));
vi.mock('../src/build.ts', () => ({ build: () => Promise.reject(failure.error) }));

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs `broadsheet build` with build() failing with `error`; returns the exit code and stderr. */
async function runFailing(error: Error): Promise<{ code: number; stderr: string }> {
  failure.error = error;
  let stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const code = await main(['build', '--quiet']);
  return { code, stderr };
}

describe('an error of the machine', () => {
  it('is one line naming it, and exit code 1, with no stack', async () => {
    const disk = Object.assign(new Error("ENOSPC: no space left on device, write '/srv/.dist-build-1-a/articles/x/index.html'"), { code: 'ENOSPC' });
    const { code, stderr } = await runFailing(disk);
    expect(code).toBe(1);
    expect(stderr).toBe(
      "broadsheet: ENOSPC: no space left on device, write '/srv/.dist-build-1-a/articles/x/index.html'\n" +
        'broadsheet: the build stopped; the output folder is as it was before it\n',
    );
  });

  it('is told by its message, which keeps the code across a worker thread', () => {
    expect(systemErrorMessage(new Error('EACCES: permission denied, mkdir \'/srv/dist\''))).toBe("EACCES: permission denied, mkdir '/srv/dist'");
    expect(systemErrorMessage(new Error('Cannot read properties of undefined'))).toBeNull();
    expect(systemErrorMessage('ENOSPC: a string, not an error')).toBeNull();
  });

  it('leaves any other error to crash with its stack', async () => {
    await expect(runFailing(new TypeError('x is not a function'))).rejects.toThrow('x is not a function');
  });
});
