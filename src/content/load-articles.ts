/** Stage 1 for the whole input: load every file, report the ones that give no page, keep ids unique. */
import type { InputFile } from './input-file.ts';
import type { ParsedArticle } from './parsed-article.ts';
import type { InputProblem } from './load-article.ts';
import type { BuildReport } from '../report.ts';
import { shortHash } from '../text/short-hash.ts';
import { articleUrl } from '../urls.ts';

/** How many files are read at once. */
const READ_CONCURRENCY = 32;

/** One input's outcome: an article (of whatever stage) with its problems, or the reason it gave none. */
export type InputOutcome<T> =
  | { readonly ok: true; readonly article: T; readonly problems: readonly InputProblem[] }
  | { readonly ok: false; readonly problem: InputProblem };

/**
 * Runs `load` on every input, a bounded number at a time (so a worker pool stays busy without
 * every file's bytes in memory at once), and returns the articles in input order; each problem
 * and each skipped file goes to the report.
 */
export async function loadEach<T>(inputs: readonly InputFile[], report: BuildReport, load: (input: InputFile) => Promise<InputOutcome<T>>, onProgress?: (done: number, total: number) => void): Promise<T[]> {
  const results = new Array<InputOutcome<T>>(inputs.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < inputs.length) {
      const i = next++;
      results[i] = await load(inputs[i]!);
      onProgress?.(++done, inputs.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, inputs.length) }, worker));
  const articles: T[] = [];
  for (const result of results) {
    if (result.ok) {
      for (const p of result.problems) report.add('warning', p.file, p.message, p.line);
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
