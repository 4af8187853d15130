/**
 * A shard's fragments lent by its previous bundle: Pagefind writes only the changed pages' own,
 * the bundle ends up as a clean build's, and a lent file standing in for a new fragment of other
 * content is caught (the shard is indexed again from nothing).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fg from 'fast-glob';
import type { Article } from '../../src/content/article.ts';
import { buildSearchIndex } from '../../src/outputs/search-index.ts';
import { pruneFragments, seedFragments } from '../../src/outputs/pagefind-fragments.ts';
import { BBC_DIR, bbcArticle } from '../archive/bbc-articles.ts';

/** Forty articles of the BBC corpus's sport desk, parsed. */
const SPORT: readonly Article[] = readdirSync(path.join(BBC_DIR, 'sport'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .slice(0, 40)
  .map((f, i) => bbcArticle(`sport/${f}`, { date: `2005-02-${String((i % 28) + 1).padStart(2, '0')}`, source: 'BBC Sport', topics: ['Sport'] }));

/** The sport articles with the 8th one's body added to. */
const EDITED: readonly Article[] = SPORT.map((a, i) => (i === 7 ? { ...a, bodyHtml: `${a.bodyHtml}<p>The match was moved to a later date after the floods.</p>` } : a));

const urls = (articles: readonly Article[]): string[] => articles.map((a) => `/${a.url}`);

/** Every file of a bundle with its bytes, by path. */
async function bundleFiles(dir: string): Promise<Map<string, string>> {
  const files = (await fg('**', { cwd: dir })).sort();
  return new Map(await Promise.all(files.map(async (f) => [f, (await readFile(path.join(dir, f))).toString('base64')] as const)));
}

/** The names of a bundle's fragment files. */
const fragmentNames = async (dir: string): Promise<string[]> => (await readdir(path.join(dir, 'fragment'))).sort();

describe('fragments lent by the previous bundle', () => {
  let root: string;
  let previous: string;
  let clean: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'broadsheet-fragments-'));
    previous = path.join(root, 'previous');
    clean = path.join(root, 'clean');
    expect((await buildSearchIndex(SPORT, 'en', previous)).pages).toBe(SPORT.length);
    expect((await buildSearchIndex(EDITED, 'en', clean)).pages).toBe(EDITED.length);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('writes only the changed page’s fragment, keeps the others’ files, and leaves the bundle a clean build makes', async () => {
    const out = path.join(root, 'lent');
    const result = await buildSearchIndex(EDITED, 'en', out, { previous });
    expect(result).toEqual({ pages: EDITED.length, errors: [] });
    expect(await bundleFiles(out)).toEqual(await bundleFiles(clean));
    const before = new Set(await fragmentNames(previous));
    const kept = (await fragmentNames(out)).filter((name) => before.has(name));
    // All but the edited page's fragment are the previous bundle's files, hard-linked, not written again.
    expect(kept).toHaveLength(SPORT.length - 1);
    for (const name of kept) {
      const [was, now] = await Promise.all([stat(path.join(previous, 'fragment', name)), stat(path.join(out, 'fragment', name))]);
      expect(now.ino, name).toBe(was.ino);
    }
  });

  it('catches a lent file standing in for a new fragment of other content, and indexes the shard again', async () => {
    // A name the edited bundle gives its new fragment, planted in the previous bundle with another page's fragment:
    // what Pagefind would take for the new fragment when a short hash collides, and skip writing.
    const before = new Set(await fragmentNames(previous));
    const added = (await fragmentNames(clean)).filter((name) => !before.has(name));
    expect(added).toHaveLength(1);
    const colliding = path.join(root, 'colliding');
    await cp(previous, colliding, { recursive: true });
    const other = [...before][0]!;
    await writeFile(path.join(colliding, 'fragment', added[0]!), await readFile(path.join(previous, 'fragment', other)));

    const staged = path.join(root, 'caught-by-prune');
    expect(await seedFragments(colliding, staged, await pagefindVersion(colliding))).toBe(SPORT.length + 1);
    expect((await buildSearchIndex(EDITED, 'en', path.join(root, 'unlent'))).pages).toBe(EDITED.length);
    await cp(path.join(root, 'unlent'), staged, { recursive: true, force: false, errorOnExist: false });
    expect(await pruneFragments(staged, urls(EDITED))).toBe(false);

    const out = path.join(root, 'after-collision');
    expect(await buildSearchIndex(EDITED, 'en', out, { previous: colliding })).toEqual({ pages: EDITED.length, errors: [] });
    expect(await bundleFiles(out)).toEqual(await bundleFiles(clean));
  });

  it('borrows nothing from a bundle another Pagefind version wrote, or from none', async () => {
    const older = path.join(root, 'older');
    await cp(previous, older, { recursive: true });
    const entryFile = path.join(older, 'pagefind-entry.json');
    const entry = JSON.parse(await readFile(entryFile, 'utf8')) as { version: string };
    await writeFile(entryFile, JSON.stringify({ ...entry, version: '0.0.1' }));
    expect(await seedFragments(older, path.join(root, 'from-older'), entry.version)).toBe(0);
    expect(await seedFragments(path.join(root, 'missing'), path.join(root, 'from-missing'), entry.version)).toBe(0);
    expect(await seedFragments(previous, path.join(root, 'from-previous'), entry.version)).toBe(SPORT.length);
  });

  it('finds the pages a bundle lists, and refuses a list that is not the pages indexed', async () => {
    const out = path.join(root, 'listed');
    await cp(clean, out, { recursive: true });
    expect(await pruneFragments(out, urls(EDITED).slice(1))).toBe(false);
    expect(await pruneFragments(out, [...urls(EDITED).slice(1), '/elsewhere/'])).toBe(false);
    expect(await pruneFragments(out, urls(EDITED).reverse())).toBe(true);
    expect(await bundleFiles(out)).toEqual(await bundleFiles(clean));
  });
});

async function pagefindVersion(bundle: string): Promise<string> {
  return (JSON.parse(await readFile(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as { version: string }).version;
}
