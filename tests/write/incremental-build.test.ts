/** Incremental builds: unchanged files keep their bytes and mtime, and the result equals a clean build. */
import { cp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { TermCounter } from '../../src/pool/term-counter.ts';
import { BBC_DIR, buildProject, listFolders, listTree, makeProject, restoreWorkerCountAfterEach, treeContents } from '../hostile/hostile-site.ts';

/** Inode and mtime of every file of an output folder: what "kept" means. */
async function identities(dir: string): Promise<Map<string, string>> {
  const files = await listTree(dir);
  return new Map(await Promise.all(files.map(async (f) => {
    const info = await stat(path.join(dir, f));
    return [f, `${info.ino}:${info.mtimeMs}`] as const;
  })));
}

restoreWorkerCountAfterEach();

describe('incremental builds', () => {
  it('touches nothing when nothing changed, and after one changed article rewrites only what shows it', async () => {
    const root = await makeProject({});
    await cp(path.join(BBC_DIR, 'tech'), path.join(root, 'seeds/tech'), { recursive: true });
    const first = await buildProject(root);
    const before = await identities(first.outDir);
    const dirBefore = (await stat(first.outDir)).ino;
    const articlesFolder = (await stat(path.join(first.outDir, 'articles'))).ino;

    const again = await buildProject(root);
    expect(await identities(again.outDir)).toEqual(before);
    expect((await stat(again.outDir)).ino).toBe(dirBefore);
    expect(again.result.report).toEqual(first.result.report);
    expect([again.result.articles, again.result.pages, again.result.files]).toEqual([first.result.articles, first.result.pages, first.result.files]);

    // A page deleted from the output by hand is noticed and written again; the others stay as they were.
    const gone = 'articles/tech-ink-helps-drive-democracy-in-asia/index.html';
    await rm(path.join(first.outDir, gone));
    const repaired = await buildProject(root);
    expect(await readFile(path.join(repaired.outDir, gone), 'utf8')).toContain('Ink helps drive democracy in Asia');
    const afterRepair = await identities(repaired.outDir);
    expect([...before.keys()].filter((f) => f !== gone && !f.startsWith('pagefind/') && afterRepair.get(f) !== before.get(f))).toEqual([]);

    // One article changes its body: its page changes, pages that do not show it keep their files.
    const file = path.join(root, 'seeds/tech/apple-laptop-is-greatest-gadget.txt');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('The Apple Powerbook 100 has been chosen', 'The Apple PowerBook 100 was chosen'));
    const changed = await buildProject(root);
    const after = await identities(changed.outDir);
    // The output the repair replaced (the first build's) was kept, emptied and staged into: its folders are this output's.
    expect((await stat(path.join(changed.outDir, 'articles'))).ino).toBe(articlesFolder);
    const page = 'articles/tech-apple-laptop-is-greatest-gadget/index.html';
    expect(after.get(page)).not.toBe(before.get(page));
    expect(await readFile(path.join(changed.outDir, page), 'utf8')).toContain('The Apple PowerBook 100 was chosen');
    // Pagefind indexes the whole bundle again, but of its fragments (one a page) writes only the changed page's:
    const fragments = [...after].filter(([f]) => f.startsWith('pagefind/fragment/'));
    expect(fragments.length).toBeGreaterThan(300);
    expect(fragments.filter(([f, id]) => before.get(f) !== id)).toHaveLength(1);
    // The site's own files:
    const site = [...after].filter(([f]) => !f.startsWith('pagefind/'));
    const rewritten = site.filter(([f, id]) => before.get(f) !== id).map(([f]) => f);
    expect(rewritten).toContain(page);
    expect(rewritten.length).toBeLessThan(site.length * 0.05);

    // And the result is byte-identical to a clean build without the cache.
    const clean = await buildProject(root, { out: 'clean' }, { cache: false });
    expect(await treeContents(clean.outDir)).toEqual(await treeContents(changed.outDir));
    expect(await listFolders(changed.outDir)).toEqual(await listFolders(clean.outDir));
  });

  it('after one added article rewrites only the pages that list it, not every page', async () => {
    const root = await makeProject({});
    await cp(path.join(BBC_DIR, 'tech'), path.join(root, 'seeds/tech'), { recursive: true });
    const first = await buildProject(root);
    const before = await identities(first.outDir);

    // A politics story joins the tech desk: a value printed on every page (the footer once printed
    // the article count) would make this rewrite the whole site.
    await cp(path.join(BBC_DIR, 'politics/blair-and-blunkett-sheffield-trip.txt'), path.join(root, 'seeds/politics/blair-and-blunkett-sheffield-trip.txt'));
    const added = await buildProject(root);
    expect(added.result.articles).toBe(first.result.articles + 1);
    const after = await identities(added.outDir);
    const site = [...after].filter(([f]) => !f.startsWith('pagefind'));
    const rewritten = site.filter(([f, id]) => before.get(f) !== id).map(([f]) => f);
    expect(rewritten).toContain('articles/politics-blair-and-blunkett-sheffield-trip/index.html');
    expect(rewritten.length).toBeLessThan(site.length * 0.1);

    const clean = await buildProject(root, { out: 'clean' }, { cache: false });
    expect(await treeContents(clean.outDir)).toEqual(await treeContents(added.outDir));
  });

  it('after one changed article in a build with workers, counts the terms beside the cache reading and builds the same bytes as a clean build', async () => {
    const root = await makeProject({});
    // Over 400 inputs, so the pool parses the first build; the rebuild's one change this thread parses, while the counter counts.
    await cp(path.join(BBC_DIR, 'politics'), path.join(root, 'seeds/politics'), { recursive: true });
    await cp(path.join(BBC_DIR, 'tech'), path.join(root, 'seeds/tech'), { recursive: true });
    const counted = vi.spyOn(TermCounter.prototype, 'vectorJob');
    onTestFinished(() => counted.mockRestore());
    await buildProject(root, { search: false });
    expect(counted).not.toHaveBeenCalled();
    const file = path.join(root, 'seeds/tech/apple-laptop-is-greatest-gadget.txt');
    await writeFile(file, `${await readFile(file, 'utf8')}\nThe talks are expected to end next week, the bank said.\n`);
    const changed = await buildProject(root, { search: false });
    expect(counted).toHaveBeenCalledTimes(1);
    const clean = await buildProject(root, { out: 'clean', search: false }, { cache: false });
    expect(await treeContents(clean.outDir)).toEqual(await treeContents(changed.outDir));
  });

  it('builds the same bytes on the worker pool as in one thread', async () => {
    const root = await makeProject({});
    await cp(path.join(BBC_DIR, 'politics'), path.join(root, 'seeds/politics'), { recursive: true });
    process.env['BROADSHEET_WORKERS'] = '0';
    const single = await buildProject(root, { out: 'single' }, { cache: false });
    process.env['BROADSHEET_WORKERS'] = '2';
    const pooled = await buildProject(root, { out: 'pooled' }, { cache: false });
    expect(pooled.result.articles).toBeGreaterThan(390);
    expect(await treeContents(pooled.outDir)).toEqual(await treeContents(single.outDir));
  });
});
