/** Relating articles: near-duplicate copies, related articles (TF-IDF plus shared entities) and story clusters. */
import type { Article, Entity, StoryLink, Subject } from '../content/article.ts';
import { compareCodePoints } from '../text/compare.ts';
import { clusterStories } from './cluster-stories.ts';
import { findNearDuplicates, minhashSignature } from './find-near-duplicates.ts';
import { compressRows, type NeighbourIndex, neighbourIndex, type NeighbourRows, neighbourRows, type Neighbours, nearestNeighbours } from './nearest-neighbours.ts';
import { type Allocate, allocateHere, type ArticleTerms, TermTable, type TermVectors } from './term-vectors.ts';
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
 * Where relate's nearest-neighbour search runs when other threads share it: the search reads
 * memory they can read too, and this thread does other work of relate while they start searching.
 */
export interface SharedSearch {
  /** Memory for the arrays the search reads and writes (the vectors, the index, the rows). */
  readonly allocate: Allocate;
  /** Fills `rows` for every active article of `index`, running `meanwhile` on this thread first. */
  search(index: NeighbourIndex, rows: NeighbourRows, meanwhile: () => void): Promise<void>;
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
  const read = readArticles(articles, termsOf, allocateHere);
  const neighbours = nearestNeighbours(read.vectors, RELATED_COUNT * 2, MIN_RELATED_SIMILARITY, read.isOriginal);
  return linkArticles(articles, read.originalOf, neighbours, refineSubjects(articles, read.vectors), resolveSurnames(articles));
}

/**
 * relateArticles with its nearest-neighbour search shared with other threads (`search`; null:
 * this thread alone): the same relations. The search is most of relate's time on a large archive,
 * and it is per article given the index, so the threads take its articles in turn.
 */
export async function relateArticlesShared(articles: readonly Article[], termsOf: (article: Article) => ArticleTerms | undefined, search: SharedSearch | null): Promise<Relations> {
  if (search === null) return relateArticles(articles, termsOf);
  const read = readArticles(articles, termsOf, search.allocate);
  const index = neighbourIndex(read.vectors, RELATED_COUNT * 2, MIN_RELATED_SIMILARITY, read.isOriginal, search.allocate);
  const rows = neighbourRows(index, search.allocate);
  // Subjects and surnames need no neighbours: this thread works them out while the others search.
  let subjects: Array<readonly Subject[]> = [];
  let people: Array<readonly Entity[]> = [];
  await search.search(index, rows, () => {
    subjects = refineSubjects(articles, read.vectors);
    people = resolveSurnames(articles);
  });
  return linkArticles(articles, read.originalOf, compressRows(rows, index.k), subjects, people);
}

/** What relate reads from the articles before searching: each one's original (-1: it is one) and the archive's vectors. */
interface ReadArticles {
  readonly originalOf: Int32Array;
  readonly isOriginal: (index: number) => boolean;
  readonly vectors: TermVectors;
}

/**
 * One pass over each article's words: MinHash signature and term counts (the words are not kept);
 * then the near-copies and the vectors, in memory from `allocate`. An article read where it was
 * parsed (termsOf) is not read again.
 */
function readArticles(articles: readonly Article[], termsOf: (article: Article) => ArticleTerms | undefined, allocate: Allocate): ReadArticles {
  const originalOf = new Int32Array(articles.length).fill(-1);
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
  return { originalOf, isOriginal: (i) => originalOf[i] === -1, vectors: table.vectors(allocate) };
}

/** The relations from what was read, the neighbours, and the refined subjects and resolved people of each article. */
function linkArticles(articles: readonly Article[], originalOf: Int32Array, neighbours: Neighbours, subjects: ReadonlyArray<readonly Subject[]>, people: ReadonlyArray<readonly Entity[]>): Relations {
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
