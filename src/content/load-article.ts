/** Reading one input file into a ParsedArticle, or a reason it produced no page. */
import type { InputFile } from './input-file.ts';
import type { ParsedArticle } from './parsed-article.ts';
import { ALPHANUMERIC, classAt, LATIN1_CLASSES, SPACE, widthAt } from './char-classes.ts';
import { decodeInput } from './decode-input.ts';
import { parseOverrideYaml, splitFrontMatter, type FieldProblem, type FrontMatter } from './front-matter.ts';
import { parseSeedText, titleFromLede } from './parse-seed-text.ts';
import { markdownArticleHtml, markdownToParagraphs, paragraphsToHtml } from '../render/markdown.ts';
import { BroadsheetError } from '../errors.ts';
import { isWindowsDeviceName, slugify } from '../text/slugify.ts';
import { shortHash } from '../text/short-hash.ts';
import { articleUrl } from '../urls.ts';
import { contentHashOf } from './read-input.ts';

/** A report line for one input: the file, optional line, and message. */
export interface InputProblem {
  readonly file: string;
  readonly line: number | null;
  readonly message: string;
}

/** The outcome of loading one input file. */
export type LoadResult =
  | { readonly ok: true; readonly article: ParsedArticle; readonly problems: readonly InputProblem[] }
  | { readonly ok: false; readonly problem: InputProblem };

/** Words per minute for reading time, the figure most news sites use. */
const WORDS_PER_MINUTE = 230;

/** parseInput, with a BroadsheetError (malformed YAML...) turned into a skipped input. */
export function parseInputSafely(input: InputFile, bytes: Uint8Array, overrideBytes: Uint8Array | null, contentHash?: string): LoadResult {
  try {
    return parseInput(input, bytes, overrideBytes, contentHash);
  } catch (error) {
    if (error instanceof BroadsheetError) return { ok: false, problem: { file: error.file ?? input.displayPath, line: error.line, message: error.message } };
    throw error;
  }
}

/**
 * Parses an input's bytes (and its override file's bytes, for a seed). Pure; throws BroadsheetError.
 * `contentHash` is contentHashOf the same bytes, when the caller has it already (a parse task keys the cache by it).
 */
export function parseInput(input: InputFile, bytes: Uint8Array, overrideBytes: Uint8Array | null, contentHash = contentHashOf(bytes, overrideBytes)): LoadResult {
  const decoded = decodeInput(bytes);
  if (!decoded.ok) return { ok: false, problem: { file: input.displayPath, line: null, message: decoded.reason } };
  const problems: InputProblem[] = [];
  for (const message of decoded.warnings) problems.push({ file: input.displayPath, line: null, message });

  let fields: FrontMatter;
  let base: Omit<ParsedArticle, 'id' | 'slug' | 'url' | 'declared' | 'warnings' | 'sourceFile' | 'inputKind' | 'contentHash'>;
  if (input.kind === 'seed') {
    const seed = parseSeedText(decoded.text);
    fields = {};
    if (overrideBytes !== null && input.overridePath !== null) {
      const overrideName = input.displayPath.replace(/\.txt$/, input.overridePath.slice(input.overridePath.lastIndexOf('.')));
      const decodedOverride = decodeInput(overrideBytes);
      if (decodedOverride.ok) {
        const parsed = parseOverrideYaml(decodedOverride.text, overrideName);
        fields = parsed.fields;
        collect(problems, overrideName, parsed.problems);
      } else if (decodedOverride.reason !== 'empty file' && decodedOverride.reason !== 'file holds only whitespace') {
        problems.push({ file: overrideName, line: null, message: `override file ignored: ${decodedOverride.reason}` });
      }
    }
    const wordCount = countWords(seed.paragraphs);
    base = {
      title: fields.title ?? seed.title,
      titleOrigin: fields.title !== undefined ? 'override' : seed.titleOrigin,
      date: fields.date ?? seed.date,
      dateOrigin: fields.date !== undefined ? 'override' : seed.dateOrigin,
      source: fields.source ?? seed.source,
      sourceOrigin: fields.source !== undefined ? 'override' : seed.sourceOrigin,
      section: fields.section ?? seed.section,
      byline: fields.byline ?? seed.byline,
      dateline: seed.dateline,
      credits: fields.credits ?? seed.credits,
      summary: fields.summary ?? seed.paragraphs[0] ?? '',
      bodyText: seed.paragraphs.join('\n\n'),
      bodyHtml: paragraphsToHtml(seed.paragraphs),
      paragraphs: seed.paragraphs,
      wordCount,
      readingMinutes: readingMinutes(wordCount),
      removed: seed.removed,
    };
    // A date given by the override makes the parser's "no date" warning moot.
    for (const w of seed.warnings) if (!(fields.date !== undefined && w.startsWith('no date'))) problems.push({ file: input.displayPath, line: null, message: w });
  } else {
    const split = splitFrontMatter(decoded.text, input.displayPath);
    fields = split.fields;
    collect(problems, input.displayPath, split.problems);
    const paragraphs = markdownToParagraphs(split.body);
    const body = markdownArticleHtml(split.body, input.relativePath, split.bodyLine);
    const title = fields.title ?? (paragraphs[0] === undefined ? null : titleFromLede(paragraphs[0]));
    if (fields.title === undefined) problems.push({ file: input.displayPath, line: null, message: 'no title in front matter: derived from the first paragraph' });
    if (fields.date === undefined) problems.push({ file: input.displayPath, line: null, message: 'no date in front matter: listed as undated' });
    base = {
      title: title ?? titleFromFileName(input.relativePath),
      titleOrigin: fields.title !== undefined ? 'front-matter' : title !== null ? 'lede' : 'file-name',
      date: fields.date ?? null,
      dateOrigin: fields.date !== undefined ? 'front-matter' : 'none',
      source: fields.source ?? null,
      sourceOrigin: fields.source !== undefined ? 'front-matter' : 'none',
      section: fields.section ?? null,
      byline: fields.byline ?? null,
      dateline: null,
      credits: fields.credits ?? [],
      summary: fields.summary ?? paragraphs[0] ?? '',
      bodyText: split.body,
      bodyHtml: body.html,
      paragraphs,
      wordCount: countWords(paragraphs),
      readingMinutes: readingMinutes(countWords(paragraphs)),
      removed: [],
      ...(body.media.length > 0 ? { media: body.media } : {}),
      ...(body.links.length > 0 ? { links: body.links } : {}),
    };
  }

  const id = articleId(input, fields, problems);
  const slug = fields.slug === undefined ? id : slugOrFallback(fields.slug, id, input.displayPath, problems);
  const article: ParsedArticle = {
    ...base,
    id,
    slug,
    url: articleUrl(slug),
    sourceFile: input.relativePath,
    inputKind: input.kind,
    contentHash,
    warnings: problems.map((p) => (p.line === null ? p.message : `line ${p.line}: ${p.message}`)),
    declared: pickDeclared(fields),
    // Parsed like any article, so the cache serves a build with drafts and one without alike (loadEach leaves drafts out).
    ...(fields.draft === true ? { draft: true as const } : {}),
  };
  return { ok: true, article, problems };
}

/** Adds a file's field problems to the report lines. */
function collect(problems: InputProblem[], file: string, list: readonly FieldProblem[]): void {
  for (const p of list) problems.push({ file, line: p.line, message: p.message });
}

/** The stable id: front matter `id`, else the input path without extension, slugified. */
function articleId(input: InputFile, fields: FrontMatter, problems: InputProblem[]): string {
  const fromPath = slugify(input.relativePath.replace(/\.(txt|md)$/, '')) || `article-${shortHash(input.relativePath)}`;
  return fields.id === undefined ? fromPath : slugOrFallback(fields.id, fromPath, input.displayPath, problems);
}

function slugOrFallback(wanted: string, fallback: string, file: string, problems: InputProblem[]): string {
  const slug = slugify(wanted);
  if (slug === '') {
    problems.push({ file, line: null, message: `"${wanted}" has nothing usable in a URL; using "${fallback}"` });
    return fallback;
  }
  // A device name is a word Windows keeps, not unsafe characters: said so, or "nul" would look like a typo.
  const why = isWindowsDeviceName(wanted.toLowerCase()) ? 'is a name Windows keeps for a device, which no file or folder may have' : 'is not URL-safe';
  if (slug !== wanted) problems.push({ file, line: null, message: `"${wanted}" ${why}; using "${slug}"` });
  return slug;
}

function pickDeclared(fields: FrontMatter): ParsedArticle['declared'] {
  const declared: { -readonly [K in keyof ParsedArticle['declared']]: ParsedArticle['declared'][K] } = {};
  if (fields.topics !== undefined) declared.topics = fields.topics;
  if (fields.people !== undefined) declared.people = fields.people;
  if (fields.places !== undefined) declared.places = fields.places;
  if (fields.organizations !== undefined) declared.organizations = fields.organizations;
  return declared;
}

function titleFromFileName(relativePath: string): string {
  const name = relativePath.replace(/^.*\//, '').replace(/\.(txt|md)$/, '').replace(/[-_]+/g, ' ').trim();
  return name === '' ? 'Untitled' : name;
}

/** Words in plain-text paragraphs: whitespace-separated chunks holding a letter or digit. */
export function countWords(paragraphs: readonly string[]): number {
  let words = 0;
  for (const p of paragraphs) words += OTHER_SPACE.test(p) ? countByClass(p) : countBetweenSpaces(p);
  return words;
}

/** Whitespace other than the plain space; reflowed paragraphs have none. */
const OTHER_SPACE = /[^\S ]/;

/** For text whose only whitespace is the plain space: chunks found with indexOf, each tested until its first letter or digit. */
function countBetweenSpaces(p: string): number {
  let words = 0;
  for (let i = 0; i < p.length; ) {
    let next = p.indexOf(' ', i);
    if (next < 0) next = p.length;
    if (holdsWordCharacter(p, i, next)) words += 1;
    i = next + 1;
  }
  return words;
}

function holdsWordCharacter(p: string, start: number, end: number): boolean {
  for (let i = start; i < end; ) {
    const code = p.charCodeAt(i);
    if ((code < 256 ? LATIN1_CLASSES[code]! : classAt(p, i)) & ALPHANUMERIC) return true;
    i += code < 0xd800 ? 1 : widthAt(p, i);
  }
  return false;
}

/** Any text: one scan by character class (Latin-1 classified inline), without splitting into an array or a Unicode regular expression. */
function countByClass(p: string): number {
  let words = 0;
  let counted = false;
  for (let i = 0; i < p.length; ) {
    const code = p.charCodeAt(i);
    const bits = code < 256 ? LATIN1_CLASSES[code]! : classAt(p, i);
    if (bits & SPACE) counted = false;
    else if (!counted && bits & ALPHANUMERIC) {
      words += 1;
      counted = true;
    }
    i += code < 0xd800 ? 1 : widthAt(p, i);
  }
  return words;
}

/** Whole minutes to read, at least one. */
export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}
