/**
 * A small archive with one real near-copy: the BBC corpus carries "China continues breakneck
 * growth" twice, the second time as "China continues rapid growth". The relate stage finds the
 * pair (its `duplicateOf` is taken from relateArticles here, not set by hand); the declared
 * sources, dates and names stand in for a second outlet carrying the wire story a day later.
 */
import type { Article } from '../../src/content/article.ts';
import { relateArticles } from '../../src/enrich/relate-articles.ts';
import { bbcArticle } from './bbc-articles.ts';

/** The first report of the story. */
export const ORIGINAL = bbcArticle('business/china-continues-breakneck-growth.txt', { date: '2005-01-20', source: 'BBC News', topics: ['Economy', 'China'], places: ['Beijing'] });

/** The near-copy as parsed, before the relate stage flags it; another source, a day later, one topic of its own. */
const COPY_AS_PARSED = bbcArticle('business/china-continues-rapid-growth.txt', { date: '2005-01-21', source: 'BBC World Service', topics: ['Economy', 'China', 'Asia'], places: ['Beijing'] });

/** Other real articles around it: older, newer and undated. */
export const OTHERS: readonly Article[] = [
  bbcArticle('politics/russian-ex-spy-on-hunger-strike.txt', { date: '2005-01-11', source: 'BBC News', topics: ['Russia'] }),
  bbcArticle('politics/nuclear-strike-key-terror-risk.txt', { date: '2005-01-17', source: 'BBC News', topics: ['Economy', 'Security'] }),
  bbcArticle('politics/blair-sees-greater-bush-consensus.txt', { date: '2005-01-25', source: 'BBC News', topics: ['Economy'], people: ['Tony Blair'] }),
  bbcArticle('business/absa-and-barclays-talks-continue.txt', { date: null, organizations: ['Absa', 'Barclays'] }),
];

/** The copy as the relate stage flags it. */
export const COPY: Article = withDuplicateOf(COPY_AS_PARSED, [ORIGINAL, COPY_AS_PARSED, ...OTHERS]);

/** The copy with the `duplicateOf` relateArticles gives it among `articles`; throws when it is not flagged. */
function withDuplicateOf(copy: Article, articles: readonly Article[]): Article {
  const flagged = relateArticles(articles).articles.find((a) => a.id === copy.id)?.duplicateOf;
  if (flagged === undefined) throw new Error(`the relate stage no longer flags ${copy.sourceFile} as a near-copy`);
  return { ...copy, duplicateOf: flagged };
}

/** Every article of the fixture, shuffled: grouping must not depend on input order. */
export const WITH_COPY: readonly Article[] = [OTHERS[2]!, COPY, OTHERS[3]!, ORIGINAL, OTHERS[0]!, OTHERS[1]!];
