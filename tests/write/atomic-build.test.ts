/** The output folder is replaced only by a build that succeeded, even when a build is killed. */
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recoverStaleBuilds } from '../../src/write/site-writer.ts';
import { BBC_DIR, PROJECT_DIR, buildProject, makeProject, treeContents } from '../hostile/hostile-site.ts';

/** Staging and set-aside folders of builds, beside the output folder. */
async function stagingFolders(root: string): Promise<string[]> {
  return (await readdir(root)).filter((n) => /^\.dist-build-/.test(n));
}

describe('atomic builds', () => {
  it('leaves the previous output intact when a template is broken', async () => {
    const root = await makeProject({});
    await cp(path.join(PROJECT_DIR, 'templates'), path.join(root, 'templates'), { recursive: true });
    const good = await buildProject(root, { templates: 'templates' });
    const before = await treeContents(good.outDir);
    const template = await readFile(path.join(root, 'templates/article.njk'), 'utf8');
    // A mistake found only while rendering, once pages are staged (a syntax error or an unknown filter stops the build before it reads an input: see template-errors.test.ts).
    await writeFile(path.join(root, 'templates/article.njk'), '{% extends "base.njk" %}{% block main %}<h1>{{ article.title.shout() }}</h1>{% endblock %}');
    await expect(buildProject(root, { templates: 'templates' })).rejects.toThrow(/template error while rendering articles\/.*: Unable to call `article\["title"\]\["shout"\]`/);
    expect(await treeContents(good.outDir)).toEqual(before);
    expect(await stagingFolders(root)).toEqual([]);

    // The failed build's staging folder is kept as the spare, and the next build, the typo fixed, stages into its folders.
    const cache = path.join(root, '.broadsheet-cache');
    const spares = (await readdir(cache)).filter((n) => n.endsWith('-spare'));
    expect(spares).toHaveLength(1);
    const spareFolder = (await stat(path.join(cache, spares[0]!))).ino;
    await writeFile(path.join(root, 'templates/article.njk'), template.replace('{% block main %}', '{% block main %}<!-- fixed -->'));
    const fixed = await buildProject(root, { templates: 'templates' });
    expect((await stat(fixed.outDir)).ino).toBe(spareFolder);
    const clean = await buildProject(root, { templates: 'templates', out: 'clean' }, { cache: false });
    expect(await treeContents(fixed.outDir)).toEqual(await treeContents(clean.outDir));
    expect(await stagingFolders(root)).toEqual([]);
  });

  it('gives the claimed spare back when the build fails before staging into it', async () => {
    const root = await makeProject({});
    await cp(path.join(PROJECT_DIR, 'templates'), path.join(root, 'templates'), { recursive: true });
    await buildProject(root, { templates: 'templates' });
    // A template that breaks while rendering leaves its staging folder as the spare (see above).
    const template = await readFile(path.join(root, 'templates/article.njk'), 'utf8');
    await writeFile(path.join(root, 'templates/article.njk'), `${template}{{ article.title.shout() }}`);
    await expect(buildProject(root, { templates: 'templates' })).rejects.toThrow(/template/);
    const cache = path.join(root, '.broadsheet-cache');
    const spareOf = async (): Promise<string[]> => (await readdir(cache)).filter((n) => n.endsWith('-spare'));
    const [spare] = await spareOf();
    const spareFolder = (await stat(path.join(cache, spare!))).ino;

    // The next build claims it, then fails when it opens the output: dist/ is now a folder of someone else's files.
    await writeFile(path.join(root, 'templates/article.njk'), template);
    await rename(path.join(root, 'dist'), path.join(root, 'site-before'));
    await mkdir(path.join(root, 'dist'));
    await writeFile(path.join(root, 'dist/notes.txt'), 'not a site\n');
    await expect(buildProject(root, { templates: 'templates' })).rejects.toThrow(/not a Broadsheet site/);
    expect(await readdir(path.join(root, 'dist'))).toEqual(['notes.txt']);
    // Back in its slot, the same folder, rather than left beside dist/ for the next build to clear and make again.
    expect(await spareOf()).toEqual([spare]);
    expect((await stat(path.join(cache, spare!))).ino).toBe(spareFolder);
    expect(await stagingFolders(root)).toEqual([]);
  });

  it('leaves the previous output intact when the build process is killed, and the next build clears its leftovers', async () => {
    const root = await makeProject({});
    const good = await buildProject(root);
    const before = await treeContents(good.outDir);
    await cp(BBC_DIR, path.join(root, 'seeds/bbc'), { recursive: true });

    // tsx's loader by path (the temp project has no node_modules); not the tsx CLI, whose child would outlive a kill.
    const tsx = pathToFileURL(path.join(PROJECT_DIR, 'node_modules/tsx/dist/loader.mjs')).href;
    const child = spawn(process.execPath, ['--import', tsx, path.join(PROJECT_DIR, 'src/cli.ts'), 'build', '--quiet', '--templates', path.join(PROJECT_DIR, 'templates')], { cwd: root, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Kill it mid-write: once its staging folder holds article pages (at least ~1 s in), so the kill lands while files are written.
    const started = Date.now();
    for (;;) {
      await new Promise((r) => setTimeout(r, 50));
      const staging = (await stagingFolders(root))[0];
      const written = staging === undefined ? [] : await readdir(path.join(root, staging, 'articles')).catch(() => []);
      if (written.length > 100 && Date.now() - started > 1000) break;
      if (child.exitCode !== null) throw new Error('the build finished before it could be killed');
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    expect(await treeContents(good.outDir)).toEqual(before);
    expect(await stagingFolders(root)).toHaveLength(1);
    const next = await buildProject(root);
    expect(next.result.articles).toBe(3 + 2095);
    expect(await stagingFolders(root)).toEqual([]);
  });

  it('puts the old output back when a build was killed between moving it aside and moving the new one in', async () => {
    const root = await makeProject({});
    const good = await buildProject(root);
    const before = await treeContents(good.outDir);
    // What a kill between the two renames of commit() leaves: the old output set aside, a new one staged, no dist/.
    const dead = 2 ** 22 + 12345; // above the largest pid Linux allows (2^22), so never a live process
    await rename(good.outDir, path.join(root, `.dist-build-${dead}-0a1b2c3d-old`));
    await mkdir(path.join(root, `.dist-build-${dead}-0a1b2c3d/articles`), { recursive: true });
    await recoverStaleBuilds(good.outDir);
    expect(await treeContents(good.outDir)).toEqual(before);
    expect(await stagingFolders(root)).toEqual([]);
  });
});
