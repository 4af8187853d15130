/**
 * Full-text search with Pagefind: every article's title and body go into an index of one or more
 * bundles (see search-shards.ts), the first written to `<out>/pagefind/` next to Pagefind's own UI
 * scripts, which the search page loads and merges the other bundles into.
 *
 * Each article is indexed from a small document made for the index rather than from its rendered
 * page, so only the title and body are searchable, however the page templates change: credits,
 * removed source text, related articles and navigation never reach the index. Filters (topic,
 * source, year) and result metadata (date, source) ride along as Pagefind attributes.
 *
 * Pagefind's cost is per document, whatever the way in: measured on BBC articles, about 2 ms of
 * its CPU and, while writing, about 150 KB of its memory each (52,375 distinct articles in one
 * bundle: 115 s of CPU, 7.8 GB peak; addHTMLFile, addCustomRecord and addDirectory cost the same
 * to within 3%), as it keeps every page's words twice while building the index. So the caller
 * indexes each story once (near-copies left out) in shards of bounded size, and Pagefind's process
 * is ended after each shard: at 5x (10,475 articles, 8 shards) Pagefind peaks at ~290 MB instead of
 * ~1.7 GB. What a document carries beyond its words barely matters: the same 2,000 articles
 * without filters, metadata, sort key and <title> cost Pagefind within ~6% of the CPU (inside the
 * noise of a loaded machine), so the document keeps them.
 */
import * as firstLane from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import { escapeAttribute, escapeUTF8 } from 'entities';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../content/article.ts';
import { BroadsheetError } from '../errors.ts';
import { formatDate } from '../render/format-date.ts';
import { pruneFragments, seedFragments } from './pagefind-fragments.ts';
import { relocateMediaUrls } from '../content/media-file.ts';
import { rootFrom, searchUrl as searchPageUrl } from '../urls.ts';
import { pagefindEnding, watchPagefind, type PagefindWatch } from './pagefind-process.ts';

/** The file in the bundle that records its key (see searchIndexKey). */
export const SEARCH_KEY_FILE = 'broadsheet-index.sha256';

/** The installed Pagefind's version: a new Pagefind rebuilds the index even when no article changed. */
const PAGEFIND_VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as { version: string }).version;

/** Pagefind's Node API, whose module holds one Pagefind process (started by its first call, ended by close()). */
type PagefindApi = typeof firstLane;

/** The Pagefind API of each lane but the first, once imported. */
const lanes = new Map<number, PagefindApi>();

/**
 * The Pagefind API of indexing lane `lane`, each lane with a Pagefind process of its own. The
 * package keeps its process in a module variable, so a second process needs a second instance
 * of the module: the same file imported under another URL (a query string), which Node
 * evaluates afresh. Lane 0 is the ordinary import.
 */
async function pagefindLane(lane: number): Promise<PagefindApi> {
  if (lane === 0) return firstLane;
  let api = lanes.get(lane);
  if (api === undefined) {
    // Kept only once imported: a failed import is tried again by the next build of a serve process.
    api = (await import(`${import.meta.resolve('pagefind')}?lane=${lane}`)) as PagefindApi;
    lanes.set(lane, api);
  }
  return api;
}

/** From the search page, where results (and any image Pagefind takes from a body) are shown, to the site root. */
const SEARCH_PAGE_TO_ROOT = rootFrom(searchPageUrl());

/** How long a failed call waits for Pagefind's process to be seen ending, to say how it did. */
const PROCESS_END_WAIT_MS = 2000;

/** Articles sent to Pagefind at once: enough to keep its threads busy, few enough to bound memory. */
const BATCH = 64;

/** What indexing produced. */
export interface SearchIndexResult {
  /** Articles indexed, or 0 when indexing failed. */
  readonly pages: number;
  /** Problems, each with the input file when one article caused it. */
  readonly errors: ReadonlyArray<{ readonly file: string | null; readonly message: string }>;
}

/** The document Pagefind indexes for one article, with `body` as its body HTML: title and body, with filters and metadata. */
function searchPage(article: Pick<Article, 'title' | 'topics' | 'source' | 'date'>, language: string, body: string): string {
  const meta: string[] = [];
  const tag = (attribute: string, name: string, value: string): void => {
    meta.push(`<meta data-pagefind-${attribute}="${name}[content]" content="${escapeAttribute(value)}">`);
  };
  for (const topic of article.topics) tag('filter', 'topic', filterValue(topic));
  if (article.source !== null) {
    tag('filter', 'source', filterValue(article.source));
    tag('meta', 'source', article.source);
  }
  if (article.date !== null) {
    tag('filter', 'year', article.date.slice(0, 4));
    tag('meta', 'date', formatDate(article.date));
    tag('sort', 'date', article.date);
  }
  return (
    `<!doctype html><html lang="${escapeAttribute(language)}"><head><title>${escapeUTF8(article.title)}</title>${meta.join('')}</head>` +
    `<body><article data-pagefind-body><h1>${escapeUTF8(article.title)}</h1>${relocateMediaUrls(body, SEARCH_PAGE_TO_ROOT)}</article></body></html>`
  );
}

/**
 * Indexes the articles with Pagefind and writes the bundle into `outputDir` (absolute); failures
 * come back as errors, never thrown. Pagefind writes the files itself, so a large index never
 * passes through this process's memory. URLs are indexed relative to the site root
 * ("/articles/x/"): Pagefind prefixes the base path it finds from where its bundle is served, so
 * the index does not depend on the base path. `indexOnly` keeps only the index files, for a bundle
 * merged into the primary one, whose scripts and WebAssembly serve every bundle. `lane` picks the
 * Pagefind process (see pagefindLane): two lanes index two shards at once. `bodyOf` gives an
 * article's body HTML (default: its bodyHtml), read as each batch is sent. Once `signal` is
 * aborted, no further batch is sent and nothing is written. `previous`, the same shard's bundle
 * in the previous output, lends its fragments, so Pagefind writes only the changed pages' (see
 * pagefind-fragments.ts); `outputDir` must then be empty or missing.
 */
export async function buildSearchIndex(articles: readonly Article[], language: string, outputDir: string, options: ShardIndexOptions = {}): Promise<SearchIndexResult> {
  // Linked while Pagefind reads the articles: only its writing must wait for them.
  const seeding = options.previous === undefined ? Promise.resolve(0) : seedFragments(options.previous, outputDir, PAGEFIND_VERSION).catch(() => 0);
  const result = await writeIndex(articles, language, outputDir, options, seeding);
  const seeded = await seeding;
  if (seeded === 0) return result;
  const indexed = result.pages === articles.length;
  if (indexed && (await pruneFragments(outputDir, articles.map(searchUrl)))) return result;
  // Failed (reported by the caller), or a seeded fragment stood in for a new one: no seeded file may stay.
  await rm(outputDir, { recursive: true, force: true });
  if (!indexed) return result;
  return writeIndex(articles, language, outputDir, options, null);
}

/** How buildSearchIndex indexes a shard. */
interface ShardIndexOptions {
  readonly indexOnly?: boolean;
  readonly lane?: number;
  readonly bodyOf?: (article: Article) => string;
  readonly signal?: AbortSignal;
  readonly previous?: string;
}

/** An article's URL in the index: from the site root (see buildSearchIndex). */
function searchUrl(article: Article): string {
  return `/${article.url}`;
}

/** buildSearchIndex but the fragments lent: Pagefind indexes the articles and writes the bundle into `outputDir` once `seeding` (the lending) is done. */
async function writeIndex(articles: readonly Article[], language: string, outputDir: string, options: ShardIndexOptions, seeding: Promise<unknown> | null): Promise<SearchIndexResult> {
  const bodyOf = options.bodyOf ?? ((article: Article): string => article.bodyHtml);
  const errors: Array<{ file: string | null; message: string }> = [];
  const pagefind = await pagefindLane(options.lane ?? 0);
  let index: PagefindIndex | undefined;
  let watch: PagefindWatch | undefined;
  try {
    // One language for the whole site: Pagefind would otherwise split the index by page language.
    const started = watchPagefind(() => pagefind.createIndex({ forceLanguage: language.split('-')[0] ?? 'en' }));
    watch = started.watch;
    const alive = watch.alive;
    const created = await alive(started.result);
    for (const message of created.errors) errors.push({ file: null, message });
    index = created.index;
    if (index === undefined) return { pages: 0, errors };
    let pages = 0;
    const send = async (batch: readonly Article[]): Promise<void> => {
      const added = await alive(Promise.all(batch.map((a) => (index as PagefindIndex).addHTMLFile({ url: searchUrl(a), content: searchPage(a, language, bodyOf(a)) }))));
      added.forEach((response, j) => {
        if (response.errors.length === 0) pages += 1;
        for (const message of response.errors) errors.push({ file: batch[j]?.sourceFile ?? null, message });
      });
    };
    // The next batch is sent before the last is answered, so Pagefind has work while this thread, busy with render, makes it.
    let answering: Promise<void> | null = null;
    for (let i = 0; i < articles.length; i += BATCH) {
      // A failing build stops within a batch rather than wait for the whole shard (seconds at 25x).
      if (options.signal?.aborted === true) {
        await answering;
        return { pages: 0, errors: [...errors, { file: null, message: 'stopped: the build failed' }] };
      }
      const sending = send(articles.slice(i, i + BATCH));
      // Handled now: it may fail while the last batch is still awaited.
      sending.catch(() => undefined);
      await answering;
      answering = sending;
    }
    await answering;
    await seeding;
    const written = await alive(index.writeFiles({ outputPath: outputDir }));
    for (const message of written.errors) errors.push({ file: null, message });
    if (options.indexOnly === true && written.errors.length === 0) await keepIndexFiles(outputDir);
    return { pages: written.errors.length === 0 ? pages : 0, errors };
  } catch (error) {
    // Not Pagefind's failure but ours, for the author to act on (a damaged article cache, read for a body): the build fails with it, as render would.
    if (error instanceof BroadsheetError) throw error;
    const message = (error as Error).message ?? String(error);
    // Pagefind's package may notice a dead process first, writing to it: how the process ended says more.
    const ended = pagefindEnding(message) === 'closed' ? await watch?.endedWithin(PROCESS_END_WAIT_MS) : null;
    errors.push({ file: null, message: ended?.message ?? message });
    return { pages: 0, errors };
  } finally {
    // Ends Pagefind's process rather than only deleting the index: it keeps every page's words
    // twice while writing (about 150 KB an article), and a live preview should not hold that
    // between rebuilds. The next build starts a new one. A process that ended has no index to
    // delete; one ending meanwhile would leave the call unanswered, so it is raced as the others.
    if (index !== undefined && watch !== undefined && !watch.ended) await watch.alive(index.deleteIndex()).catch(() => undefined);
    watch?.stop();
    await pagefind.close().catch(() => undefined);
  }
}

/**
 * The fingerprint of everything a bundle is made from: every article's URL and search document,
 * the language, and where the bundle sits among the shards (`placement`: its folder, the layout,
 * and for the primary the other bundles its list names). Two builds with the same key produce the
 * same bundle, so the second can reuse the first's files instead of running Pagefind again.
 *
 * With `bodySalt` (the article cache's salt: the code and data that turn an input into its body
 * HTML), each body is named by its input's hash (contentHash) instead of read (by `bodyOf`):
 * the same input under the same code gives the same body, and a rebuild after one edit reads one
 * body, not every article's.
 */
export function searchIndexKey(articles: readonly Article[], language: string, placement: string, bodySalt: string | null = null, bodyOf: (article: Article) => string = (a) => a.bodyHtml): string {
  const hash = createHash('sha256').update(`broadsheet-search-3\0${PAGEFIND_VERSION}\0${language}\0${placement}\0${bodySalt ?? ''}\0`);
  for (const article of articles) {
    const body = bodySalt === null ? bodyOf(article) : `input ${article.contentHash}`;
    hash.update(`${article.url}\0${searchPage(article, language, body)}\0`);
  }
  return hash.digest('hex');
}

/**
 * Removes Pagefind's scripts, styles and WebAssembly from a bundle, keeping what a merged index
 * fetches: pagefind-entry.json, the .pf_meta file and the index/, fragment/ and filter/ folders.
 */
async function keepIndexFiles(bundleDir: string): Promise<void> {
  for (const entry of await readdir(bundleDir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name !== 'pagefind-entry.json' && !entry.name.endsWith('.pf_meta')) await rm(path.join(bundleDir, entry.name));
  }
}

/**
 * A filter value Pagefind's UI can show safely. The UI writes filter values into the page as HTML
 * and Pagefind decodes entities in them once more than the HTML parser does, so escaping cannot
 * protect them: angle brackets are dropped and "&" becomes the look-alike "＆" (U+FF06).
 */
export function filterValue(name: string): string {
  return name.replace(/[<>]/g, '').replace(/&/g, '\uFF06').trim();
}
