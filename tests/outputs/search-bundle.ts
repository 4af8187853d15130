/** Reading a built Pagefind bundle, and a sink that stages into a folder, for the search tests. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import fg from 'fast-glob';
import type { StagingSink } from '../../src/outputs/write-reader-outputs.ts';

/** One article's record in a bundle, as Pagefind stores it. */
export interface Fragment {
  readonly url: string;
  readonly content: string;
  readonly filters: Record<string, string[]>;
  readonly meta: Record<string, string>;
}

/** Every record of the bundle in `bundleDir` (fragments are gzipped JSON behind a "pagefind_dcd" signature). */
export async function bundleFragments(bundleDir: string): Promise<Fragment[]> {
  const files = await fg('fragment/*.pf_fragment', { cwd: bundleDir });
  return Promise.all(files.map(async (f) => JSON.parse(gunzipSync(await readFile(path.join(bundleDir, f))).toString('utf8').replace(/^pagefind_dcd/, '')) as Fragment));
}

/** The URLs the bundle in `bundleDir` indexed, sorted. */
export async function indexedUrls(bundleDir: string): Promise<string[]> {
  return (await bundleFragments(bundleDir)).map((f) => f.url).sort();
}

/** A sink writing into a folder, as the build's SiteWriter stages files. */
export function folderSink(root: string): StagingSink {
  return {
    resolve: (relativePath) => path.join(root, relativePath),
    write: async (relativePath, contents) => {
      await mkdir(path.dirname(path.join(root, relativePath)), { recursive: true });
      await writeFile(path.join(root, relativePath), contents);
    },
  };
}
