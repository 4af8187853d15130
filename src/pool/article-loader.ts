/** Loading batches of inputs for the build: cache hits read here, misses parsed on the pool, each result kept once with its terms for relate. */
import type { Article } from '../content/article.ts';
import type { InputFile } from '../content/input-file.ts';
import { ArticleCache } from '../cache/article-cache.ts';
import { inputKey, type ArticleBodies } from '../cache/article-bodies.ts';
import type { InputHashes } from '../cache/build-key.ts';
import type { KeptTerms } from './kept-terms.ts';
import { clearDamagedCache, type EntryLocation } from '../cache/article-pack.ts';
import type { TermsJson } from '../enrich/term-vectors.ts';
import type { ArticleOutcome } from './article-task.ts';
import type { BuildRunner } from './build-tasks.ts';
import type { StringPool } from './string-pool.ts';
import { turnTaker } from '../next-turn.ts';

/** What the loader reads from and records into. */
export interface ArticleLoaderParts {
  readonly cache: ArticleCache;
  readonly runner: BuildRunner;
  /** Cache keys of the inputs whose content hash the build key found (see inputCacheKeys): a hit needs no read of the input. */
  readonly keys: ReadonlyMap<InputFile, string>;
  /** Where each kept article's body is read back from. */
  readonly bodies: ArticleBodies;
  /** Pools the short strings of the kept articles. */
  readonly strings: StringPool;
  /** The cache keys this build uses: every other entry may be pruned. */
  readonly cacheKeys: Set<string>;
  /** Each kept article's terms for relate (see ArticleOutcome), by inputKey. */
  readonly terms: KeptTerms;
  /** Learns the content hash of each input parsed here, or why it could not be read: the build key of a first build is made from them (see hashInputs). */
  readonly hashes?: InputHashes | null;
}

/** Tasks one worker takes at once (see WorkerPool), plus one batch for this thread. */
const BATCHES_PER_WORKER = 4;

/** Inputs per batch: one message, one pack write and one answer for this many articles. */
export const ARTICLES_PER_BATCH = 32;

/**
 * The longest this thread reads cache hits without a turn of the event loop, in milliseconds. A
 * batch of hits waits on nothing, so without turns the term counter's answers stayed unread: it
 * idled once it had its first batches, and counted the rest only after the reading, while every
 * article's terms waited in its queue (at 25x after one edit: ~80 MB more at the peak, and relate
 * waiting ~1 s for the count).
 */
const MAX_TURN_MS = 8;

/** An article's fields that no other article shares: left out of the string pool. */
const UNIQUE_FIELDS: ReadonlySet<string> = new Set<keyof Article>(['id', 'slug', 'url', 'title', 'summary', 'bodyText', 'bodyHtml', 'sourceFile', 'contentHash']);

/**
 * A cached entry's metadata, or null when it no longer reads as JSON: an entry damaged since it
 * was written (a disk error, a power cut that left zeros) is a miss, parsed again, where it used
 * to end the build with a SyntaxError's stack.
 */
function parseCachedMeta(meta: string): ArticleOutcome | null {
  try {
    return JSON.parse(meta) as ArticleOutcome;
  } catch {
    return null;
  }
}

/** How many batches the build keeps under way with `runner`. */
export function batchConcurrency(runner: BuildRunner): number {
  return Math.max(1, runner.workers) * BATCHES_PER_WORKER + 1;
}

/** The cache key of each input whose content hash is known, and how many of the inputs the cache does not have. */
export function inputCacheKeys(cache: ArticleCache, inputs: readonly InputFile[], contentHashes: ReadonlyMap<InputFile, string> | undefined): { keys: Map<InputFile, string>; misses: number } {
  const keys = new Map<InputFile, string>();
  let misses = 0;
  for (const input of inputs) {
    const hash = contentHashes?.get(input);
    const key = hash === undefined ? undefined : cache.keyFor(input, hash);
    if (key !== undefined) keys.set(input, key);
    if (key === undefined || cache.locate(key) === undefined) misses += 1;
  }
  return { keys, misses };
}

/**
 * A batch loader for loadEach: an input whose content hash is known and whose entry is in the
 * cache is read from its pack here (a hit never crosses to a worker); the rest go to the runner
 * as one task. Every outcome comes back as JSON and is parsed here once (a copy holding no slice
 * of an input's text), with its body HTML left in the cache.
 */
export function articleLoader(parts: ArticleLoaderParts): (batch: readonly InputFile[]) => Promise<ArticleOutcome[]> {
  const { cache, runner, keys, bodies, strings, cacheKeys, terms, hashes } = parts;
  /** Keeps an outcome and its terms: as JSON (a miss, or a hit whose terms were read here), else where they are in the cache. */
  const keep = ({ outcome, terms: termsRead, stored }: { readonly outcome: ArticleOutcome; readonly terms: TermsJson | null; readonly stored: { readonly key: string; readonly location: EntryLocation } | null }): ArticleOutcome => {
    if (stored === null) return outcome;
    const { key, location } = stored;
    cacheKeys.add(key);
    cache.record(key, location);
    if (!outcome.ok) return outcome;
    bodies.add(outcome.article, cache.bodyRef(key, location));
    try {
      terms.keep(inputKey(outcome.article), outcome.signature, termsRead ?? cache.termsSlice(location));
    } catch (error) {
      // Terms read here with the metadata are parsed as they are kept: a damaged line is told as the counting thread tells it.
      if (!(error instanceof SyntaxError)) throw error;
      const [file, offset] = cache.termsSlice(location);
      throw clearDamagedCache(file, offset, error);
    }
    strings.internFields(outcome.article, UNIQUE_FIELDS);
    strings.intern(outcome.problems);
    return outcome;
  };
  const takeTurn = turnTaker(MAX_TURN_MS);
  return async (batch) => {
    const turn = takeTurn();
    if (turn !== null) await turn;
    const outcomes = new Array<ArticleOutcome>(batch.length);
    const misses: number[] = [];
    // An input without a known content hash has no key: '' is in no index, so it is a miss.
    const batchKeys = batch.map((input) => keys.get(input) ?? '');
    // Terms counted on this thread are read with the metadata; the counting thread reads its own.
    const read = terms.readsCache ? cache.metas(batchKeys).map((meta) => (meta === null ? null : ([meta, null] as const))) : cache.metasAndTerms(batchKeys);
    batchKeys.forEach((key, i) => {
      const location = cache.locate(key);
      const entry = read[i] ?? null;
      const outcome = entry === null ? null : parseCachedMeta(entry[0]);
      if (location === undefined || entry === null || outcome === null) misses.push(i);
      else outcomes[i] = keep({ outcome, terms: entry[1], stored: { key, location } });
    });
    if (misses.length === 0) return outcomes;
    const results = await runner.articles({ inputs: misses.map((i) => batch[i]!), cacheDir: cache.dir, salt: cache.salt });
    results.forEach((result, j) => {
      const i = misses[j]!;
      const outcome = (outcomes[i] = keep({ ...result, outcome: JSON.parse(result.meta) as ArticleOutcome }));
      if (hashes == null) return;
      if (result.stored !== null) hashes.learn(batch[i]!, result.stored.contentHash);
      else if (!outcome.ok) hashes.unreadable(batch[i]!, outcome.problem.message);
    });
    return outcomes;
  };
}
