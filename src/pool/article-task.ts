/** Per-article work for the pool: read, parse and enrich one input, through the article cache. */
import type { Article } from '../content/article.ts';
import type { InputFile } from '../content/input-file.ts';
import { contentHashOf, parseInputSafely, readInputBytes, type InputBytes } from '../content/load-article.ts';
import type { InputOutcome } from '../content/load-articles.ts';
import { enrichArticle } from '../enrich/enrich-article.ts';
import { ArticleCache } from '../cache/article-cache.ts';

/** One input, read, parsed and enriched: an article with its problems, or the reason it gave none. */
export type ArticleOutcome = InputOutcome<Article>;

/** An outcome plus the cache key it was stored under (null without a cache), so the build can prune the rest. */
export interface ArticleTaskResult {
  readonly outcome: ArticleOutcome;
  readonly cacheKey: string | null;
}

/** What a load task carries: the input and where its cache is. */
export interface ArticleTask {
  readonly input: InputFile;
  /** The article cache folder, or null to build without one. */
  readonly cacheDir: string | null;
  /** Code, data and config hash: a cached article is reused only when it is the same. */
  readonly salt: string;
}

/** Reads one input and returns its article, from the cache when bytes, path and code are unchanged. Never throws for content. */
export async function runArticleTask(task: ArticleTask): Promise<ArticleTaskResult> {
  const found = await lookUp(task);
  if (found.result !== null) return found.result;
  const { read, cache, cacheKey } = found;
  const parsed = parseInputSafely(task.input, read.bytes, read.overrideBytes);
  const outcome: ArticleOutcome = parsed.ok ? { ok: true, article: enrichArticle(parsed.article), problems: parsed.problems } : parsed;
  if (cache !== null && cacheKey !== null) await cache.set(cacheKey, outcome);
  return { outcome, cacheKey };
}

/**
 * The cached result of a task, or null when it must run: the main thread asks first, so cache
 * hits never cross to a worker (and an all-cached build starts none).
 */
export async function cachedArticle(task: ArticleTask): Promise<ArticleTaskResult | null> {
  return task.cacheDir === null ? null : (await lookUp(task)).result;
}

/** A finished result (unreadable input or cache hit), or what computing it needs. */
type LookUp =
  | { readonly result: ArticleTaskResult }
  | { readonly result: null; readonly read: Extract<InputBytes, { ok: true }>; readonly cache: ArticleCache | null; readonly cacheKey: string | null };

async function lookUp(task: ArticleTask): Promise<LookUp> {
  const read = await readInputBytes(task.input);
  if (!read.ok) return { result: { outcome: read, cacheKey: null } };
  const cache = task.cacheDir === null ? null : new ArticleCache(task.cacheDir, task.salt);
  const cacheKey = cache?.keyFor(task.input, contentHashOf(read.bytes, read.overrideBytes)) ?? null;
  const hit = cache === null || cacheKey === null ? null : await cache.get<ArticleOutcome>(cacheKey);
  return hit === null ? { result: null, read, cache, cacheKey } : { result: { outcome: hit, cacheKey } };
}
