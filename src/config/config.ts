/** Site configuration: its type, defaults, and loading from `broadsheet.config.json`. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BroadsheetError } from '../errors.ts';
import { findJsonSyntaxError, jsonKeyLine } from './json-syntax.ts';
import { didYouMean } from '../did-you-mean.ts';
import { SEARCH_SHARD_SIZE } from '../outputs/search-shards.ts';
import { PACKAGE_ROOT } from '../package-root.ts';

/** Broadsheet's own templates: a project without a templates/ folder is built with them, as a Jekyll site is with its theme's. */
export const OWN_TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');

/** Everything a build needs to know besides the content. Paths are absolute once resolved. */
export interface SiteConfig {
  /** Site title, shown in the header and feeds. */
  readonly title: string;
  /** One-line description for the home page and feeds. */
  readonly description: string;
  /** BCP 47 language of the site ("en"). */
  readonly language: string;
  /** Folder of raw text articles (`**\/*.txt`). */
  readonly seedsDir: string;
  /** Folder of Markdown articles with front matter (`**\/*.md`). */
  readonly contentDir: string;
  /** Folder the site is written to; replaced atomically. */
  readonly outDir: string;
  /** Folder of Nunjucks templates and static assets: the project's templates/ by default, or Broadsheet's own (OWN_TEMPLATES_DIR) when it has none. */
  readonly templatesDir: string;
  /** URL path the site is served under, with leading and trailing slash ("/", "/news/"). */
  readonly basePath: string;
  /** Absolute site URL ("https://example.org/news/") for feeds, sitemap and canonical links, or null. */
  readonly siteUrl: string | null;
  /** Articles per list page before paginating. */
  readonly pageSize: number;
  /** How many articles the home page lists. */
  readonly homeSize: number;
  /** Whether to build the Pagefind search index (`false`: quicker builds, the search page says search is unavailable). */
  readonly search: boolean;
  /** Searchable articles per Pagefind bundle, on average: larger means fewer bundles (quicker searches) but more memory while indexing and more re-indexed per edit. */
  readonly searchShardSize: number;
  /** Whether articles marked `draft: true` are built (to preview them), each with a warning; by default each is a skipped line. */
  readonly drafts: boolean;
}

/** The keys a user may set in `broadsheet.config.json`, with the type each must have. */
const USER_KEYS = {
  title: 'string',
  description: 'string',
  language: 'string',
  seeds: 'string',
  content: 'string',
  out: 'string',
  templates: 'string',
  basePath: 'string',
  siteUrl: 'string',
  pageSize: 'number',
  homeSize: 'number',
  search: 'boolean',
  searchShardSize: 'number',
  drafts: 'boolean',
} as const;

/**
 * What the peers call a setting Broadsheet names otherwise, for a config file carried over from
 * them: Hugo's baseURL and publishDir, Eleventy's output and pathPrefix, Jekyll's url, baseurl,
 * destination and paginate.
 */
const PEER_KEYS: Readonly<Record<string, keyof typeof USER_KEYS>> = {
  baseURL: 'siteUrl',
  baseUrl: 'siteUrl',
  url: 'siteUrl',
  publishDir: 'out',
  output: 'out',
  destination: 'out',
  pathPrefix: 'basePath',
  baseurl: 'basePath',
  paginate: 'pageSize',
};

/** Settings as a user writes them in the config file or on the command line (all optional). */
export type UserConfig = { -readonly [K in keyof typeof USER_KEYS]?: UserValue<(typeof USER_KEYS)[K]> };

/** The TypeScript type of a config value from the name of its JSON type. */
type UserValue<T extends string> = T extends 'string' ? string : T extends 'number' ? number : boolean;

/** The config file's name, looked up in the project folder. */
export const CONFIG_FILE = 'broadsheet.config.json';

/** Reads `broadsheet.config.json` from the project folder, or {} when there is none. */
export async function readUserConfig(projectDir: string): Promise<UserConfig> {
  const file = path.join(projectDir, CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new BroadsheetError(`cannot read the config file: ${(error as Error).message}`, { file: CONFIG_FILE, cause: error });
  }
  // Editors on Windows (Notepad) save UTF-8 with a byte order mark, which JSON.parse refuses.
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const found = findJsonSyntaxError(text);
    if (found === null) throw new BroadsheetError(`the config file is not valid JSON: ${(error as Error).message}`, { file: CONFIG_FILE, cause: error });
    throw new BroadsheetError(`the config file is not valid JSON: ${found.reason} (column ${found.column})`, { file: CONFIG_FILE, line: found.line, cause: error });
  }
  return validateUserConfig(data, CONFIG_FILE, (key) => jsonKeyLine(text, key));
}

/**
 * Checks a parsed config object: unknown keys and wrong types are errors naming the key, and its
 * line when `lineOf` finds it; an unknown key names the one likely meant.
 */
export function validateUserConfig(data: unknown, file: string, lineOf: (key: string) => number | null = () => null): UserConfig {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new BroadsheetError('the config must be a JSON object', { file });
  }
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const expected = (USER_KEYS as Record<string, string>)[key];
    if (expected === undefined) {
      const meant = Object.hasOwn(PEER_KEYS, key) ? PEER_KEYS[key] : didYouMean(key, Object.keys(USER_KEYS));
      const hint = meant == null ? '' : `; did you mean "${meant}"?`;
      throw new BroadsheetError(`unknown config key "${key}"${hint} (known keys: ${Object.keys(USER_KEYS).join(', ')})`, { file, line: lineOf(key) });
    }
    if (typeof value !== expected) {
      throw new BroadsheetError(`config key "${key}" must be a ${expected}, not ${JSON.stringify(value)}`, { file, line: lineOf(key) });
    }
    config[key] = value;
  }
  return config as UserConfig;
}

/** Merges defaults, the config file and command-line settings (later wins) into a SiteConfig. */
export function resolveConfig(projectDir: string, ...layers: UserConfig[]): SiteConfig {
  const user: UserConfig = Object.assign({}, ...layers);
  const pageSize = user.pageSize ?? 20;
  const homeSize = user.homeSize ?? 10;
  const searchShardSize = user.searchShardSize ?? SEARCH_SHARD_SIZE;
  for (const [key, value] of [['pageSize', pageSize], ['homeSize', homeSize], ['searchShardSize', searchShardSize]] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new BroadsheetError(`${key} must be a whole number of at least 1, not ${value}`, { file: CONFIG_FILE });
    }
  }
  const siteUrl = user.siteUrl === undefined || user.siteUrl === '' ? null : normalizeSiteUrl(user.siteUrl);
  return {
    title: user.title ?? 'Broadsheet',
    description: user.description ?? 'A news archive',
    language: user.language ?? 'en',
    seedsDir: path.resolve(projectDir, user.seeds ?? 'seeds'),
    contentDir: path.resolve(projectDir, user.content ?? 'content'),
    outDir: path.resolve(projectDir, user.out ?? 'dist'),
    templatesDir: usesOwnTemplates(projectDir, user) ? OWN_TEMPLATES_DIR : path.resolve(projectDir, user.templates ?? 'templates'),
    // A site URL with a path ("https://x.org/news/") implies that base path unless one is given.
    basePath: user.basePath !== undefined || siteUrl === null ? normalizeBasePath(user.basePath ?? '/') : basePathOf(siteUrl),
    siteUrl,
    pageSize,
    homeSize,
    search: user.search ?? true,
    searchShardSize,
    drafts: user.drafts ?? false,
  };
}

/** "news" → "/news/", "/" → "/"; rejects anything that is not a plain URL path. */
export function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '/';
  if (!/^[A-Za-z0-9._~\-/]+$/.test(trimmed) || trimmed.split('/').some((s) => s === '' || s === '.' || s === '..')) {
    throw new BroadsheetError(`base path "${basePath}" must be a URL path such as /news/`);
  }
  return `/${trimmed}/`;
}

/** The base path a site URL implies: its path, which must be one normalizeBasePath takes; else an error naming the siteUrl. */
function basePathOf(siteUrl: string): string {
  const { pathname } = new URL(siteUrl);
  try {
    return normalizeBasePath(pathname);
  } catch {
    // No file named: the site URL may come from the config file or from --site-url.
    throw new BroadsheetError(`siteUrl "${siteUrl}" has a path, "${pathname}", that cannot be the site's base path: give a URL such as https://example.org/news/, or a basePath`);
  }
}

/** "https://x.org/news" → "https://x.org/news/"; rejects anything but an absolute http(s) URL. */
function normalizeSiteUrl(siteUrl: string): string {
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    throw new BroadsheetError(`siteUrl "${siteUrl}" is not an absolute URL such as https://example.org/news/`, { file: CONFIG_FILE });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BroadsheetError(`siteUrl "${siteUrl}" must start with http:// or https://`, { file: CONFIG_FILE });
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * Whether a project is built with Broadsheet's own templates: its settings name no templates
 * folder and it has no templates/ of its own. A folder named is used, or refused when missing.
 */
function usesOwnTemplates(projectDir: string, user: UserConfig): boolean {
  return user.templates === undefined && !existsSync(path.resolve(projectDir, 'templates'));
}

/** The line saying a project is built with Broadsheet's own templates (see usesOwnTemplates; `layers` as resolveConfig takes them), or null when it is not. */
export function ownTemplatesNotice(projectDir: string, ...layers: UserConfig[]): string | null {
  if (!usesOwnTemplates(projectDir, Object.assign({}, ...layers) as UserConfig)) return null;
  return `no templates/ folder in ${path.resolve(projectDir)}: the site is built with Broadsheet's own templates; copy ${OWN_TEMPLATES_DIR} to templates/ to make them yours`;
}
