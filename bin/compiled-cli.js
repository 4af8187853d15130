/**
 * The CLI compiled from src/ to JavaScript, once for each version of the source. Run from source,
 * every thread of a build (the main one and each worker) loads ~110 TypeScript modules through
 * tsx's loader, which answers each import from a thread of its own: at 5x, a one-article rebuild
 * spent ~1.7 s of CPU in those loader threads and ~70 MiB more at its peak. Compiled, a thread
 * loads a few bundled files with no loader.
 *
 * esbuild (already installed: tsx compiles with it) bundles src/cli.ts and the two worker modules
 * into one flat folder, node_modules/.cache/broadsheet/cli-<hash>/, named by a hash of every file
 * of src/, tsconfig.json, esbuild's version and this file: an edit to the source compiles a new
 * folder (~0.1 s) on the next run. Packages stay imports, resolved from node_modules as before.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Broadsheet's own folder: this file is in its bin/. */
const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** The modules a thread starts from: the CLI, and each worker's (see siblingModule in src/pool/worker-pool.ts). */
const ENTRY_POINTS = ['cli.ts', 'pool/build-worker.ts', 'pool/term-count-worker.ts'];

/** A compiled folder unused this long is removed by the next compile. */
const UNUSED_DAYS = 7;

/**
 * The URL of the compiled CLI module for the source as it is now, compiled first if needed. Throws
 * when it cannot be (esbuild missing, a folder that cannot be written): the caller runs src/.
 * `cacheDir` holds the compiled folders (tests give their own).
 */
export async function compiledCli({ root = ROOT, cacheDir = path.join(root, 'node_modules', '.cache', 'broadsheet') } = {}) {
  const loaded = await import(pathToFileURL(createRequire(path.join(root, 'package.json')).resolve('esbuild')).href);
  const esbuild = loaded.default ?? loaded;
  const dir = path.join(cacheDir, `cli-${sourceHash(root, esbuild.version)}`);
  const cli = path.join(dir, 'cli.js');
  if (isFile(cli)) {
    // Marks the folder used, for the clean-up below.
    const now = new Date();
    utimesSync(dir, now, now);
  } else {
    mkdirSync(cacheDir, { recursive: true });
    await compile(esbuild, root, dir);
    removeUnused(cacheDir, dir);
  }
  return pathToFileURL(cli);
}

/** A hash of everything the compiled code is made from: each file of src/ by path and bytes, tsconfig.json, and the compiler (esbuild and this file). */
function sourceHash(root, esbuildVersion) {
  const hash = createHash('sha256').update(`esbuild ${esbuildVersion}\0`).update(readFileSync(fileURLToPath(import.meta.url))).update('\0');
  const src = path.join(root, 'src');
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(src, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(path.join(src, file))).update('\0');
  hash.update(readFileSync(path.join(root, 'tsconfig.json')));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Bundles the entry points into `dir`, flat (each worker module beside the code that starts it),
 * by way of a temporary folder renamed into place: a build killed half-way leaves no half folder,
 * and of two processes compiling at once the first rename wins and the other's copy is dropped.
 */
async function compile(esbuild, root, dir) {
  const staging = `${dir}.tmp-${process.pid}-${Date.now()}`;
  try {
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: ENTRY_POINTS.map((entry) => path.join(root, 'src', entry)),
      outdir: staging,
      entryNames: '[name]',
      chunkNames: 'chunk-[hash]',
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
    });
    try {
      renameSync(staging, dir);
    } catch (error) {
      if (!isFile(path.join(dir, 'cli.js'))) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Removes the compiled folders but `current` that no run has used for UNUSED_DAYS, and any a
 * killed compile left. Best effort: another run may be removing the same folder, and the compiled
 * CLI is there whatever happens here.
 */
function removeUnused(cacheDir, current) {
  const cutoff = Date.now() - UNUSED_DAYS * 24 * 3600 * 1000;
  let names;
  try {
    names = readdirSync(cacheDir);
  } catch {
    return;
  }
  for (const name of names) {
    const dir = path.join(cacheDir, name);
    if (dir === current || !name.startsWith('cli-')) continue;
    const stale = name.includes('.tmp-') ? Date.now() - 3600 * 1000 : cutoff;
    try {
      if (statSync(dir).mtimeMs < stale) rmSync(dir, { recursive: true, force: true });
    } catch {
      // Gone already, or not ours to remove: left as it is.
    }
  }
}

function isFile(file) {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
