/** The benchmark's floor: a page per input, with its title and paragraphs escaped, run by node with no loader. */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_DIR, tempDir } from '../hostile/hostile-site.ts';

const run = promisify(execFile);
const FLOOR = path.join(PROJECT_DIR, 'scripts', 'bench-floor.mjs');

describe('the bench floor', () => {
  it('writes one escaped page per seed, in a folder named after it', async () => {
    const sandbox = await tempDir('floor');
    const seeds = path.join(sandbox, 'seeds');
    await cp(path.join(PROJECT_DIR, 'seeds'), seeds, { recursive: true });
    await writeFile(path.join(seeds, 'hostile.txt'), 'A <b>"bold"</b> & title\n\nLine one <script>\n');
    const out = path.join(sandbox, 'out');
    // Plain node, no loader: the floor's time must be its work alone.
    const { stdout } = await run(process.execPath, [FLOOR, seeds, out]);
    const inputs = (await readdir(seeds)).filter((name) => name.endsWith('.txt')).sort();
    expect(stdout).toBe(`Floor: ${inputs.length} articles\n`);
    expect((await readdir(out)).sort()).toEqual(inputs.map((name) => name.replace(/\.txt$/, '')));
    const page = await readFile(path.join(out, 'hostile', 'index.html'), 'utf8');
    expect(page).toContain('<title>A &lt;b&gt;&quot;bold&quot;&lt;/b&gt; &amp; title</title>');
    expect(page).toContain('<p>Line one &lt;script&gt;</p>');
    const firstSeed = await readFile(path.join(seeds, inputs[0]!), 'utf8');
    const seedPage = await readFile(path.join(out, inputs[0]!.replace(/\.txt$/, ''), 'index.html'), 'utf8');
    expect(seedPage.split('<p>').length - 1).toBe(firstSeed.split('\n').slice(1).filter((line) => line.trim() !== '').length);
  });

  it('says how to run it when a folder is missing', async () => {
    await expect(run(process.execPath, [FLOOR])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('usage:') });
  });
});
