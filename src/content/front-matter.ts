/** Front matter: the explicit fields a user writes, which always win over what the parser guesses. */
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { BroadsheetError } from '../errors.ts';
import { withoutControlCharacters } from '../text/control-characters.ts';

/** The front-matter fields Broadsheet reads, after type checks. All optional. */
export interface FrontMatter {
  readonly id?: string;
  readonly slug?: string;
  readonly title?: string;
  /** "YYYY-MM-DD". */
  readonly date?: string;
  readonly source?: string;
  readonly section?: string;
  readonly summary?: string;
  readonly byline?: string;
  readonly topics?: readonly string[];
  readonly people?: readonly string[];
  readonly places?: readonly string[];
  readonly organizations?: readonly string[];
  readonly credits?: readonly string[];
  readonly draft?: boolean;
}

/** A field problem: the field is ignored, the article is still built. */
export interface FieldProblem {
  readonly message: string;
  /** 1-based line in the file, when the field could be located. */
  readonly line: number | null;
}

/** Front matter split from the body, checked. */
export interface SplitFrontMatter {
  readonly fields: FrontMatter;
  /** The Markdown body after the front matter. */
  readonly body: string;
  /** 1-based line of the file where the body starts. */
  readonly bodyLine: number;
  readonly problems: readonly FieldProblem[];
}

const STRING_FIELDS = ['id', 'slug', 'title', 'source', 'section', 'summary', 'byline'] as const;
const LIST_FIELDS = ['topics', 'people', 'places', 'organizations', 'credits'] as const;
const KNOWN_FIELDS = new Set<string>([...STRING_FIELDS, ...LIST_FIELDS, 'date', 'draft']);

/**
 * Splits and checks the front matter of a Markdown file. Malformed YAML throws a BroadsheetError
 * with the line; fields of the wrong type become problems and are ignored.
 */
export function splitFrontMatter(text: string, file: string): SplitFrontMatter {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options turns off gray-matter's unbounded cache keyed by file content.
    parsed = matter(text, { language: 'yaml', engines: { yaml: (yamlText) => loadYaml(yamlText) as object } });
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const line = typeof mark?.line === 'number' ? mark.line + 2 : null; // +1 for 1-based, +1 for the opening ---
    const reason = (error as { reason?: string }).reason ?? (error as Error).message.split('\n')[0];
    throw new BroadsheetError(`malformed YAML front matter: ${reason}`, { file, line, cause: error });
  }
  const bodyLine = text.length === parsed.content.length ? 1 : text.slice(0, text.length - parsed.content.length).split('\n').length;
  const { fields, problems } = checkFields(parsed.data, text);
  return { fields, body: parsed.content, bodyLine, problems };
}

/** Parses a seed's override file (plain YAML, same fields as front matter). */
export function parseOverrideYaml(text: string, file: string): { fields: FrontMatter; problems: readonly FieldProblem[] } {
  let data: unknown;
  try {
    data = loadYaml(text);
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message.split('\n')[0];
    throw new BroadsheetError(`malformed YAML: ${reason}`, { file, line: typeof mark?.line === 'number' ? mark.line + 1 : null, cause: error });
  }
  if (data === null || data === undefined) return { fields: {}, problems: [] };
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new BroadsheetError('an override file must be a YAML mapping of fields (title: ..., date: ...)', { file });
  }
  return checkFields(data as Record<string, unknown>, text);
}

/**
 * YAML without its timestamp type, so a date arrives as the text written and toIsoDate checks it.
 * js-yaml made "2024-13-45" the Date 14 February 2025 (the days and months overflow), and
 * "2024-05-01T23:30:00-05:00" 2 May (in UTC), where the author wrote 1 May.
 */
function loadYaml(text: string): unknown {
  return yaml.load(text, { schema: yaml.CORE_SCHEMA });
}

function checkFields(data: Record<string, unknown>, text: string): { fields: FrontMatter; problems: FieldProblem[] } {
  const fields: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  const problem = (key: string, message: string): void => {
    problems.push({ message: `front matter "${key}": ${message}`, line: lineOfKey(text, key) });
  };
  for (const [key, value] of Object.entries(data)) {
    if (!KNOWN_FIELDS.has(key)) {
      problem(key, `unknown field, ignored (known: ${[...KNOWN_FIELDS].join(', ')})`);
    } else if (value === null || value === undefined) {
      continue;
    } else if ((STRING_FIELDS as readonly string[]).includes(key)) {
      if (typeof value === 'string' || typeof value === 'number') {
        const s = cleanText(String(value), () => problem(key, CONTROL_REMOVED));
        if (s !== '') fields[key] = s;
      } else problem(key, `must be text, not ${describe(value)}; ignored`);
    } else if ((LIST_FIELDS as readonly string[]).includes(key)) {
      const list = toStringList(value, () => problem(key, CONTROL_REMOVED));
      if (list === null) problem(key, `must be a list of text, not ${describe(value)}; ignored`);
      else fields[key] = list;
    } else if (key === 'date') {
      const date = toIsoDate(value);
      if (date === null) problem(key, `${JSON.stringify(value)} is not a date; write it as YYYY-MM-DD; ignored`);
      else fields[key] = date;
    } else if (key === 'draft') {
      if (typeof value === 'boolean') fields[key] = value;
      else problem(key, `must be true or false, not ${describe(value)}; ignored`);
    }
  }
  return { fields: fields as FrontMatter, problems };
}

/** A front-matter date (text, as loadYaml leaves it) as "YYYY-MM-DD", or null when it is no real date. */
export function toIsoDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  // The calendar date as written, whatever the time and zone after it; a one-digit month or day, as YAML allows, is padded.
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ][\d:.]+ *(?:Z|[+-]\d{1,2}(?::?\d{2})?)?)?$/.exec(value.trim());
  if (match === null) return null;
  const [y, m, d] = [match[1]!, match[2]!.padStart(2, '0'), match[3]!.padStart(2, '0')];
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d) ? `${y}-${m}-${d}` : null;
}

function toStringList(value: unknown, onControl: () => void): string[] | null {
  // An empty item ("-" with nothing after it, left while editing) is skipped, as an empty string is.
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value.filter((v) => v !== null) : null;
  if (items === null) return null;
  if (!items.every((v) => typeof v === 'string' || typeof v === 'number')) return null;
  let control = false;
  const list = [...new Set(items.map((v) => cleanText(String(v), () => (control = true))).filter((v) => v !== ''))];
  if (control) onControl();
  return list;
}

/** What a field's problem says when its text held control characters (YAML's "\x1b" escapes make them). */
const CONTROL_REMOVED = 'control characters removed (a page cannot show them)';

/** A field's text, trimmed and without control characters; `onControl` is called when there were some. */
function cleanText(text: string, onControl: () => void): string {
  const cleaned = withoutControlCharacters(text);
  if (cleaned.removed > 0) onControl();
  return cleaned.text.trim();
}

function describe(value: unknown): string {
  if (Array.isArray(value)) {
    // "must be a list of text, not a list" said nothing: name what the list holds that is not text.
    const other = value.find((item) => typeof item !== 'string' && typeof item !== 'number');
    return other === undefined || other === null ? 'a list' : `a list holding ${describe(other)}`;
  }
  return typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value)}`;
}

function lineOfKey(text: string, key: string): number | null {
  const index = text.split('\n').findIndex((l) => l.startsWith(`${key}:`));
  return index === -1 ? null : index + 1;
}
