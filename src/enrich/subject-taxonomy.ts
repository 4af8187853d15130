/** The subject taxonomy (data/subjects.json): IPTC Media Topics with keywords, checked and compiled for fast matching. */
import { BroadsheetError } from '../errors.ts';

/** One subject of the taxonomy. */
export interface SubjectDefinition {
  /** Stable id ("politics"). */
  readonly id: string;
  /** IPTC code ("medtop:11000000"). */
  readonly code: string;
  /** Display label, as IPTC writes it ("economy, business and finance"). */
  readonly label: string;
}

/** A keyword word: exact, or a prefix when it was written with a trailing `*`. */
export interface WordPattern {
  readonly text: string;
  readonly prefix: boolean;
}

/** One keyword of one subject. */
export interface Keyword {
  /** Index into `SubjectTaxonomy.subjects`. */
  readonly subject: number;
  /** As written in the data file ("elect*", "prime minister"). */
  readonly source: string;
  /** Its words, in order. */
  readonly words: readonly WordPattern[];
  /** Phrases say more than single words. */
  readonly weight: number;
}

/** The compiled taxonomy. */
export interface SubjectTaxonomy {
  readonly subjects: readonly SubjectDefinition[];
  /** Keywords by the exact form of their first word. */
  readonly byWord: ReadonlyMap<string, readonly Keyword[]>;
  /** Keywords whose first word is a prefix, by that prefix. */
  readonly byPrefix: ReadonlyMap<string, readonly Keyword[]>;
  /** Shortest prefix, so look-ups stop early. */
  readonly minPrefix: number;
}

/** "million^0.5": a keyword that counts half (or any positive factor). */
const WEIGHT_SUFFIX = /\^(\d+(?:\.\d+)?)$/;

/** How much more a phrase of several words counts than a single word. */
const PHRASE_WEIGHT = 2;

/** Checks and compiles the parsed JSON of a subjects file. Throws BroadsheetError naming what to fix. */
export function compileSubjectTaxonomy(json: unknown, file = 'data/subjects.json'): SubjectTaxonomy {
  const fail = (message: string): never => {
    throw new BroadsheetError(message, { file });
  };
  const list = (json as { subjects?: unknown } | null)?.subjects;
  if (!Array.isArray(list) || list.length === 0) fail('expected {"subjects": [...]} with at least one subject');
  const subjects: SubjectDefinition[] = [];
  const byWord = new Map<string, Keyword[]>();
  const byPrefix = new Map<string, Keyword[]>();
  let minPrefix = Infinity;
  const ids = new Set<string>();
  (list as unknown[]).forEach((entry, index) => {
    const e = entry as Record<string, unknown>;
    const where = `subject ${index + 1}`;
    if (typeof e['id'] !== 'string' || e['id'] === '') fail(`${where}: "id" must be a non-empty string`);
    if (typeof e['label'] !== 'string' || e['label'] === '') fail(`${where}: "label" must be a non-empty string`);
    if (!Array.isArray(e['keywords']) || !e['keywords'].every((k) => typeof k === 'string')) fail(`${where}: "keywords" must be a list of strings`);
    const id = e['id'] as string;
    if (ids.has(id)) fail(`${where}: id "${id}" is used twice`);
    ids.add(id);
    subjects.push({ id, code: typeof e['code'] === 'string' ? e['code'] : '', label: e['label'] as string });
    for (const source of e['keywords'] as string[]) {
      const weighted = WEIGHT_SUFFIX.exec(source);
      const factor = weighted === null ? 1 : Number(weighted[1]);
      const text = weighted === null ? source : source.slice(0, weighted.index);
      const words = text.trim().toLowerCase().split(/\s+/).filter((w) => w !== '').map((w) => ({ text: w.replace(/\*$/, ''), prefix: w.endsWith('*') }));
      const first = words[0];
      if (first === undefined || words.some((w) => w.text === '')) fail(`${where}: keyword "${source}" has no letters`);
      if (!(factor > 0)) fail(`${where}: keyword "${source}" has a weight that is not a positive number`);
      const keyword: Keyword = { subject: subjects.length - 1, source, words, weight: (words.length > 1 ? PHRASE_WEIGHT : 1) * factor };
      const index = first!.prefix ? byPrefix : byWord;
      let bucket = index.get(first!.text);
      if (bucket === undefined) index.set(first!.text, (bucket = []));
      bucket.push(keyword);
      if (first!.prefix) minPrefix = Math.min(minPrefix, first!.text.length);
    }
  });
  return { subjects, byWord, byPrefix, minPrefix: Number.isFinite(minPrefix) ? minPrefix : 1 };
}

/** Whether a lower-case word matches a keyword word. */
export function matchesWord(pattern: WordPattern, word: string): boolean {
  return pattern.prefix ? word.startsWith(pattern.text) : word === pattern.text;
}
