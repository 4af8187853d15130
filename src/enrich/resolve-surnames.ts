/** Archive-level names: a lone surname ("Blair") becomes the full name the archive uses for it ("Tony Blair"). */
import type { Article, Entity } from '../content/article.ts';
import { slugify } from '../text/slugify.ts';

/** The full name must account for at least this share of the archive's articles naming someone of that surname. */
const DOMINANT_SHARE = 0.75;

/**
 * Each article's people with lone surnames replaced by the archive's dominant full name for that
 * surname, when there is one (two "Blair"s of different first names leave "Blair" alone). Pure.
 */
export function resolveSurnames(articles: readonly Article[]): Array<readonly Entity[]> {
  // surname → full name → articles naming that person in full
  const fullNames = new Map<string, Map<string, number>>();
  for (const article of articles) {
    for (const person of article.people) {
      const words = person.name.split(' ');
      if (words.length < 2) continue;
      const surname = words[words.length - 1]!;
      let names = fullNames.get(surname);
      if (names === undefined) fullNames.set(surname, (names = new Map()));
      names.set(person.name, (names.get(person.name) ?? 0) + 1);
    }
  }
  const dominant = new Map<string, string>();
  for (const [surname, names] of fullNames) {
    const total = [...names.values()].reduce((s, n) => s + n, 0);
    const [best] = [...names].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (best !== undefined && best[1] >= 2 && best[1] >= total * DOMINANT_SHARE) dominant.set(surname, best[0]);
  }
  return articles.map((article) => {
    if (!article.people.some((p) => dominant.has(p.name))) return article.people;
    const merged = new Map<string, Entity>();
    for (const person of article.people) {
      const name = dominant.get(person.name) ?? person.name;
      const seen = merged.get(name);
      merged.set(name, seen === undefined ? { ...person, name, slug: slugify(name) } : { ...seen, mentions: seen.mentions + person.mentions, role: seen.role ?? person.role });
    }
    return [...merged.values()].sort((a, b) => b.mentions - a.mentions);
  });
}
