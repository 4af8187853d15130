/** Real text for parser tests: the project's seeds and the BBC corpus beside the project. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, resolved from this file's location. */
export const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The BBC corpus (read-only), at ../shared/corpora/bbc from the project root. */
export const BBC_DIR = path.resolve(PROJECT_DIR, '../shared/corpora/bbc');

/** A seed's text as the loader hands it to the parser (UTF-8, LF line endings). */
export function seedText(name: string): string {
  return readFileSync(path.join(PROJECT_DIR, 'seeds', name), 'utf8').replace(/\r\n?/g, '\n');
}

/** The project's seed file names ("001_63d6e588ad32ed8a.txt"), sorted. */
export function seedFiles(): string[] {
  return readdirSync(path.join(PROJECT_DIR, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
}

/** A BBC article's text by its path in the corpus ("business/xyz.txt"). */
export function bbcText(relativePath: string): string {
  return readFileSync(path.join(BBC_DIR, relativePath), 'utf8').replace(/\r\n?/g, '\n');
}

/** Every BBC article's path in the corpus ("business/xyz.txt"), sorted. */
export function bbcFiles(): string[] {
  return readdirSync(BBC_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(path.join(BBC_DIR, d.name)).filter((f) => f.endsWith('.txt')).map((f) => `${d.name}/${f}`))
    .sort();
}

/** 30 January 2024 in the forms people paste (issue 3's list), for the date tests. */
export const DATE_FORMS: readonly string[] = [
  '2024-01-30',
  'January 30, 2024',
  '30 January 2024',
  'Jan. 30, 2024',
  '30-JAN-2024 15:01:01',
  'Tue, 30 Jan 2024 15:01:01 +0000',
  '2024-01-30T10:15:00+03:00',
  '30.01.2024',
];
