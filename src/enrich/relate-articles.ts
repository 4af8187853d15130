/** Relating articles: near-duplicate copies, related articles (TF-IDF plus shared entities) and story clusters. */
import type { Article, StoryLink, Subject } from '../content/article.ts';
import { compareCodePoints } from '../text/compare.ts';
import { clusterStories } from './cluster-stories.ts';
import { findNearDuplicates, minhashSignature } from './find-near-duplicates.ts';
import { nearestNeighbours } from './nearest-neighbours.ts';
import { type ArticleTerms, TermTable } from './term-vectors.ts';
import { refineSubjects } from './refine-subjects.ts';
import { resolveSurnames } from './resolve-surnames.ts';
import { subjectTopics } from './choose-topics.ts';

/** How many related articles each article lists. */
export const RELATED_COUNT = 5;

/** Below this cosine similarity two articles are not worth a "related" link. */
const MIN_RELATED_SIMILARITY = 0.01;

/** What the relate stage gives the archive. */
export interface Relations {
  /** The articles, in the order given, with `story` and `duplicateOf` set where they apply. */
  readonly articles: Article[];
  /** For each article id, up to RELATED_COUNT other article ids, best first. */
  readonly related: Map<string, string[]>;
}

/**
 * Near-copies are found first (MinHash) and point at their original, the earliest copy; the
 * originals are then related and clustered into stories; a copy shares its original's story and
 * lists the original first among its related. Subjects are refined and lone surnames resolved
 * across the archive. Near-linear in the number of articles. Deterministic. `termsOf` gives the
 * articles whose words were already read where they were parsed (TermTable.termsOf); the result
 * is the same either way.
 */
export function relateArticles(articles: readonly Article[], termsOf: (article: Article) => ArticleTerms | undefined = () => undefined): Relations {
  const n = articles.length;
  const originalOf = new Int32Array(n).fill(-1);
  // One pass over each article's words: MinHash signature and term counts; the words are not kept.
  // An article read where it was parsed (termsOf) is not read again.
  const table = new TermTable();
  const signatures = articles.map((article) => {
    const read = termsOf(article);
    if (read === undefined) return minhashSignature(table.add(article));
    table.addTerms(read);
    return read.signature === null ? null : Uint32Array.from(read.signature);
  });
  for (const group of findNearDuplicates(signatures)) {
    const [first, ...copies] = [...group].sort((a, b) => compareReadingOrder(articles[a]!, articles[b]!));
    for (const copy of copies) originalOf[copy] = first!;
  }
  const isOriginal = (i: number): boolean => originalOf[i] === -1;
  const vectors = table.vectors();
  const neighbours = nearestNeighbours(vectors, RELATED_COUNT * 2, MIN_RELATED_SIMILARITY, isOriginal);
  const subjects = refineSubjects(articles, vectors);
  const people = resolveSurnames(articles);

  const storyOf = new Map<number, StoryLink>();
  for (const group of clusterStories(articles, neighbours)) {
    const ids = [...group].sort((a, b) => compareReadingOrder(articles[a]!, articles[b]!)).map((i) => articles[i]!.id);
    const story: StoryLink = { id: ids[0]!, articleIds: ids };
    for (const i of group) storyOf.set(i, story);
  }

  const related = new Map<string, string[]>();
  const { starts, indexes } = neighbours;
  const linked = articles.map((article, i): Article => {
    const original = originalOf[i]!;
    const source = original === -1 ? i : original;
    const ids: string[] = original === -1 ? [] : [articles[original]!.id];
    for (let r = starts[source]!; r < starts[source + 1]! && ids.length < RELATED_COUNT; r++) {
      const id = articles[indexes[r]!]!.id;
      if (id !== article.id) ids.push(id);
    }
    related.set(article.id, ids);
    const story = storyOf.get(source);
    const refined = subjects[i]!;
    // A spread of the whole article is a fast copy; leaving keys out by a rest pattern copies key by key.
    const relinked: Mutable<Article> = { ...(Object.hasOwn(article, 'story') || Object.hasOwn(article, 'duplicateOf') ? withoutLinks(article) : article), subjects: refined, people: people[i]!, topics: retopic(article, refined) };
    if (story !== undefined) relinked.story = story;
    if (original !== -1) relinked.duplicateOf = articles[original]!.id;
    return relinked;
  });
  return { articles: linked, related };
}

/** An article's own fields, made writable while the relate stage sets its links. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** An article without the links a previous relate gave it. */
function withoutLinks(article: Article): Article {
  const { story: _oldStory, duplicateOf: _oldCopy, ...rest } = article;
  return rest;
}

/** Dated articles oldest first, then undated ones; ties by id. The first of a group is its original. */
function compareReadingOrder(a: Article, b: Article): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return compareCodePoints(a.date, b.date);
  }
  return compareCodePoints(a.id, b.id);
}

/** Topics after subjects were re-ranked: the subject part is replaced only where it was derived (declared topics stay). */
function retopic(article: Article, refined: readonly Subject[]): readonly string[] {
  if (refined === article.subjects) return article.topics;
  const derived = subjectTopics(article.subjects);
  if (!derived.every((label, k) => article.topics[k] === label)) return article.topics;
  return [...subjectTopics(refined), ...article.topics.slice(derived.length)];
}
