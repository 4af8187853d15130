/**
 * Ctrl+C during `broadsheet build`: the terminal signals the whole foreground process group, as
 * here. The build stops at its next step, says so, exits with the shell's code, and leaves the
 * previous output as it was, with no staging folder beside it and no Pagefind process behind it.
 */
import { spawn } from 'node:child_process';
import { cp, readdir, readlink } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BBC_DIR, PROJECT_DIR, buildProject, makeProject, treeContents } from './hostile/hostile-site.ts';

/** Processes whose working folder is `dir` (Linux: /proc). */
async function processesIn(dir: string): Promise<number[]> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  const found = await Promise.all(pids.map(async (pid) => ((await readlink(`/proc/${pid}/cwd`).catch(() => null)) === dir ? Number(pid) : null)));
  return found.filter((pid): pid is number => pid !== null);
}

describe('Ctrl+C during a build', () => {
  it('stops it while Pagefind indexes, with exit code 130, the output as it was and nothing left behind', { timeout: 180_000 }, async () => {
    const root = await makeProject({});
    const good = await buildProject(root);
    const before = await treeContents(good.outDir);
    await cp(BBC_DIR, path.join(root, 'seeds/bbc'), { recursive: true });

    // tsx's loader by path (the temp project has no node_modules). Small shards: search is still indexing some when others are done.
    const tsx = pathToFileURL(path.join(PROJECT_DIR, 'node_modules/tsx/dist/loader.mjs')).href;
    const args = ['--import', tsx, path.join(PROJECT_DIR, 'src/cli.ts'), 'build', '--search-shard-size', '128', '--templates', path.join(PROJECT_DIR, 'templates')];
    // A group of its own, as a terminal gives a command it runs: the signal goes to the whole group, Pagefind's processes included unless they left it.
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, signal) => resolve([code, signal])));
    const indexing = new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: string) => {
        stderr += chunk;
        // A search progress line past 0: some shards are done, and Pagefind's processes are at work on others.
        if (/^search: [1-9]\d*\//m.test(stderr)) resolve();
      });
      void exited.then(() => reject(new Error(`the build ended before search was under way:\n${stderr}`)));
    });
    await indexing;
    process.kill(-child.pid!, 'SIGINT');

    expect(await exited).toEqual([130, null]);
    expect(stderr).toContain('broadsheet: stopping the build (Ctrl+C again to stop at once)\n');
    expect(stderr.endsWith('broadsheet: stopped by SIGINT; the output folder is as it was before the build\n')).toBe(true);
    // Pagefind's package printed a stack for each call its dead process left unanswered.
    expect(stderr).not.toMatch(/Service stopped|panicked|Error/);
    expect(await treeContents(good.outDir)).toEqual(before);
    expect((await readdir(root)).filter((name) => name.startsWith('.dist-build-'))).toEqual([]);
    if (process.platform === 'linux') {
      // Pagefind's processes (they run in the project folder) end with their input.
      for (let tries = 0; (await processesIn(root)).length > 0 && tries < 40; tries += 1) await new Promise((r) => setTimeout(r, 50));
      expect(await processesIn(root)).toEqual([]);
    }
  });
});
