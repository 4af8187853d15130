/** Stage 1 for the whole input: load every file, report the ones that give no page, keep ids unique. */
import type { InputFile } from './input-file.ts';
import type { ParsedArticle } from './parsed-article.ts';
import { loadArticle } from './load-article.ts';
import type { BuildReport } from '../report.ts';
import { shortHash } from '../text/short-hash.ts';
import { articleUrl } from '../urls.ts';

/** How many files are read at once. */
const READ_CONCURRENCY = 32;

/** Loads all inputs in input order; problems go to the report, skipped files included. */
export async function loadArticles(inputs: readonly InputFile[], report: BuildReport): Promise<ParsedArticle[]> {
  const results = new Array<Awaited<ReturnType<typeof loadArticle>>>(inputs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < inputs.length) {
      const i = next++;
      results[i] = await loadArticle(inputs[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, inputs.length) }, worker));
  const articles: ParsedArticle[] = [];
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

/**
 * Makes the archive show each article once: a file whose bytes equal an earlier file's is skipped
 * (reported), and an id or slug already taken gets a suffix from its own path, so it stays stable.
 * `articles` must be in input order (seeds first, then content, each sorted by path).
 */
export function dedupeArticles(articles: readonly ParsedArticle[], report: BuildReport, displayPath: (a: ParsedArticle) => string): ParsedArticle[] {
  const byHash = new Map<string, ParsedArticle>();
  const ids = new Set<string>();
  const slugs = new Set<string>();
  const kept: ParsedArticle[] = [];
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
