/** The CLI's --no-search, --timings and --search-shard-size flags, on the project's real seeds. */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main, timingsLine } from '../src/cli.ts';
import { shardBits, shardBucket } from '../src/outputs/search-shards.ts';

const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/**
 * Runs the CLI with `args` in the project folder `projectDir` (a temporary one, so the build's
 * cache is not the repository's); returns its exit code and what it printed on stdout.
 */
async function run(args: string[], projectDir: string): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  try {
    return { code: await main([...args, '--templates', path.join(PROJECT_DIR, 'templates')], projectDir), stdout };
  } finally {
    spy.mockRestore();
  }
}

describe('broadsheet build --no-search --timings', () => {
  it('builds every page but no search index, and prints each stage’s seconds as one JSON line', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'broadsheet-cli-'));
    cleanups.push(() => rm(out, { recursive: true, force: true }));
    const site = path.join(out, 'site');
    const { code, stdout } = await run(['build', '--seeds', path.join(PROJECT_DIR, 'seeds'), '--content', path.join(out, 'no-content'), '--out', site, '--quiet', '--no-search', '--timings'], out);
    expect(code).toBe(0);
    expect(existsSync(path.join(site, 'search', 'index.html'))).toBe(true);
    expect(existsSync(path.join(site, 'pagefind'))).toBe(false);

    const lines = stdout.split('\n').filter((l) => l.startsWith('Timings (s): '));
    expect(lines).toHaveLength(1);
    const timings = JSON.parse(lines[0]!.slice('Timings (s): '.length)) as Record<string, number>;
    expect(Object.keys(timings)).toEqual(expect.arrayContaining(['discover', 'parse+enrich', 'open', 'render', 'outputs', 'search', 'commit', 'total']));
    expect(Object.keys(timings).at(-1)).toBe('total');
    for (const [stage, seconds] of Object.entries(timings)) {
      expect(seconds, stage).toBeGreaterThanOrEqual(0);
      expect(seconds, stage).toBeLessThanOrEqual(timings.total!);
    }
  });

  it('prints no timings line without the flag', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'broadsheet-cli-'));
    cleanups.push(() => rm(out, { recursive: true, force: true }));
    const { code, stdout } = await run(['build', '--seeds', path.join(PROJECT_DIR, 'seeds'), '--content', path.join(out, 'no-content'), '--out', path.join(out, 'site'), '--quiet', '--no-search'], out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Built 3 articles/m);
    expect(stdout).not.toContain('Timings');
  });
});

describe('broadsheet build --search-shard-size', () => {
  it('splits the search index into as many bundles as the ids fill buckets at that size', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'broadsheet-cli-'));
    cleanups.push(() => rm(out, { recursive: true, force: true }));
    const site = path.join(out, 'site');
    const { code } = await run(['build', '--seeds', path.join(PROJECT_DIR, 'seeds'), '--content', path.join(out, 'no-content'), '--out', site, '--quiet', '--search-shard-size', '1'], out);
    expect(code).toBe(0);
    const ids = (JSON.parse(await readFile(path.join(site, 'api', 'articles.json'), 'utf8')) as Array<{ id: string }>).map((a) => a.id);
    expect(ids).toHaveLength(3);
    // Three articles at one a shard: 2 bits, four buckets, of which the ids fill some.
    const buckets = new Set(ids.map((id) => shardBucket(id, shardBits(3, 1))));
    const bundles = (await readdir(site)).filter((name) => /^pagefind(-\d+)?$/.test(name));
    expect(bundles).toHaveLength(buckets.size);
    expect(buckets.size).toBeGreaterThan(1);
    expect(bundles).toContain('pagefind');
    const list = await readFile(path.join(site, 'pagefind', 'broadsheet-shards.js'), 'utf8');
    for (const bundle of bundles.filter((b) => b !== 'pagefind')) expect(list).toContain(`${bundle}/`);
  });

  it('refuses a size that is not a whole number of at least 1, naming the flag', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'broadsheet-cli-'));
    cleanups.push(() => rm(out, { recursive: true, force: true }));
    for (const [flag, value] of [['--search-shard-size', '0'], ['--search-shard-size', 'many'], ['--search-shard-size', '2.5'], ['--search-shard-size', ''], ['--page-size', '1.5']]) {
      const { code, stderr } = await runTellingErrors(['build', '--seeds', path.join(PROJECT_DIR, 'seeds'), '--out', path.join(out, 'site'), '--quiet', flag!, value!], out);
      expect(code, value).toBe(2);
      expect(stderr, value).toContain(`broadsheet: ${flag} must be a whole number of at least 1, not ${JSON.stringify(value)}`);
      expect(stderr, value).not.toContain('broadsheet.config.json');
    }
    expect(existsSync(path.join(out, 'site'))).toBe(false);
  });
});

describe('broadsheet build --site-url and --base-path', () => {
  it('refuses a value that cannot be, naming the flag, not a config file there may not be', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'broadsheet-cli-'));
    cleanups.push(() => rm(out, { recursive: true, force: true }));
    const build = ['build', '--seeds', path.join(PROJECT_DIR, 'seeds'), '--out', path.join(out, 'site'), '--quiet'];
    for (const [flag, value, said] of [
      ['--site-url', 'javascript:alert(1)//', 'siteUrl "javascript:alert(1)//" must start with http:// or https://'],
      ['--site-url', 'example.org/news/', 'siteUrl "example.org/news/" is not an absolute URL such as https://example.org/news/'],
      ['--base-path', '/../etc/', 'base path "/../etc/" must be a URL path such as /news/'],
    ] as const) {
      const { code, stderr } = await runTellingErrors([...build, flag, value], out);
      expect(code, value).toBe(2);
      expect(stderr, value).toBe(`broadsheet: ${flag}: ${said}\n`);
    }
    // A site URL whose path cannot be a base path: fine with a base path given, else refused naming the siteUrl.
    const quoted = 'https://example.org/a"b/';
    expect((await runTellingErrors([...build, '--site-url', quoted, '--base-path', '/news/'], out)).code).toBe(0);
    const refused = await runTellingErrors([...build, '--out', path.join(out, 'other'), '--site-url', quoted], out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('broadsheet: siteUrl "https://example.org/a%22b/" has a path, "/a%22b/", that cannot be the site\'s base path: give a URL such as https://example.org/news/, or a basePath\n');
    expect(existsSync(path.join(out, 'other'))).toBe(false);
    // A path that is no valid percent-encoding: the same line, not a URIError's stack.
    const malformed = await runTellingErrors([...build, '--out', path.join(out, 'other'), '--site-url', 'https://example.org/%zz"/'], out);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(/^broadsheet: siteUrl "https:\/\/example\.org\/%zz%22\/" has a path, "\/%zz%22\/", that cannot be the site's base path/);
  });
});

/** Runs the CLI with stderr captured: the exit code and what it wrote there. */
async function runTellingErrors(argv: readonly string[], cwd: string): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const { code } = await run([...argv], cwd);
    return { code, stderr };
  } finally {
    spy.mockRestore();
  }
}

describe('timingsLine', () => {
  it('keeps stage order, rounds to milliseconds and ends with the total', () => {
    expect(timingsLine([['parse+enrich', 1.23456], ['search', 0.0004]], 2.5)).toBe('Timings (s): {"parse+enrich":1.235,"search":0,"total":2.5}');
  });
});

describe('broadsheet with a mistyped command or option', () => {
  it('names what it did not understand and what was likely meant, and builds nothing', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'broadsheet-cli-'));
    cleanups.push(() => rm(out, { recursive: true, force: true }));
    const site = ['--out', path.join(out, 'site')];
    for (const [args, said] of [
      [['bild', ...site], 'broadsheet: unknown command "bild"; did you mean "build"?\n'],
      [['build', '--seed', 'seeds', ...site], 'broadsheet: unknown option --seed; did you mean --seeds?\n'],
      [['build', '--output', 'public'], 'broadsheet: unknown option --output; did you mean --out?\n'],
      [['build', '--no-serach', ...site], 'broadsheet: unknown option --no-serach; did you mean --no-search?\n'],
      [['build', '--verbose', ...site], 'broadsheet: unknown option --verbose\n'],
      [['build', ...site, '--seeds'], 'broadsheet: option --seeds needs a value\n'],
      [['build', '--quiet=yes', ...site], 'broadsheet: option --quiet takes no value\n'],
    ] as const) {
      const { code, stderr } = await runTellingErrors([...args], out);
      expect(code, args.join(' ')).toBe(2);
      // The line, then the usage.
      expect(stderr.slice(0, stderr.indexOf('\n') + 1), args.join(' ')).toBe(said);
      expect(stderr, args.join(' ')).toContain('Usage: broadsheet <command> [options]');
    }
    expect(existsSync(path.join(out, 'site'))).toBe(false);
  });
});

describe('broadsheet --version', () => {
  it('prints the version in package.json and builds nothing', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'broadsheet-cli-'));
    cleanups.push(() => rm(out, { recursive: true, force: true }));
    const { version } = JSON.parse(await readFile(path.join(PROJECT_DIR, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const { code, stdout } = await run(['build', flag, '--out', path.join(out, 'site')], out);
      expect(code, flag).toBe(0);
      expect(stdout, flag).toBe(`broadsheet ${version}\n`);
    }
    expect(existsSync(path.join(out, 'site'))).toBe(false);
  });
});

describe('broadsheet build in a project without templates/', () => {
  it('builds with Broadsheet\u2019s own templates and says where to copy them from; a folder given is still required', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'broadsheet-cli-'));
    cleanups.push(() => rm(out, { recursive: true, force: true }));
    await cp(path.join(PROJECT_DIR, 'seeds'), path.join(out, 'seeds'), { recursive: true });
    let stderr = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await main(['build', '--no-search'], out)).toBe(0);
      expect(stderr).toContain(`broadsheet: no templates/ folder in ${out}: the site is built with Broadsheet's own templates; copy ${path.join(PROJECT_DIR, 'templates')} to templates/ to make them yours\n`);
      expect(await readFile(path.join(out, 'dist', 'index.html'), 'utf8')).toContain('</html>');
      // Asked for by name, they need no word.
      stderr = '';
      expect(await main(['build', '--no-search', '--templates', path.join(PROJECT_DIR, 'templates')], out)).toBe(0);
      expect(stderr).not.toContain('no templates/ folder');
      // Its own templates/ wins, without the line.
      await cp(path.join(PROJECT_DIR, 'templates'), path.join(out, 'templates'), { recursive: true });
      stderr = '';
      expect(await main(['build', '--no-search'], out)).toBe(0);
      expect(stderr).not.toContain('no templates/ folder');
      // A folder given that is not there is refused, not replaced.
      expect(await main(['build', '--no-search', '--templates', 'themes/mine'], out)).toBe(1);
      expect(stderr).toContain(`the templates folder ${path.join(out, 'themes/mine')} does not exist`);
    } finally {
      spy.mockRestore();
      stdout.mockRestore();
    }
  });
});
