/** Stage 1 for the whole input: load every file, report the ones that give no page, keep ids unique. */
import type { InputFile } from './input-file.ts';
import type { ParsedArticle } from './parsed-article.ts';
import type { InputProblem } from './load-article.ts';
import type { BuildReport } from '../report.ts';
import { shortHash } from '../text/short-hash.ts';
import { articleUrl } from '../urls.ts';

/** How `loadEach` hands out the inputs, and which articles it keeps. */
export interface LoadBatches {
  /** Inputs per call of `load`: one task message (and one pack write) for many articles. */
  readonly size: number;
  /** Calls of `load` under way at once: enough to keep a worker pool busy, few enough to keep memory flat. */
  readonly concurrency: number;
  /** Once aborted, no further batch starts: loadEach rejects with its reason when the batches under way are done. */
  readonly signal?: AbortSignal;
  /** Keep drafts (front matter `draft: true`), each with a warning saying so; else each is a skipped line (default). */
  readonly drafts?: boolean;
}

/** One input's outcome: an article (of whatever stage) with its problems, or the reason it gave none. */
export type InputOutcome<T> =
  | { readonly ok: true; readonly article: T; readonly problems: readonly InputProblem[] }
  | { readonly ok: false; readonly problem: InputProblem };

/**
 * Runs `load` on every input, in batches, a bounded number at a time (so a worker pool stays busy
 * without every file's bytes in memory at once), and returns the articles in input order (drafts
 * only when `batches.drafts` asks for them); each problem and each skipped file goes to the report. `load` answers a batch's inputs in order.
 * When a batch fails or the signal aborts, no batch starts after it, and the call rejects only
 * once those under way are done: nothing is left running on the pool the caller closes next.
 */
export async function loadEach<T extends { readonly draft?: true }>(
  inputs: readonly InputFile[],
  report: BuildReport,
  load: (batch: readonly InputFile[]) => Promise<Array<InputOutcome<T>>>,
  batches: LoadBatches,
  onProgress?: (done: number, total: number) => void,
): Promise<T[]> {
  const results = new Array<InputOutcome<T>>(inputs.length);
  const size = Math.max(1, batches.size);
  let next = 0;
  let done = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (next < inputs.length && !failed) {
      batches.signal?.throwIfAborted();
      const start = next;
      next = Math.min(inputs.length, start + size);
      const outcomes = await load(inputs.slice(start, next)).catch((error: unknown) => {
        failed = true;
        throw error;
      });
      outcomes.forEach((outcome, i) => (results[start + i] = outcome));
      done += outcomes.length;
      onProgress?.(done, inputs.length);
    }
  };
  const lanes = await Promise.allSettled(Array.from({ length: Math.min(Math.max(1, batches.concurrency), Math.ceil(inputs.length / size)) }, worker));
  const rejected = lanes.find((lane) => lane.status === 'rejected');
  if (rejected !== undefined) throw rejected.reason;
  const articles: T[] = [];
  for (const [i, result] of results.entries()) {
    // Unpublished, a draft's problems are not the archive's: its one line says why it is not there.
    if (result.ok && result.article.draft === true && batches.drafts !== true) {
      report.add('skipped', inputs[i]!.displayPath, 'draft: true, not published (--drafts builds drafts)');
    } else if (result.ok) {
      for (const p of result.problems) report.add('warning', p.file, p.message, p.line);
      if (result.article.draft === true) report.add('warning', inputs[i]!.displayPath, 'draft: true, built because drafts are on (--drafts)');
      articles.push(result.article);
    } else {
      report.add('skipped', result.problem.file, result.problem.message, result.problem.line);
    }
  }
  return articles;
}

/** What deduplication reads and may change: enough of a ParsedArticle or an Article. */
type Dedupable = Pick<ParsedArticle, 'id' | 'slug' | 'url' | 'contentHash' | 'warnings'>;

/**
 * Makes the archive show each article once: a file whose bytes equal an earlier file's is skipped
 * (reported), and an id or slug already taken gets a suffix from its own path, so it stays stable.
 * `articles` must be in input order (seeds first, then content, each sorted by path).
 */
export function dedupeArticles<T extends Dedupable>(articles: readonly T[], report: BuildReport, displayPath: (a: T) => string): T[] {
  const byHash = new Map<string, T>();
  const ids = new Set<string>();
  const slugs = new Set<string>();
  const kept: T[] = [];
  for (const article of articles) {
    const same = byHash.get(article.contentHash);
    if (same !== undefined) {
      report.add('skipped', displayPath(article), `same text as ${displayPath(same)}: the archive shows it once`);
      continue;
    }
    byHash.set(article.contentHash, article);
    let { id, slug } = article;
    const warnings = [...article.warnings];
    if (ids.has(id)) {
      id = `${id}-${shortHash(displayPath(article))}`;
      const message = `id "${article.id}" is already used by another article; using "${id}" (set a unique id in front matter to choose)`;
      warnings.push(message);
      report.add('warning', displayPath(article), message);
    }
    if (slugs.has(slug)) {
      slug = `${slug}-${shortHash(displayPath(article))}`;
      const message = `URL slug "${article.slug}" is already used by another article; using "${slug}"`;
      warnings.push(message);
      report.add('warning', displayPath(article), message);
    }
    ids.add(id);
    slugs.add(slug);
    kept.push(id === article.id && slug === article.slug ? article : { ...article, id, slug, url: articleUrl(slug), warnings });
  }
  return kept;
}
