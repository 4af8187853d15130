/**
 * The command as installed: the CLI compiled from src/ once per version of the source, reused
 * until the source changes, and building the same site as src/ run through tsx, workers included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
// @ts-expect-error: plain JavaScript without types (it runs before anything can compile TypeScript).
import { compiledCli } from '../../bin/compiled-cli.js';
import { BBC_DIR, PROJECT_DIR, makeProject, treeContents } from '../hostile/hostile-site.ts';

const run = promisify(execFile);
const BIN = path.join(PROJECT_DIR, 'bin', 'broadsheet.js');

/** compiledCli's signature, which TypeScript cannot see in the JavaScript file. */
const compile = compiledCli as (options?: { root?: string; cacheDir?: string }) => Promise<URL>;

describe('the compiled CLI', () => {
  let sandbox: string;
  beforeAll(async () => {
    sandbox = await mkdtemp(path.join(tmpdir(), 'broadsheet-compiled-'));
  });
  afterAll(() => rm(sandbox, { recursive: true, force: true }));

  it('is compiled once for each version of the source, into a folder of its own beside its worker modules', async () => {
    const cacheDir = path.join(sandbox, 'cache');
    const first = fileURLToPath(await compile({ cacheDir }));
    const folder = path.dirname(first);
    expect((await readdir(folder)).filter((f) => !f.startsWith('chunk-')).sort()).toEqual(['build-worker.js', 'cli.js', 'term-count-worker.js']);
    const compiledAt = (await stat(first)).mtimeMs;
    // A folder no run used for over a week, and one used yesterday.
    const old = path.join(cacheDir, 'cli-0000000000000000');
    const recent = path.join(cacheDir, 'cli-1111111111111111');
    await mkdir(old);
    await mkdir(recent);
    await utimes(old, new Date(Date.now() - 8 * 86_400_000), new Date(Date.now() - 8 * 86_400_000));
    await utimes(recent, new Date(Date.now() - 86_400_000), new Date(Date.now() - 86_400_000));

    // The same source, here or in a copy of the package elsewhere: the same folder, not compiled again.
    expect(fileURLToPath(await compile({ cacheDir }))).toBe(first);
    const copy = path.join(sandbox, 'package');
    await mkdir(copy);
    for (const name of ['src', 'tsconfig.json', 'package.json']) await cp(path.join(PROJECT_DIR, name), path.join(copy, name), { recursive: true });
    await symlink(path.join(PROJECT_DIR, 'node_modules'), path.join(copy, 'node_modules'));
    expect(fileURLToPath(await compile({ root: copy, cacheDir }))).toBe(first);
    expect((await stat(first)).mtimeMs).toBe(compiledAt);
    expect(existsSync(old)).toBe(true);

    // One source file changed: a new folder, whose code has the change; the week-old folder is removed.
    await appendFile(path.join(copy, 'src', 'errors.ts'), '\n(globalThis as { mark?: string }).mark = "compiled after an edit";\n');
    const edited = fileURLToPath(await compile({ root: copy, cacheDir }));
    expect(path.dirname(edited)).not.toBe(folder);
    const code = await Promise.all((await readdir(path.dirname(edited))).map((f) => readFile(path.join(path.dirname(edited), f), 'utf8')));
    expect(code.some((text) => text.includes('compiled after an edit'))).toBe(true);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(first)).toBe(true);
  });

  it('runs from source, saying so, when it cannot compile', async () => {
    // A copy of the package whose node_modules holds every package but has a file where the cache folder goes.
    const copy = path.join(sandbox, 'uncompilable');
    await mkdir(path.join(copy, 'node_modules'), { recursive: true });
    for (const name of ['bin', 'src', 'data', 'tsconfig.json', 'package.json']) await cp(path.join(PROJECT_DIR, name), path.join(copy, name), { recursive: true });
    for (const name of await readdir(path.join(PROJECT_DIR, 'node_modules'))) {
      if (name !== '.cache') await symlink(path.join(PROJECT_DIR, 'node_modules', name), path.join(copy, 'node_modules', name));
    }
    await writeFile(path.join(copy, 'node_modules', '.cache'), 'not a folder');
    const { stdout, stderr } = await run(process.execPath, [path.join(copy, 'bin', 'broadsheet.js'), '--help'], { env: { ...process.env, BROADSHEET_FROM_SOURCE: '' } });
    expect(stderr).toMatch(/^broadsheet: running from source, more slowly: could not compile it \(.+\)\n$/);
    expect(stdout).toContain('Usage: broadsheet');
  });

  it('builds the same site as the source run through tsx, on the worker pool and after an edit', async () => {
    /** Builds a project of the seeds and 60 BBC articles with the command, then again after one edit. */
    const buildTwice = async (fromSource: boolean): Promise<{ dist: Map<string, string>; stderr: string }> => {
      const root = await makeProject({});
      const desk = (await readdir(path.join(BBC_DIR, 'tech'))).sort().slice(0, 60);
      for (const name of desk) await cp(path.join(BBC_DIR, 'tech', name), path.join(root, 'seeds', 'tech', name));
      // One worker, whatever the size, so the worker modules run from the compiled folder too.
      const env = { ...process.env, BROADSHEET_WORKERS: '1', BROADSHEET_FROM_SOURCE: fromSource ? '1' : '' };
      const args = [BIN, 'build', '--quiet', '--templates', path.join(PROJECT_DIR, 'templates')];
      const first = await run(process.execPath, args, { cwd: root, env });
      const edited = path.join(root, 'seeds', 'tech', desk[3]!);
      await writeFile(edited, `${await readFile(edited, 'utf8')}\nThe company declined to comment on the figures.\n`);
      const second = await run(process.execPath, args, { cwd: root, env });
      const dist = await treeContents(path.join(root, 'dist'));
      await rm(path.dirname(root), { recursive: true, force: true });
      return { dist, stderr: first.stderr + second.stderr };
    };
    const compiled = await buildTwice(false);
    const source = await buildTwice(true);
    expect(compiled.stderr).toBe('');
    expect(source.stderr).toBe('');
    expect(compiled.dist.size).toBeGreaterThan(100);
    expect([...compiled.dist.keys()]).toEqual([...source.dist.keys()]);
    expect(compiled.dist).toEqual(source.dist);
  });
});
