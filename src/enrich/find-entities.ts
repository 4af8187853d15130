/** Finding people, places and organisations in tokenised text, each under one canonical name. */
import type { Entity } from '../content/article.ts';
import { slugify } from '../text/slugify.ts';
import { calendarNames, type EnrichResources } from './enrich-resources.ts';
import { lookupPlace, lookupPlaceLower, MAX_PLACE_WORDS, mayContinuePlace, mayContinuePlaceLower, type Gazetteer, type Place } from './gazetteer.ts';
import { COMMON_ABBREVIATIONS, FUNCTION_WORDS, HONORIFICS, NAME_JOINERS, NON_PERSON_ENDS, ORGANISATION_HEADS, PLACE_NAME_STARTS, ROLE_MODIFIERS, ROLE_WORDS } from './entity-words.ts';
import type { Token } from './tokenize.ts';

/** How prominent a country is in one article, for choosing its topics. */
export interface CountryWeight {
  /** Common name ("United States"). */
  readonly name: string;
  /** Mentions of the country, its demonym, its capital, regions in it and its seats of government. */
  readonly mentions: number;
  /** Named in the title or the first paragraph. */
  readonly early: boolean;
}

/** Entities found in one article. */
export interface FoundEntities {
  readonly people: Entity[];
  readonly places: Entity[];
  readonly organizations: Entity[];
  /** Countries, most prominent first. */
  readonly countries: CountryWeight[];
}

/** The text an article's entities are found in: the title, then paragraphs (the first is the lede). */
export interface EntityText {
  readonly title: readonly Token[];
  readonly paragraphs: ReadonlyArray<readonly Token[]>;
}

/** Months and weekdays are never part of a name ("Last Saturday"). */
const CALENDAR_WORDS: ReadonlySet<string> = new Set(calendarNames());

/** Longest run of capitalised words read as one person's name. */
const MAX_PERSON_WORDS = 4;

/** Acronyms longer than this are more likely shouted words than organisations. */
const MAX_ACRONYM_LETTERS = 6;

/** One entity's count. People, places and organisations share one shape (compiled code then sees one object layout). */
interface Tally {
  name: string;
  mentions: number;
  first: number;
  role: string | null;
  /** A person's name words; null for places and organisations. */
  readonly words: readonly string[] | null;
  /** What a place name refers to; null for people and organisations. */
  readonly place: Place | null;
}

interface PersonTally extends Tally {
  readonly words: readonly string[];
}

function newTally<T extends Tally = Tally>(name: string, first: number, words: readonly string[] | null = null, place: Place | null = null): T {
  return { name, mentions: 0, first, role: null, words, place } as T;
}

/**
 * People, places and organisations named in the text. Precision over recall: a capitalised word
 * becomes a person only with a role or honorific before it, a known given name, or when none of its
 * words is an English word; a lone surname only counts when the article names the person in full
 * or gives a title. The title contributes places and mentions of entities the body introduced. Pure.
 */
export function findEntities(text: EntityText, resources: EnrichResources): FoundEntities {
  const f: Finding = {
    lexicon: resources.lexicon,
    personNames: resources.personNames,
    gazetteer: resources.gazetteer,
    order: 0,
    people: new Map(),
    singles: [],
    places: new Map(),
    organizations: new Map(),
    acronyms: new Map(),
    aliases: new Map(),
    countries: new Map(),
    wordPlaces: new Map(),
  };
  for (let index = 0; index < text.paragraphs.length; index++) scan(f, text.paragraphs[index]!, false, index === 0);
  scan(f, text.title, true, true);

  return {
    people: resolvePeople(f.people, f.singles),
    places: byProminence([...f.places.values()]),
    organizations: resolveOrganizations(f.organizations, f.acronyms, f.aliases),
    countries: countryWeights(f.countries).sort((a, b) => b.mentions - a.mentions || Number(b.early) - Number(a.early) || (a.name < b.name ? -1 : 1)),
  };
}

/** The countries' weights, in a list built by push (see the body list in enrichArticle). */
function countryWeights(countries: ReadonlyMap<string, { mentions: number; early: boolean }>): CountryWeight[] {
  const weights: CountryWeight[] = [];
  for (const [name, c] of countries) weights.push({ name, mentions: c.mentions, early: c.early });
  return weights;
}

/** A lone capitalised word, kept until the whole article is read (it may be a surname named in full elsewhere). */
interface Single {
  readonly word: string;
  readonly role: string | null;
  readonly titled: boolean;
  readonly order: number;
}

/**
 * What one findEntities call has found so far. The steps below are module functions taking it,
 * not closures made anew for every article: each closure cost a naming call (tsx keeps names)
 * and made compiled callers see a new function per article, which deoptimised them.
 */
interface Finding {
  readonly lexicon: ReadonlySet<string>;
  readonly personNames: ReadonlySet<string>;
  readonly gazetteer: Gazetteer;
  /** Order of first mention, shared by every kind of entity. */
  order: number;
  readonly people: Map<string, PersonTally>;
  readonly singles: Single[];
  readonly places: Map<string, Tally>;
  readonly organizations: Map<string, Tally>;
  readonly acronyms: Map<string, { mentions: number; defined: boolean; first: number }>;
  readonly aliases: Map<string, string>;
  readonly countries: Map<string, { mentions: number; early: boolean }>;
  /** One word is asked about several times per run (whole run, name, each name word): its place, per token. */
  readonly wordPlaces: Map<Token, Place | null>;
}

/** One more mention of the place or organisation `name`, tallied on first sight. */
function tally(f: Finding, map: Map<string, Tally>, name: string, place: Place | null = null): Tally {
  let entry = map.get(name);
  if (entry === undefined) map.set(name, (entry = newTally(name, f.order++, null, place)));
  entry.mentions += 1;
  return entry;
}

function addPlace(f: Finding, place: Place, early: boolean): void {
  // Both maps read on every call: a branch reading one of them only for the first seat of
  // government ("Downing Street") would be code compiled without feedback, and deoptimise its caller.
  const { organizations, places } = f;
  tally(f, place.kind === 'seat' ? organizations : places, place.name, place);
  if (place.country !== null) {
    const c = f.countries.get(place.country) ?? { mentions: 0, early: false };
    c.mentions += 1;
    c.early ||= early;
    f.countries.set(place.country, c);
  }
}

/** The tokens' words joined by spaces, as written. */
function words(tokens: readonly Token[]): string {
  let joined = tokens[0]?.text ?? '';
  for (let k = 1; k < tokens.length; k++) joined += ` ${tokens[k]!.text}`;
  return joined;
}

function placeOfWord(f: Finding, token: Token): Place | undefined {
  let place = f.wordPlaces.get(token);
  if (place === undefined) f.wordPlaces.set(token, (place = lookupPlaceLower(f.gazetteer, token.text, token.lower) ?? null));
  return place ?? undefined;
}

/** The place a run of words names. No place name has more than MAX_PLACE_WORDS words, and a longer one must go on from its first word. */
function placeOf(f: Finding, tokens: readonly Token[]): Place | undefined {
  return tokens.length === 1 ? placeOfWord(f, tokens[0]!)
    : tokens.length === 0 || tokens.length > MAX_PLACE_WORDS || !mayContinuePlaceLower(f.gazetteer, tokens[0]!.lower) ? undefined
    : lookupPlace(f.gazetteer, words(tokens));
}

/** Places anywhere in a span of words, longest names first. */
function scanPlaces(f: Finding, tokens: readonly Token[], early: boolean): void {
  for (let i = 0; i < tokens.length; ) {
    // Names starting here, one word longer each time; the longest that is a place wins.
    let name = '';
    let matched = 0;
    let found: Place | undefined;
    for (let n = 1; n <= MAX_PLACE_WORDS && i + n <= tokens.length; n++) {
      // The first word's answers from its token (its place remembered, its lower case at hand); longer names joined and looked up.
      name = n === 1 ? tokens[i]!.text : `${name} ${tokens[i + n - 1]!.text}`;
      const place = n === 1 ? placeOfWord(f, tokens[i]!) : lookupPlace(f.gazetteer, name);
      if (place !== undefined) {
        found = place;
        matched = n;
      }
      if (!(n === 1 ? mayContinuePlaceLower(f.gazetteer, tokens[i]!.lower) : mayContinuePlace(f.gazetteer, name))) break;
    }
    if (found !== undefined) addPlace(f, found, early);
    i += Math.max(1, matched);
  }
}

function isCommonWord(f: Finding, t: Token): boolean {
  return f.lexicon.has(t.lower) && !f.personNames.has(t.text);
}

function startsWithWord(f: Finding, run: readonly Token[]): boolean {
  const [first, second] = run as [Token, Token];
  if (FUNCTION_WORDS.has(first.lower)) return true;
  if (!f.lexicon.has(first.lower) || ROLE_WORDS.has(first.lower) || ROLE_MODIFIERS.has(first.lower) || placeOfWord(f, first) !== undefined) return false;
  return !(f.personNames.has(first.text) && !f.lexicon.has(second.lower));
}

function isAcronym(t: Token): boolean {
  return t.allCaps && !t.text.includes('.') && t.text.replace(/[^\p{L}]/gu, '').length <= MAX_ACRONYM_LETTERS && !COMMON_ABBREVIATIONS.has(t.text);
}

/** The names list holds many English words ("New", "Green"), so a name needs one word that is no English word. */
function isNameWord(f: Finding, t: Token): boolean {
  return f.personNames.has(t.text) || !f.lexicon.has(t.lower);
}

// Small loops rather than every/some/filter with arrow functions: compiled, each of those is a
// builtin inlined with its callback, and compiling handleRun was the largest single cost of a first pass.

/** Shouted text ("MAKE A DEAL"): every word in capitals or a single capital letter. */
function isShouted(run: readonly Token[]): boolean {
  for (const t of run) if (!(t.allCaps || (t.text.length === 1 && t.capitalised))) return false;
  return true;
}

/** A title or honorific among the words ("minister", "Mr"). */
function hasTitle(tokens: readonly Token[]): boolean {
  for (const t of tokens) if (ROLE_WORDS.has(t.lower) || HONORIFICS.has(t.lower)) return true;
  return false;
}

function onlyHonorifics(tokens: readonly Token[]): boolean {
  for (const t of tokens) if (!HONORIFICS.has(t.lower)) return false;
  return true;
}

function hasOrganisationHead(tokens: readonly Token[], start = 0, end = tokens.length): boolean {
  for (let k = start; k < end; k++) if (ORGANISATION_HEADS.has(tokens[k]!.text)) return true;
  return false;
}

/** Every word could be part of a person's name: no acronym, calendar word or title; a lower-case letter, a final dot or an inner initial. */
function nameWordsFit(name: readonly Token[]): boolean {
  for (let k = 0; k < name.length; k++) {
    const t = name[k]!;
    const shaped = /\p{Ll}|\.$/u.test(t.text) || (t.text.length === 1 && k > 0 && k < name.length - 1);
    if (!(!isAcronym(t) && shaped && !/^I['’]/u.test(t.text) && !CALENDAR_WORDS.has(t.text) && !ROLE_WORDS.has(t.lower) && !HONORIFICS.has(t.lower))) return false;
  }
  return true;
}

function allNameWords(f: Finding, name: readonly Token[]): boolean {
  for (const t of name) if (!isNameWord(f, t)) return false;
  return true;
}

/** One of the words is no English word. */
function hasNonWord(f: Finding, name: readonly Token[]): boolean {
  for (const t of name) if (!f.lexicon.has(t.lower)) return true;
  return false;
}

function noPlaceWord(f: Finding, name: readonly Token[]): boolean {
  for (const t of name) if (placeOfWord(f, t) !== undefined) return false;
  return true;
}

function scan(f: Finding, tokens: readonly Token[], title: boolean, early: boolean): void {
  const runs = nameRuns(f, tokens, early);
  for (let r = 0; r < runs.length; r += 2) handleRun(f, tokens, runs[r]!, runs[r + 1]!, title, early);
}

function handleRun(f: Finding, all: readonly Token[], start: number, end: number, title: boolean, early: boolean): void {
  let run = all.slice(start, end);
  // Shouted text ("MAKE A DEAL") is emphasis, not names.
  if (run.length >= 2 && isShouted(run)) return;
  // A lone function word starting a sentence ("The", "But") is never a name: the commonest run, so leave early.
  if (run.length === 1 && run[0]!.sentenceStart && FUNCTION_WORDS.has(run[0]!.lower)) return;
  // A capital at a sentence start says nothing: drop a leading English word ("The Kremlin", "In
  // November") unless it is a given name before a word that is no English word ("Tony Blair").
  while (run.length > 1 && run[0]!.sentenceStart && startsWithWord(f, run)) run = run.slice(1);
  let place = placeOf(f, run);
  if (place === undefined) {
    if (title) {
      // Headlines capitalise freely: take only places, and names the body introduced.
      if (run.length === 1) f.singles.push({ word: run[0]!.text, role: null, titled: false, order: f.order++ });
      else scanPlaces(f, run, early);
      return;
    }
    place = nameInRun(f, all, start, end, run, early);
  }
  // One call for a whole run that is a place and for a place named after a role: a call first made
  // after compiling (the rarer second kind) would deoptimise the function making it.
  if (place !== undefined) addPlace(f, place, early);
}

/**
 * The role, organisation, place or person a body run names (`run`: the words of all[start, end) left
 * after the sentence-start rule). Apart from handleRun: the common early exits stay in a small
 * function that compiles cheaply, and this one's rarer paths, when first met, recompile only it.
 */
function nameInRun(f: Finding, all: readonly Token[], start: number, end: number, run: readonly Token[], early: boolean): Place | undefined {
  // Role inside the run ("Russian Foreign Minister Sergey Lavrov"): up to the last title word.
  let split = -1;
  for (let i = run.length - 2; i >= 0 && split < 0; i--) if (ROLE_WORDS.has(run[i]!.lower) || HONORIFICS.has(run[i]!.lower)) split = i;
  let roleTokens = run.slice(0, split + 1);
  let name = run.slice(split + 1);
  // Role before the run in lower case ("Kremlin spokesman Dmitry Peskov").
  if (split < 0) roleTokens = roleBefore(all, start);
  // "Archbishop of Cardiff": what follows "of" after a title is part of the title, unless a full name follows.
  let joined = false;
  while (roleTokens.length > 0 && name.length > 0 && !name[0]!.capitalised && NAME_JOINERS.has(name[0]!.lower)) {
    roleTokens = [...roleTokens, name[0]!];
    name = name.slice(1);
    joined = true;
  }
  if (joined && name.length < 3) {
    roleTokens = [...roleTokens, ...name];
    name = [];
  }
  // Words between a title and a name belong to the title ("Secretary of State Condoleezza Rice").
  // Counted, then moved in one step taken every time, and counted by a loop whose step runs at least
  // once: code first run after compiling (a loop body, a branch) deoptimised this function.
  let moved = -1;
  do moved += 1;
  while (roleTokens.length > 0 && name.length - moved > 2 && (isCommonWord(f, name[moved]!) || placeOfWord(f, name[moved]!) !== undefined));
  roleTokens = roleTokens.concat(name.slice(0, moved));
  name = name.slice(moved);
  const titled = hasTitle(roleTokens);
  const roleWords: Token[] = [];
  for (const t of roleTokens) if (!(t.sentenceStart && isCommonWord(f, t) && !ROLE_WORDS.has(t.lower) && !ROLE_MODIFIERS.has(t.lower))) roleWords.push(t);
  const role = roleWords.length === 0 || onlyHonorifics(roleWords) ? null : words(roleWords);
  if (roleTokens.length > 0) {
    scanPlaces(f, roleTokens, early);
    // An organisation inside a role ("Bank of England Governor").
    let orgEnd = roleTokens.length;
    while (orgEnd > 0 && (ROLE_WORDS.has(roleTokens[orgEnd - 1]!.lower) || ROLE_MODIFIERS.has(roleTokens[orgEnd - 1]!.lower))) orgEnd--;
    const org = roleTokens.slice(0, orgEnd);
    if (org.length >= 2 && hasOrganisationHead(org)) tally(f, f.organizations, words(org));
  }
  return name.length > 0 ? nameAfterRole(f, all, end, name, role, titled, early) : undefined;
}

/**
 * What the name part of a run is (organisation, place, acronym, lone word or person), once its role
 * is taken off; a place is returned for the caller to add. Apart from nameInRun so that each, when compiled code first meets one of its rarer
 * branches, is recompiled alone: a first pass met several such branches in the joined function.
 */
function nameAfterRole(f: Finding, all: readonly Token[], end: number, run: readonly Token[], role: string | null, titled: boolean, early: boolean): Place | undefined {
  const { lexicon, personNames } = f;
  const calendar = CALENDAR_WORDS;
  let name = run;
  if (hasOrganisationHead(name)) {
    // Leading joiners counted, then cut in a step taken every time (see the role words in nameInRun).
    let from = -1;
    do from += 1;
    while (name.length - from > 1 && NAME_JOINERS.has(name[from]!.lower));
    name = name.slice(from);
    if (name.length >= 2) {
      const org = words(name);
      tally(f, f.organizations, org);
      const next = all[end];
      if (next !== undefined && next.bracketed && isAcronym(next)) f.aliases.set(next.text, org);
    }
    return;
  }
  const namePlace = placeOf(f, name);
  if (namePlace !== undefined) return namePlace;

  if (name.length === 1) {
    const word = name[0]!;
    if (isAcronym(word)) {
      const entry = f.acronyms.get(word.text) ?? { mentions: 0, defined: false, first: f.order++ };
      entry.mentions += 1;
      entry.defined ||= word.bracketed;
      f.acronyms.set(word.text, entry);
      return;
    }
    // Only a titled single can stand alone, so the name-list look-ups (large sets) wait for a title.
    const personLike = titled && (personNames.has(word.text) || !lexicon.has(word.lower)) && !ROLE_WORDS.has(word.lower) && !ROLE_MODIFIERS.has(word.lower) && !calendar.has(word.text);
    f.singles.push({ word: word.text, role, titled: personLike, order: f.order++ });
    return;
  }
  const last = name[name.length - 1]!;
  const looksLikePerson =
    name.length <= MAX_PERSON_WORDS &&
    nameWordsFit(name) &&
    !PLACE_NAME_STARTS.has(name[0]!.text) &&
    !NON_PERSON_ENDS.has(last.text) &&
    (titled || (allNameWords(f, name) && hasNonWord(f, name))) &&
    // A surname that is an English word must be a known name too: "Lansdowne Road" is a place.
    (!lexicon.has(last.lower) || personNames.has(last.text)) &&
    noPlaceWord(f, name);
  if (!looksLikePerson) {
    scanPlaces(f, name, early);
    return undefined;
  }
  const full = words(name);
  let person = f.people.get(full);
  if (person === undefined) f.people.set(full, (person = newTally<PersonTally>(full, f.order++, name.map((t) => t.text))));
  person.mentions += 1;
  person.role ??= role;
}

/**
 * Runs of capitalised words, as [start, end) token ranges in one flat list (start, end, start, end...).
 * A run stops at punctuation, a sentence start or a lower-case word, but joins across "of", "for",
 * "and" where an organisation's name goes on ("Bank of England", "Relief and Works Agency").
 * Hyphenated words naming places ("Iran-backed", "Iran-U.S.") give their places and end the run.
 */
function nameRuns(f: Finding, tokens: readonly Token[], early: boolean): number[] {
  // One flag per token, in a typed array: compiled code sees one array layout whatever the paragraph.
  // One array kept for every call (only [0, tokens.length) is written and read): a new one per
  // paragraph had its memory allocated outside the heap, and tracked for the collector, each time.
  if (nameLikeFlags.length < tokens.length) nameLikeFlags = new Uint8Array(tokens.length * 2);
  const nameLike = nameLikeFlags;
  for (let k = 0; k < tokens.length; k++) nameLike[k] = isNameLike(f, tokens[k]!, early) ? 1 : 0;
  // Start and end of each run, one pair after another in one flat list (no array per run).
  const runs: number[] = [];
  for (let i = 0; i < tokens.length; ) {
    if (!nameLike[i]) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < tokens.length && nameLike[end] && !tokens[end - 1]!.breakAfter && !tokens[end]!.sentenceStart) end++;
    // Join organisation names split by small words.
    const last = runs.length - 2;
    if (last >= 0 && canJoin(tokens, runs[last]!, runs[last + 1]!, i, end)) runs[last + 1] = end;
    else runs.push(i, end);
    i = end;
  }
  return runs;
}

/** nameRuns' flags, grown for a longer paragraph: ample for any paragraph of ordinary text. */
let nameLikeFlags = new Uint8Array(1 << 16);

/** Whether a token can be part of a name run; a hyphenated word naming places adds them and is not. */
function isNameLike(f: Finding, t: Token, early: boolean): boolean {
  if (!t.hyphenated) return t.capitalised;
  if (lookupPlaceLower(f.gazetteer, t.text, t.lower) !== undefined) return t.capitalised;
  const parts = t.text.split(/[-‐]/u);
  let foundPlace = false;
  for (const part of parts) {
    const place = /^\p{Lu}/u.test(part) ? lookupPlace(f.gazetteer, part) : undefined;
    if (place !== undefined) {
      addPlace(f, place, early);
      foundPlace = true;
    }
  }
  return !foundPlace && parts.every((p) => /^\p{Lu}/u.test(p) || p.length <= 2);
}

function canJoin(tokens: readonly Token[], aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  // Index loops over the spans, without slicing them (see the note above isShouted).
  if (bStart - aEnd <= 0 || bStart - aEnd > 2) return false;
  for (let k = aEnd; k < bStart; k++) if (!(NAME_JOINERS.has(tokens[k]!.lower) && !tokens[k]!.capitalised)) return false;
  for (let k = aEnd - 1; k < bStart; k++) if (tokens[k]!.breakAfter) return false;
  if (tokens[bStart]!.sentenceStart) return false;
  const aLast = tokens[aEnd - 1]!;
  const joiner = tokens[aEnd]!.lower;
  // "Bank of England", "Department for Education"; "Secretary of State ..." so the title stays whole.
  if (joiner !== 'and' && (ORGANISATION_HEADS.has(aLast.text) || ROLE_WORDS.has(aLast.lower))) return true;
  // "United Nations Relief and Works Agency": the head comes after "and" ("France for the Six Nations" is two names).
  return (joiner === 'and' || joiner === '&') && hasOrganisationHead(tokens, bStart, bEnd) && !ORGANISATION_HEADS.has(aLast.text) && !hasRoleWord(tokens, aStart, aEnd);
}

function hasRoleWord(tokens: readonly Token[], start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (ROLE_WORDS.has(tokens[k]!.lower)) return true;
  return false;
}

/** The lower-case title just before a name ("Kremlin spokesman"), as tokens; empty when there is none. */
function roleBefore(tokens: readonly Token[], start: number): Token[] {
  const first = tokens[start - 1];
  if (first === undefined || first.breakAfter || first.capitalised || !ROLE_WORDS.has(first.lower)) return [];
  const role: Token[] = [];
  for (let k = start - 1; k >= 0; k--) {
    const t = tokens[k]!;
    if (k < start - 1 && t.breakAfter) break;
    if (!(ROLE_WORDS.has(t.lower) || ROLE_MODIFIERS.has(t.lower) || HONORIFICS.has(t.lower) || t.capitalised)) break;
    role.unshift(t);
    if (t.sentenceStart) break;
  }
  return role;
}

/** Keeps a copy of `person` with no mentions and no role yet (its first mention stays), and returns it. */
function keepEmpty(kept: PersonTally[], person: PersonTally): PersonTally {
  const copy: PersonTally = { name: person.name, mentions: 0, first: person.first, role: null, words: person.words, place: person.place };
  kept.push(copy);
  return copy;
}

/** Merges "George Bush" into "George W. Bush" and lone surnames into the person they name. */
/** The first kept person whose name has the same first and last word ("George W. Bush" for "George Bush"). */
function sameEnds(kept: readonly PersonTally[], person: PersonTally): PersonTally | undefined {
  for (const k of kept) if (k.words[0] === person.words[0] && k.words[k.words.length - 1] === person.words[person.words.length - 1]) return k;
  return undefined;
}

function resolvePeople(people: Map<string, PersonTally>, singles: ReadonlyArray<{ word: string; role: string | null; titled: boolean; order: number }>): Entity[] {
  const list = [...people.values()].sort((a, b) => b.words.length - a.words.length || a.first - b.first);
  const kept: PersonTally[] = [];
  // Each person is added into the longer name it shortens, or into a fresh copy of itself: the
  // same steps either way, since a merge first met after compiling (a branch of its own) deoptimised this function.
  for (const person of list) {
    const into = sameEnds(kept, person) ?? keepEmpty(kept, person);
    into.mentions += person.mentions;
    into.first = Math.min(into.first, person.first);
    into.role ??= person.role;
  }
  const bySurname = new Map<string, PersonTally>();
  for (const person of [...kept].sort((a, b) => b.mentions - a.mentions || a.first - b.first)) {
    for (let w = 1; w < person.words.length; w++) if (!bySurname.has(person.words[w]!)) bySurname.set(person.words[w]!, person);
  }
  const alone = new Map<string, PersonTally>();
  for (const single of singles) {
    const person = bySurname.get(single.word) ?? alone.get(single.word);
    if (person !== undefined) {
      person.mentions += 1;
      person.role ??= single.role;
    } else if (single.titled) {
      const person = newTally<PersonTally>(single.word, single.order, [single.word]);
      person.mentions = 1;
      person.role = single.role;
      alone.set(single.word, person);
    }
  }
  return byProminence([...kept, ...alone.values()]);
}

function resolveOrganizations(
  organizations: Map<string, Tally>,
  acronyms: ReadonlyMap<string, { mentions: number; defined: boolean; first: number }>,
  aliases: ReadonlyMap<string, string>,
): Entity[] {
  const result = new Map(organizations);
  for (const [acronym, entry] of acronyms) {
    const target = aliases.get(acronym);
    const org = target === undefined ? undefined : result.get(target);
    if (org !== undefined) org.mentions += entry.mentions;
    // An acronym is an organisation when the text defines it in brackets or uses it twice.
    else if (entry.defined || entry.mentions >= 2) {
      const tally = newTally(acronym, entry.first);
      tally.mentions = entry.mentions;
      result.set(acronym, tally);
    }
  }
  return byProminence([...result.values()]);
}

/** Entities most mentioned first, then in order of first mention. */
function byProminence(tallies: readonly Tally[]): Entity[] {
  const entities: Entity[] = [];
  for (const t of [...tallies].sort((a, b) => b.mentions - a.mentions || a.first - b.first)) {
    const slug = slugOf(t.name);
    if (slug !== '') entities.push({ name: t.name, slug, role: t.role, mentions: t.mentions });
  }
  return entities;
}

/** slugify, remembered per name: an archive names the same people and places again and again, and slugify normalises Unicode twice. */
function slugOf(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) {
    // A bound on the memory a long-running process (the live preview) gives it.
    if (slugs.size >= MAX_SLUGS) slugs.clear();
    slugs.set(name, (slug = slugify(name)));
  }
  return slug;
}

const slugs = new Map<string, string>();
const MAX_SLUGS = 50_000;
