/**
 * Broadsheet's own folder (package.json, src/, data/, package-lock.json), found from this module's
 * place: src/ when run from source, or a compiled copy of it elsewhere (see bin/compiled-cli.js),
 * whose depth under the folder differs.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's name in its package.json, which marks its folder. */
const PACKAGE_NAME = 'broadsheet';

/** The nearest folder above this module whose package.json names Broadsheet. */
function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json named "${PACKAGE_NAME}" above ${from}`);
  }
}

/** Broadsheet's own folder, absolute. */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

/** Broadsheet's version, from its package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
