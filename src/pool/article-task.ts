/** Per-article work for the pool: read, parse and enrich one input, through the article cache. */
import type { Article } from '../content/article.ts';
import type { InputFile } from '../content/input-file.ts';
import { contentHashOf, parseInputSafely, readInputBytes } from '../content/load-article.ts';
import type { InputOutcome } from '../content/load-articles.ts';
import { enrichArticle } from '../enrich/enrich-article.ts';
import { ArticleCache } from '../cache/article-cache.ts';

/** One input, read, parsed and enriched: an article with its problems, or the reason it gave none. */
export type ArticleOutcome = InputOutcome<Article>;

/** An outcome plus the cache key it was stored under (null for an unreadable input), so the build can prune the rest and read the body back. */
export interface ArticleTaskResult {
  readonly outcome: ArticleOutcome;
  readonly cacheKey: string | null;
}

/** What a load task carries: the input and where its cache is. */
export interface ArticleTask {
  readonly input: InputFile;
  /** The article cache folder: every article is stored there, since pages read their body back from it. */
  readonly cacheDir: string;
  /** Code, data and config hash: a cached article is reused only when it is the same. */
  readonly salt: string;
  /** The input's content hash when the build already read it (for its key): a cache hit then needs no second read. */
  readonly contentHash?: string;
  /** The input's bytes when the main thread already read them and missed the cache: not read or looked up again. */
  readonly miss?: { readonly bytes: Uint8Array; readonly overrideBytes: Uint8Array | null; readonly cacheKey: string };
}

/** Reads one input and returns its article, from the cache when bytes, path and code are unchanged. Never throws for content. */
export async function runArticleTask(task: ArticleTask): Promise<ArticleTaskResult> {
  const found = task.miss === undefined ? await lookUp(task) : { result: null, ...task.miss };
  if (found.result !== null) return found.result;
  const { bytes, overrideBytes, cacheKey } = found;
  const parsed = parseInputSafely(task.input, bytes, overrideBytes);
  const outcome: ArticleOutcome = parsed.ok ? { ok: true, article: enrichArticle(parsed.article), problems: parsed.problems } : parsed;
  await new ArticleCache(task.cacheDir, task.salt).set(cacheKey, outcome);
  return { outcome, cacheKey };
}

/** A finished result (unreadable input or cache hit), or the bytes and cache key computing it needs. */
export type LookUp =
  | { readonly result: ArticleTaskResult }
  | { readonly result: null; readonly bytes: Uint8Array; readonly overrideBytes: Uint8Array | null; readonly cacheKey: string };

/** Reads an input and looks it up in the cache; the main thread does this first, so cache hits never cross to a worker. */
export async function lookUp(task: ArticleTask): Promise<LookUp> {
  const cache = new ArticleCache(task.cacheDir, task.salt);
  const known = task.contentHash === undefined ? null : cache.keyFor(task.input, task.contentHash);
  const hit = known === null ? null : await cache.get<ArticleOutcome>(known);
  if (known !== null && hit !== null) return { result: { outcome: hit, cacheKey: known } };
  const read = await readInputBytes(task.input);
  if (!read.ok) return { result: { outcome: read, cacheKey: null } };
  // The key comes from the bytes read now, so an input edited since it was hashed is never stored under its old key.
  const cacheKey = cache.keyFor(task.input, contentHashOf(read.bytes, read.overrideBytes));
  const found = cacheKey === known ? null : await cache.get<ArticleOutcome>(cacheKey);
  return found === null ? { result: null, bytes: read.bytes, overrideBytes: read.overrideBytes, cacheKey } : { result: { outcome: found, cacheKey } };
}

/**
 * The result as the main thread keeps it: the article without its body HTML (about a third of an
 * article's memory), which stays in the cache entry until its page is rendered (see ArticleBodies).
 */
export function withoutBodyHtml(result: ArticleTaskResult): ArticleTaskResult {
  if (!result.outcome.ok || result.cacheKey === null) return result;
  return { ...result, outcome: { ...result.outcome, article: { ...result.outcome.article, bodyHtml: '' } } };
}
