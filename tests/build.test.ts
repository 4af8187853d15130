/** build(): how it sets V8's heap growth for each kind of build, the progress it reports, and how it stops when asked. */
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { build, HEAP_GROWING_PERCENT, LOADING_HEAP_GROWING_PERCENT } from '../src/build.ts';
import { resolveConfig } from '../src/config/config.ts';
import { BuildStopped } from '../src/errors.ts';
import { BBC_DIR, makeProject, PROJECT_DIR, restoreWorkerCountAfterEach, treeContents } from './hostile/hostile-site.ts';

restoreWorkerCountAfterEach();

/** Builds `root`, returning the heap growth settings, stage ends and any failure in the order they came. Every flag is still set. */
async function buildRecording(root: string, onProgress?: (stage: string) => void): Promise<string[]> {
  const events: string[] = [];
  const setFlags = v8.setFlagsFromString.bind(v8);
  const spy = vi.spyOn(v8, 'setFlagsFromString').mockImplementation((flags: string) => {
    const percent = /^--heap-growing-percent=(\d+)$/.exec(flags)?.[1];
    if (percent !== undefined) events.push(`heap ${percent}`);
    setFlags(flags);
  });
  try {
    const config = resolveConfig(root, { templates: path.join(PROJECT_DIR, 'templates'), search: false });
    await build(config, { projectDir: root, onStage: (stage) => events.push(stage), ...(onProgress === undefined ? {} : { onProgress }) });
  } catch (error) {
    events.push(`failed: ${(error as Error).message}`);
  } finally {
    spy.mockRestore();
  }
  return events;
}

describe('build', () => {
  it('gives the heap more room only while a rebuild loads and relates its cached articles, never while it renders or after it fails', async () => {
    delete process.env['BROADSHEET_WORKERS'];
    const root = await makeProject({});
    onTestFinished(() => rm(path.dirname(root), { recursive: true, force: true }));
    await cp(path.join(BBC_DIR, 'tech'), path.join(root, 'seeds/tech'), { recursive: true });

    // A clean build parses every article: the heap stays tight throughout.
    const clean = await buildRecording(root);
    expect(clean).not.toContain(`heap ${LOADING_HEAP_GROWING_PERCENT}`);
    expect(clean).toContain(`heap ${HEAP_GROWING_PERCENT}`);

    // One article edited: the rest load from the cache with more room, and render gets the tight heap back.
    const file = path.join(root, 'seeds/tech/apple-laptop-is-greatest-gadget.txt');
    await writeFile(file, (await readFile(file, 'utf8')).replace('The Apple Powerbook 100 has been chosen', 'The Apple PowerBook 100 was chosen'));
    const rebuild = await buildRecording(root);
    const at = (event: string): number => rebuild.indexOf(event);
    const beforeRender = rebuild.slice(0, at('render')).filter((e) => e.startsWith('heap'));
    expect(beforeRender.slice(-2)).toEqual([`heap ${LOADING_HEAP_GROWING_PERCENT}`, `heap ${HEAP_GROWING_PERCENT}`]);
    expect(at(`heap ${LOADING_HEAP_GROWING_PERCENT}`)).toBeLessThan(at('parse+enrich'));
    expect(rebuild.slice(0, at('render')).lastIndexOf(`heap ${HEAP_GROWING_PERCENT}`)).toBeGreaterThan(at('relate'));
    expect(rebuild).not.toContainEqual(expect.stringMatching(/^failed/));

    // Another edit, and the build fails while loading: the heap is tight again for whatever the process does next (serve waits).
    await writeFile(file, (await readFile(file, 'utf8')).replace('The Apple PowerBook 100 was chosen', 'The Apple PowerBook 100 is chosen'));
    const failed = await buildRecording(root, (stage) => {
      if (stage === 'parse') throw new Error('stopped while loading');
    });
    expect(failed).toContain('failed: stopped while loading');
    expect(failed).toContain(`heap ${LOADING_HEAP_GROWING_PERCENT}`);
    expect(failed).not.toContain('relate');
    expect(failed.filter((e) => e.startsWith('heap')).at(-1)).toBe(`heap ${HEAP_GROWING_PERCENT}`);
  });

  it('reports the progress of parse, render and search (beside render), each counted up to its total', async () => {
    const root = await makeProject({});
    onTestFinished(() => rm(path.dirname(root), { recursive: true, force: true }));
    await cp(path.join(BBC_DIR, 'tech'), path.join(root, 'seeds/tech'), { recursive: true });
    const reports = new Map<string, Array<[number, number]>>();
    // 64 articles a search shard: the tech desk's ~400 articles make several, each reported as it ends.
    const config = resolveConfig(root, { templates: path.join(PROJECT_DIR, 'templates'), searchShardSize: 64 });
    const result = await build(config, {
      projectDir: root,
      onProgress: (stage, done, total) => reports.set(stage, [...(reports.get(stage) ?? []), [done, total]]),
    });
    expect([...reports.keys()].sort()).toEqual(['parse', 'render', 'search']);
    for (const [stage, counts] of reports) {
      const total = counts[0]![1];
      expect(counts.every(([, t]) => t === total), stage).toBe(true);
      expect(counts.map(([done]) => done), stage).toEqual([...counts.map(([done]) => done)].sort((a, b) => a - b));
      expect(counts.at(-1)![0], stage).toBe(total);
    }
    expect(reports.get('parse')![0]![1]).toBe(result.articles);
    expect(reports.get('render')![0]![1]).toBe(result.pages);
    // Every searchable article once (near-copies are not indexed), from 0 at the start, by shard.
    const search = reports.get('search')!;
    expect(search[0]).toEqual([0, search[0]![1]]);
    expect(search[0]![1]).toBeGreaterThan(result.articles * 0.9);
    expect(search.length).toBeGreaterThan(4);
  });

  it('stops where its signal aborts it, in parse, render or search, leaving the output as it was; the next build is a clean one', { timeout: 180_000 }, async () => {
    delete process.env['BROADSHEET_WORKERS'];
    const root = await makeProject({});
    onTestFinished(() => rm(path.dirname(root), { recursive: true, force: true }));
    await cp(path.join(BBC_DIR, 'tech'), path.join(root, 'seeds/tech'), { recursive: true });
    const templates = path.join(PROJECT_DIR, 'templates');
    const good = await build(resolveConfig(root, { templates, searchShardSize: 64 }), { projectDir: root });
    const before = await treeContents(good.outDir);
    // Other list pages and other search shards: the next builds have pages to render and shards to index when they are stopped.
    const changed = { templates, searchShardSize: 48, pageSize: 7 };

    for (const stage of ['parse', 'render', 'search']) {
      const controller = new AbortController();
      const reason = new BuildStopped('SIGINT');
      const counts: Array<[number, number]> = [];
      const stopped = build(resolveConfig(root, changed), {
        projectDir: root,
        signal: controller.signal,
        onProgress: (at, done, total) => {
          if (at !== stage) return;
          counts.push([done, total]);
          if (done > 0) controller.abort(reason);
        },
      });
      await expect(stopped, stage).rejects.toBe(reason);
      // Stopped part way: the stage did not go on to its end.
      const [done, total] = counts.at(-1)!;
      expect(done, stage).toBeLessThan(total);
      expect(await treeContents(good.outDir), stage).toEqual(before);
      expect((await readdir(root)).filter((name) => name.startsWith('.dist-build-')), stage).toEqual([]);
    }

    // Nothing a stopped build left in the cache shows in the next one's output.
    const next = await build(resolveConfig(root, changed), { projectDir: root });
    const clean = await build(resolveConfig(root, { ...changed, out: 'clean' }), { projectDir: root, cache: false });
    expect(await treeContents(next.outDir)).toEqual(await treeContents(clean.outDir));
  });

  it('builds without the cache, and says so, when its cache folder cannot be written', { timeout: 60_000 }, async () => {
    const root = await makeProject({});
    onTestFinished(() => rm(path.dirname(root), { recursive: true, force: true }));
    // A file where the cache folder would be: as a read-only checkout does (EROFS, checked by hand on a read-only mount), mkdir fails in it.
    await writeFile(path.join(root, '.broadsheet-cache'), 'not a folder\n');
    const templates = path.join(PROJECT_DIR, 'templates');
    const advice: string[] = [];
    const result = await build(resolveConfig(root, { templates, search: false }), { projectDir: root, onAdvice: (line) => advice.push(line) });
    expect(result.articles).toBe(3);
    expect(advice).toEqual([expect.stringMatching(/^cannot write \.broadsheet-cache\/ in the project folder \(ENOTDIR: not a directory, mkdir '.*leases'\): building without it, so every page is made again$/)]);
    expect(await readFile(path.join(root, '.broadsheet-cache'), 'utf8')).toBe('not a folder\n');
    const clean = await build(resolveConfig(root, { templates, search: false, out: 'clean' }), { projectDir: root, cache: false });
    expect(await treeContents(result.outDir)).toEqual(await treeContents(clean.outDir));
  });
});
