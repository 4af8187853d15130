/** Per-article work for the pool: read, parse and enrich a batch of inputs, and store them in the article cache. */
import type { Article } from '../content/article.ts';
import type { InputFile } from '../content/input-file.ts';
import { parseInputSafely } from '../content/load-article.ts';
import { contentHashOf, readInputBytesSync } from '../content/read-input.ts';
import type { InputOutcome } from '../content/load-articles.ts';
import { enrichArticle } from '../enrich/enrich-article.ts';
import { articleCacheKey } from '../cache/article-cache.ts';
import { appendEntries, type EntryLocation, type PackEntry } from '../cache/article-pack.ts';
import { articleTerms, termsJson, type ArticleTerms, type TermsJson } from '../enrich/term-vectors.ts';

/**
 * One input, read, parsed and enriched: an article with its problems and the MinHash signature
 * relate compares it by, or the reason it gave none. The article's `bodyText` is left empty:
 * relate, its only reader after parse, takes its terms instead (~150 MB of text at 25x no longer
 * held by the main thread), which travel apart (see ArticleTaskResult).
 */
export type ArticleOutcome = (Extract<InputOutcome<Article>, { ok: true }> & { readonly signature: ArticleTerms['signature'] }) | Extract<InputOutcome<Article>, { ok: false }>;

/**
 * One input's result as it crosses threads: the outcome as JSON with an empty body HTML (a string
 * is copied, not walked like an object, and the pack line is this same string), its terms as
 * JSON (null when it gave no article), and where it is stored under which key, with the content
 * hash of the bytes read (null for an unreadable input, which is not cached: its outcome says why).
 */
export interface ArticleTaskResult {
  readonly meta: string;
  readonly terms: TermsJson | null;
  readonly stored: { readonly key: string; readonly location: EntryLocation; readonly contentHash: string } | null;
}

/** What a load task carries: a batch of inputs (one message for many) and where the cache is. */
export interface ArticleTask {
  readonly inputs: readonly InputFile[];
  /** The article cache folder: every article is stored there, since pages read their body back from it. */
  readonly cacheDir: string;
  /** Code and data hash: part of every cache key. */
  readonly salt: string;
}

/** Reads, parses and enriches each input and appends the articles to this thread's pack. Never throws for content. */
export function runArticleTask(task: ArticleTask): ArticleTaskResult[] {
  const results: Array<{ meta: string; terms: TermsJson | null; key: string | null; contentHash: string }> = [];
  const entries: PackEntry[] = [];
  for (const input of task.inputs) {
    const read = readInputBytesSync(input);
    if (!read.ok) {
      results.push({ meta: JSON.stringify(read), terms: null, key: null, contentHash: '' });
      continue;
    }
    // The key comes from the bytes read now, so an input edited since it was hashed is never stored under its old key.
    const contentHash = contentHashOf(read.bytes, read.overrideBytes);
    const key = articleCacheKey(task.salt, input, contentHash);
    const parsed = parseInputSafely(input, read.bytes, read.overrideBytes, contentHash);
    let meta: string;
    let terms: TermsJson | null = null;
    let bodyHtml = '';
    if (parsed.ok) {
      const article = enrichArticle(parsed.article);
      const counted = articleTerms(article);
      const outcome: ArticleOutcome = { ok: true, article: { ...article, bodyText: '', bodyHtml: '' }, problems: parsed.problems, signature: counted.signature };
      meta = JSON.stringify(outcome);
      terms = termsJson(counted);
      bodyHtml = article.bodyHtml;
    } else {
      meta = JSON.stringify(parsed);
    }
    entries.push({ meta, terms: terms ?? 'null', body: JSON.stringify(bodyHtml) });
    results.push({ meta, terms, key, contentHash });
  }
  const locations = appendEntries(task.cacheDir, entries);
  let stored = 0;
  return results.map(({ meta, terms, key, contentHash }) => ({ meta, terms, stored: key === null ? null : { key, location: locations[stored++]!, contentHash } }));
}
