/** Place names: every country, its official name, spellings, demonyms and capitals (world-countries), plus data/places.json. */
import type { Country } from 'world-countries';
import { BroadsheetError } from '../errors.ts';

/** What a place name refers to. */
export interface Place {
  /** Canonical display name ("United States", "Tehran", "Middle East"). */
  readonly name: string;
  /** A country, a capital city, a region, or a seat of government (which is an organisation). */
  readonly kind: 'country' | 'capital' | 'region' | 'seat';
  /** Common name of the country it is in (itself for a country), or null for regions across borders. */
  readonly country: string | null;
}

/** Place names by their lower-case written form, up to MAX_PLACE_WORDS words; short capitals as `=US`. */
export interface Gazetteer {
  readonly byName: ReadonlyMap<string, Place>;
}

/** The place a written name refers to, if any: short capitals must match exactly, the rest ignoring case. */
export function lookupPlace(gazetteer: Gazetteer, written: string): Place | undefined {
  return lookupPlaceLower(gazetteer, written, written.toLowerCase());
}

/** lookupPlace for a word whose lower-case form is at hand (a token's `lower`): no case conversion, and no new string to hash, per look-up. */
export function lookupPlaceLower(gazetteer: Gazetteer, written: string, lower: string): Place | undefined {
  // Most look-ups are of longer words: skip the exact-capitals form without a regular expression.
  if (written.length > 5) return gazetteer.byName.get(lower);
  return shortCapitalsOf(gazetteer).get(written) ?? (SHORT_CAPITALS.test(written) ? undefined : gazetteer.byName.get(lower));
}

/** The exact-capitals names (`=US` keys) by their written form, per gazetteer: a small map, and no key string built per look-up. */
const shortCapitals = new WeakMap<Gazetteer, ReadonlyMap<string, Place>>();

function shortCapitalsOf(gazetteer: Gazetteer): ReadonlyMap<string, Place> {
  let found = shortCapitals.get(gazetteer);
  if (found === undefined) {
    const map = new Map<string, Place>();
    for (const [key, place] of gazetteer.byName) if (key.startsWith('=')) map.set(key.slice(1), place);
    shortCapitals.set(gazetteer, (found = map));
  }
  return found;
}

const SHORT_CAPITALS = /^[\p{Lu}.]{2,5}$/u;

/** Lower-case word sequences that some longer place name goes on from ("united", "united states"), per gazetteer. */
const continuations = new WeakMap<Gazetteer, ReadonlySet<string>>();

/**
 * Whether a place name of more words starts with `written` and a space ("United" → "United States"):
 * when none does, looking up longer names from here is pointless. A small set, so much cheaper than
 * the look-ups it saves.
 */
export function mayContinuePlace(gazetteer: Gazetteer, written: string): boolean {
  return mayContinuePlaceLower(gazetteer, written.toLowerCase());
}

/** mayContinuePlace for a name already in lower case (a token's `lower`). */
export function mayContinuePlaceLower(gazetteer: Gazetteer, lower: string): boolean {
  let starts = continuations.get(gazetteer);
  if (starts === undefined) {
    const found = new Set<string>();
    for (const key of gazetteer.byName.keys()) {
      // Short capitals ("=US") are single words; every other key is lower case as looked up.
      if (key.startsWith('=')) continue;
      for (let space = key.indexOf(' '); space >= 0; space = key.indexOf(' ', space + 1)) found.add(key.slice(0, space));
    }
    continuations.set(gazetteer, (starts = found));
  }
  return starts.has(lower);
}

/** The longest place name, in words, looked up in running text. */
export const MAX_PLACE_WORDS = 4;

/** The shape of data/places.json. */
export interface PlacesData {
  readonly aliases: Readonly<Record<string, string>>;
  readonly regions: Readonly<Record<string, string | null>>;
  readonly seats: Readonly<Record<string, string>>;
}

/** Builds the gazetteer. Throws BroadsheetError when places.json names a country world-countries does not know. */
export function buildGazetteer(countries: readonly Country[], data: PlacesData, file = 'data/places.json'): Gazetteer {
  const byName = new Map<string, Place>();
  // First writer wins: common names and demonyms before rarer spellings, so a capital never shadows a country.
  const add = (written: string, place: Place): void => {
    const trimmed = written.trim();
    // Short names in capitals ("US", "UK") match only as written, never the word "us".
    const key = /^[\p{Lu}.]{2,5}$/u.test(trimmed) ? `=${trimmed}` : trimmed.toLowerCase();
    if (key === '' || key.split(/\s+/).length > MAX_PLACE_WORDS || byName.has(key)) return;
    byName.set(key, place);
  };
  const countryByName = new Map<string, Place>();
  // Sovereign states first, so a demonym shared with a territory ("French") names the state.
  countries = [...countries].sort((a, b) => Number(b.unMember) - Number(a.unMember));
  for (const c of countries) {
    const place: Place = { name: c.name.common, kind: 'country', country: c.name.common };
    countryByName.set(c.name.common, place);
    add(c.name.common, place);
    for (const demonym of new Set([c.demonyms?.['eng']?.m ?? '', c.demonyms?.['eng']?.f ?? ''])) {
      add(demonym, place);
      // The plural names the people ("Americans", "Iranians"); "British", "Chinese" have none.
      if (/[^s]$/.test(demonym) && !/(ese|ish|ch)$/.test(demonym)) add(`${demonym}s`, place);
    }
  }
  for (const c of countries) {
    const place = countryByName.get(c.name.common);
    if (place === undefined) continue;
    add(c.name.official, place);
    // Two-letter codes ("IT", "IN", "NO") are ordinary words in capitals; only longer spellings are names.
    for (const spelling of c.altSpellings) if (spelling.length > 3 || (spelling.length === 3 && /^\p{Lu}+$/u.test(spelling))) add(spelling, place);
  }
  const capitals = new Map<string, Place>();
  for (const c of countries) {
    for (const capital of c.capital) {
      const place: Place = { name: capital, kind: 'capital', country: c.name.common };
      capitals.set(capital, place);
      add(capital, place);
    }
  }
  const known = (name: string, what: string): Place => {
    const place = countryByName.get(name) ?? capitals.get(name);
    if (place === undefined) throw new BroadsheetError(`${what}: "${name}" is not a country or capital in world-countries; use its common name (e.g. "United States")`, { file });
    return place;
  };
  for (const [alias, target] of Object.entries(data.aliases)) add(alias, known(target, `alias "${alias}"`));
  for (const [region, country] of Object.entries(data.regions)) {
    add(region, { name: region, kind: 'region', country: country === null ? null : known(country, `region "${region}"`).name });
  }
  for (const [seat, country] of Object.entries(data.seats)) add(seat, { name: seat, kind: 'seat', country: known(country, `seat "${seat}"`).name });
  // Dotted abbreviations ("U.S.", "U.K.") are how many outlets write the short forms.
  for (const [key, place] of [...byName]) if (/^=\p{Lu}{2,3}$/u.test(key) && place.kind === 'country') add(`${key.slice(1).split('').join('.')}.`, place);
  return { byName };
}
