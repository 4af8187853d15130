/** Related articles: the ones sharing the most topics and entities, weighted by rarity. */
import type { Article } from '../content/article.ts';
import { compareCodePoints } from '../text/compare.ts';

/** How many related articles each article lists. */
export const RELATED_COUNT = 5;

/** Terms shared by more articles than this are too common to relate two articles (and would make it quadratic). */
const MAX_POSTINGS = 1000;

/** For each article, up to RELATED_COUNT other article ids, best first. Deterministic. */
export function relateArticles(articles: readonly Article[]): Map<string, string[]> {
  const keysOf = (a: Article): string[] => [
    ...a.topics.map((t) => `t:${t.toLowerCase()}`),
    ...a.people.map((e) => `p:${e.slug}`),
    ...a.places.map((e) => `l:${e.slug}`),
    ...a.organizations.map((e) => `o:${e.slug}`),
  ];
  const postings = new Map<string, string[]>();
  for (const article of articles) {
    for (const key of new Set(keysOf(article))) {
      let list = postings.get(key);
      if (list === undefined) postings.set(key, (list = []));
      list.push(article.id);
    }
  }
  const related = new Map<string, string[]>();
  for (const article of articles) {
    const scores = new Map<string, number>();
    for (const key of new Set(keysOf(article))) {
      const list = postings.get(key) ?? [];
      if (list.length > MAX_POSTINGS) continue;
      // Rare shared terms say more than common ones (inverse document frequency).
      const weight = Math.log(1 + articles.length / list.length);
      for (const other of list) if (other !== article.id) scores.set(other, (scores.get(other) ?? 0) + weight);
    }
    related.set(
      article.id,
      [...scores]
        .sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0]))
        .slice(0, RELATED_COUNT)
        .map(([id]) => id),
    );
  }
  return related;
}
