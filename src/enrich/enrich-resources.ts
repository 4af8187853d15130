/** The word lists and data files the enricher reads, loaded once per process (the only I/O of the enrich stage). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Country } from 'world-countries';
import { BroadsheetError } from '../errors.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { buildGazetteer, type Gazetteer, type PlacesData } from './gazetteer.ts';
import { compileSubjectTaxonomy, type SubjectTaxonomy } from './subject-taxonomy.ts';

/** Everything enrichment looks words up in. Plain data: tests may build their own. */
export interface EnrichResources {
  /** Lower-case English words (an-array-of-english-words): a capitalised common word is not a name by itself. */
  readonly lexicon: ReadonlySet<string>;
  /** Given and family names as written (@cspell/dict-people-names), months and weekdays taken out. */
  readonly personNames: ReadonlySet<string>;
  /** Countries, capitals, regions, seats of government. */
  readonly gazetteer: Gazetteer;
  /** IPTC subjects and their keywords. */
  readonly taxonomy: SubjectTaxonomy;
}

/** The project's data folder: subjects.json and places.json, files users can edit. */
export const DATA_DIR = path.join(PACKAGE_ROOT, 'data');

let cached: EnrichResources | undefined;

/** Loads the default resources on first use and keeps them. Throws BroadsheetError for a broken data file. */
export function defaultEnrichResources(): EnrichResources {
  cached ??= loadEnrichResources(DATA_DIR);
  return cached;
}

/**
 * Lets go of the default resources (the next defaultEnrichResources() loads them again). A build
 * calls it once parsing is done: the word lists take ~40 MB per thread, and render needs none of them.
 */
export function releaseEnrichResources(): void {
  cached = undefined;
}

/** Loads the resources with the data files of `dataDir`. */
export function loadEnrichResources(dataDir: string): EnrichResources {
  const require = createRequire(import.meta.url);
  // Both packages are JSON files: read, not required, so the require cache keeps no copy once the resources are released.
  const words = readJson(require.resolve('an-array-of-english-words')) as string[];
  const countries = readJson(require.resolve('world-countries/countries.json')) as Country[];
  const namesFile = path.join(path.dirname(require.resolve('@cspell/dict-people-names/cspell-ext.json')), 'dict', 'people-names.txt');
  const calendarWords = new Set(calendarNames());
  const personNames = new Set(
    readFileSync(namesFile, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#') && !calendarWords.has(l)),
  );
  const placesFile = path.join(dataDir, 'places.json');
  const subjectsFile = path.join(dataDir, 'subjects.json');
  return {
    lexicon: new Set(words),
    personNames,
    gazetteer: buildGazetteer(countries, readJson(placesFile) as PlacesData, displayName(placesFile)),
    taxonomy: compileSubjectTaxonomy(readJson(subjectsFile), displayName(subjectsFile)),
  };
}

/** Month and weekday names in English, from the platform's locale data rather than a typed list. */
export function calendarNames(): string[] {
  const months = Array.from({ length: 12 }, (_, m) => new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, m, 1)));
  // 2024-01-01 was a Monday.
  const days = Array.from({ length: 7 }, (_, d) => new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + d)));
  return [...months, ...days];
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new BroadsheetError(`cannot read the data file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { file: displayName(file), cause: error });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BroadsheetError(`not valid JSON: ${(error as Error).message}`, { file: displayName(file), cause: error });
  }
}

function displayName(file: string): string {
  return path.relative(process.cwd(), file) || file;
}
