/** Which articles are near-copies: the one rule that listings, feeds, the sitemap and pages all ask. */
import type { Article } from '../content/article.ts';

/**
 * The id of the original an article is a near-copy of (the relate stage's `duplicateOf`), or null
 * when it stands for its own story. A copy whose original is not in the archive counts as an
 * original, so no story is ever hidden behind an article that is not there.
 */
export function originalOf(article: Article, byId: ReadonlyMap<string, Article>): string | null {
  const id = article.duplicateOf;
  return id !== undefined && id !== article.id && byId.has(id) ? id : null;
}
