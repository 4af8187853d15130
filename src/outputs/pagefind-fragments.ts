/**
 * A shard's unchanged fragments carried into its next bundle. Pagefind writes one fragment per
 * page (its text and metadata, gzipped at the best level), named by a hash of its content, and
 * skips a fragment whose file is already there. So a bundle staged with the previous bundle's
 * fragments hard-linked in (seedFragments) gets only the changed pages' fragments compressed and
 * written: after one edit, one or two of a shard's ~1,300. Alone on this machine, writing a
 * 1,300-page BBC shard took Pagefind 1.1-1.2 s fresh and 0.6-0.8 s lent.
 *
 * Afterwards the fragments the new index does not list are removed (pruneFragments), so the bundle
 * is the one a clean build writes. Pagefind names a fragment by the first 7 hex digits of its hash
 * and checks only that a file of that name exists: a new fragment whose name an old one of other
 * content already had would be skipped, leaving the old content. pruneFragments catches that: the
 * listed fragments must be the shard's pages one to one, by URL. When they are not, or the index
 * cannot be read, the caller indexes the shard again with nothing seeded. Not caught: an edited
 * page's new fragment named as its old one was (one chance in 2^28 an edit), as with Pagefind
 * writing into a folder of its own earlier output.
 */
import { decode } from 'cborg';
import { readFileSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { constants, gunzipSync } from 'node:zlib';
import { leadingJsonString, readHeadSync } from '../file-head.ts';

/** The folder of a bundle's fragments. */
const FRAGMENT_DIR = 'fragment';

/** Bytes of a fragment file read for its URL: the gzip header and enough of the stream for a long URL. */
const FRAGMENT_HEAD = 2048;

/** What Pagefind puts before the content of each gzipped file it writes. */
const PAGEFIND_PREFIX = 'pagefind_dcd';

/**
 * Hard-links every fragment of the bundle `previous` into the bundle folder `target` (made if
 * missing) when Pagefind `version` wrote it; returns how many were linked (0: none to reuse).
 * A fragment whose link fails (another file system) is left for Pagefind to write.
 */
export async function seedFragments(previous: string, target: string, version: string): Promise<number> {
  const entry = await readEntry(previous);
  if (entry === null || entry.version !== version) return 0;
  const names = await readdir(path.join(previous, FRAGMENT_DIR)).catch(() => [] as string[]);
  if (names.length === 0) return 0;
  await mkdir(path.join(target, FRAGMENT_DIR), { recursive: true });
  const fragments = names.filter((name) => name.endsWith('.pf_fragment'));
  // All at once: this thread is busy rendering, and each await would wait for its next turn.
  const made = await Promise.all(
    fragments.map((name) =>
      link(path.join(previous, FRAGMENT_DIR, name), path.join(target, FRAGMENT_DIR, name)).then(
        () => 1,
        () => 0,
      ),
    ),
  );
  const linked = made.reduce((sum: number, one) => sum + one, 0);
  return linked;
}

/**
 * Removes the fragments of `bundle` that its index does not list, and checks that those it lists
 * are the pages at `urls` (the URLs indexed), each once; false when they are not or the index
 * cannot be read (the bundle is then to be indexed again without seeding).
 */
export async function pruneFragments(bundle: string, urls: readonly string[]): Promise<boolean> {
  const listed = await listedFragments(bundle);
  if (listed === null || listed.length !== urls.length) return false;
  const expected = new Set(urls);
  const seen = new Set<string>();
  for (const name of listed) {
    const url = fragmentUrl(path.join(bundle, FRAGMENT_DIR, `${name}.pf_fragment`));
    if (url === null || !expected.has(url) || seen.has(url)) return false;
    seen.add(url);
  }
  const keep = new Set(listed.map((name) => `${name}.pf_fragment`));
  for (const name of await readdir(path.join(bundle, FRAGMENT_DIR))) {
    if (!keep.has(name)) await rm(path.join(bundle, FRAGMENT_DIR, name), { force: true });
  }
  return true;
}

/** pagefind-entry.json's version and the hash naming each language's index, or null. */
async function readEntry(bundle: string): Promise<{ version: string; hashes: string[] } | null> {
  try {
    const entry = JSON.parse(await readFile(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as { version?: unknown; languages?: Record<string, { hash?: unknown }> };
    const hashes = Object.values(entry.languages ?? {}).map((language) => language.hash);
    if (typeof entry.version !== 'string' || !hashes.every((hash): hash is string => typeof hash === 'string' && /^[\w-]+$/.test(hash))) return null;
    return { version: entry.version, hashes };
  } catch {
    return null;
  }
}

/**
 * The fragment names the bundle's index lists, one per page in page order, from each language's
 * metadata file (gzipped CBOR: [version, pages [[fragment, word count, ...]], ...]); null when
 * it cannot be read as that.
 */
async function listedFragments(bundle: string): Promise<string[] | null> {
  const entry = await readEntry(bundle);
  if (entry === null) return null;
  const names: string[] = [];
  for (const hash of entry.hashes) {
    const meta = readPagefindFile(path.join(bundle, `pagefind.${hash}.pf_meta`));
    let decoded: unknown;
    try {
      decoded = meta === null ? null : decode(meta);
    } catch {
      return null;
    }
    const pages = Array.isArray(decoded) ? (decoded[1] as unknown) : null;
    if (!Array.isArray(pages)) return null;
    for (const page of pages) {
      const name = Array.isArray(page) ? (page[0] as unknown) : null;
      if (typeof name !== 'string' || !/^[\w-]+$/.test(name)) return null;
      names.push(name);
    }
  }
  return names;
}

/**
 * The URL a fragment file is of, or null when it cannot be read as one. Read from the file's head
 * only, synchronously: the URL is the fragment's first field, and a thousand small reads each
 * awaiting a turn of this busy thread took longer than the writing they check (0.3-0.6 s at 5x).
 */
function fragmentUrl(file: string): string | null {
  const fragment = readPagefindFile(file, FRAGMENT_HEAD);
  return fragment === null ? null : leadingJsonString(fragment.toString('utf8'), 'url');
}

/**
 * A file Pagefind gzipped, unzipped and without its prefix, or only what its first `bytes` bytes
 * unzip to; null when missing or not one.
 */
function readPagefindFile(file: string, bytes?: number): Buffer | null {
  try {
    const data = bytes === undefined ? gunzipSync(readFileSync(file)) : gunzipSync(readHeadSync(file, bytes), { finishFlush: constants.Z_SYNC_FLUSH });
    return data.subarray(0, PAGEFIND_PREFIX.length).toString('latin1') === PAGEFIND_PREFIX ? data.subarray(PAGEFIND_PREFIX.length) : null;
  } catch {
    return null;
  }
}
