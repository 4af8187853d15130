/** Relating articles: near-duplicate copies, related articles (TF-IDF plus shared entities) and story clusters. */
import type { Article, Entity, StoryLink, Subject } from '../content/article.ts';
import { compareCodePoints } from '../text/compare.ts';
import { turnTaker } from '../next-turn.ts';
import { clusterStories } from './cluster-stories.ts';
import { findNearDuplicates, minhashSignature } from './find-near-duplicates.ts';
import { compressRows, type NeighbourIndex, neighbourIndex, type NeighbourRows, neighbourRows, type Neighbours, nearestNeighbours, searchNeighbours } from './nearest-neighbours.ts';
import { type Allocate, allocateHere, type ArticleTerms, TermTable, type TermVectors, type VectorJob, vectorsOf, weighVectors } from './term-vectors.ts';
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
 * Where relate finds each article's terms: read on this thread into the archive's table (termsOf,
 * asked once per article, so its owner may let each go as it is given), or counted already on
 * another thread as the articles loaded (see TermCounter): then only each article's MinHash
 * signature is here, and the table comes as the vector job of the articles in their order.
 */
export type TermSource =
  | { readonly kind: 'read'; readonly termsOf: (article: Article) => ArticleTerms | undefined }
  | {
      readonly kind: 'counted';
      readonly signatureOf: (article: Article) => readonly number[] | null;
      readonly vectorJob: (articles: readonly Article[]) => Promise<VectorJob>;
    };

/** Per-article work of relate that other threads may share: weighing the vectors, searching the neighbours. */
export type SharedJob = { readonly work: 'vectors'; readonly job: VectorJob } | { readonly work: 'neighbours'; readonly index: NeighbourIndex; readonly rows: NeighbourRows };

/** Threads that share relate's per-article work with this one. */
export interface SharedWork {
  /** Memory for the arrays a job reads and writes: memory the other threads can read. */
  readonly allocate: Allocate;
  /** Does every article of `job` with the other threads, running `meanwhile` on this thread first; once `signal` is aborted, stops within a chunk and rejects with its reason. */
  share(job: SharedJob, meanwhile: () => void, signal?: AbortSignal): Promise<void>;
  /**
   * Collects this thread's garbage, while the other threads search the neighbours (the longest
   * job, shared by whoever is free, so the collection costs this thread only its share): the terms
   * read are garbage by then (termsOf's owner may drop each as it is read), and shared memory does
   * not count in V8's own reasons to collect, so no collection would come before relate ends and
   * its peak would hold them all.
   */
  collect(): void;
  /**
   * Called when relate is done: the other threads may still hold the jobs' shared memory (until
   * their next collection, which an idle thread may not have for long), so they are let go.
   */
  finish(): Promise<void>;
}

/** How many articles a shared job has. */
export function jobSize(job: SharedJob): number {
  return job.work === 'vectors' ? job.job.rowChunk.length : job.rows.counts.length;
}

/** Does a shared job's articles from..to (exclusive) on this thread: each call, any range, in any order. */
export function jobRunner(job: SharedJob): (from: number, to: number) => void {
  return job.work === 'vectors' ? weighVectors(job.job) : searchNeighbours(job.index, job.rows);
}

/**
 * Near-copies are found first (MinHash) and point at their original, the earliest copy; the
 * originals are then related and clustered into stories; a copy shares its original's story and
 * lists the original first among its related. Subjects are refined and lone surnames resolved
 * across the archive. Near-linear in the number of articles. Deterministic. `termsOf` gives the
 * articles whose words were already read where they were parsed (articleTerms); the result
 * is the same either way.
 */
export function relateArticles(articles: readonly Article[], termsOf: (article: Article) => ArticleTerms | undefined = () => undefined): Relations {
  const table = new TermTable();
  const originalOf = findOriginals(articles, readTerms(articles, termsOf, table));
  const vectors = table.vectors();
  const neighbours = nearestNeighbours(vectors, RELATED_COUNT * 2, MIN_RELATED_SIMILARITY, (i) => originalOf[i] === -1);
  return linkArticles(articles, originalOf, neighbours, refineSubjects(articles, vectors), resolveSurnames(articles));
}

/**
 * relateArticles with its per-article work (weighing vectors, searching neighbours) shared with
 * other threads (`work`; null: this thread alone): the same relations. While the others start on
 * a job, this thread does work of relate that the job does not need. Once `signal` is aborted,
 * the job under way stops within a chunk and no other starts: it rejects with the signal's reason
 * (a stopped build waited for the whole stage, seconds at 52,000 articles).
 */
export async function relateArticlesShared(articles: readonly Article[], terms: TermSource, work: SharedWork | null, signal?: AbortSignal): Promise<Relations> {
  if (work === null && terms.kind === 'read') return relateArticles(articles, terms.termsOf);
  const shared = work ?? workHere;
  const { originalOf, people, vectors } = await sharedVectors(articles, terms, shared, signal);
  signal?.throwIfAborted();
  const index = neighbourIndex(vectors, RELATED_COUNT * 2, MIN_RELATED_SIMILARITY, (i) => originalOf[i] === -1, shared.allocate);
  const rows = neighbourRows(index, shared.allocate);
  let subjects: Array<readonly Subject[]> = [];
  await shared.share(
    { work: 'neighbours', index, rows },
    () => {
      shared.collect();
      subjects = refineSubjects(articles, vectors);
    },
    signal,
  );
  signal?.throwIfAborted();
  await shared.finish();
  return linkArticles(articles, originalOf, compressRows(rows, index.k), subjects, people);
}

/**
 * The longest relate keeps this thread from the event loop, in milliseconds, where it has a choice
 * (reading the terms, doing chunks of a shared job): a signal (Ctrl+C) is heard only on a turn.
 */
export const RELATE_TURN_MS = 50;

/** SharedWork with no other thread: this one does every job. */
const workHere: SharedWork = {
  allocate: allocateHere,
  share: async (job, meanwhile) => {
    meanwhile();
    jobRunner(job)(0, jobSize(job));
  },
  collect: () => undefined,
  finish: async () => undefined,
};

/**
 * The vectors, weighed with the other threads while this one finds the near-copies and resolves
 * surnames. Only the vectors are read after this returns, but the term counts share the shared
 * arena's blocks with them: their memory is given back only when relate ends (SharedWork.finish).
 */
async function sharedVectors(articles: readonly Article[], terms: TermSource, work: SharedWork, signal: AbortSignal | undefined): Promise<SharedVectors> {
  if (terms.kind === 'counted') return countedVectors(articles, terms, work, signal);
  const table = new TermTable(work.allocate);
  const signatures = await readTermsTakingTurns(articles, terms.termsOf, table, signal);
  const job = table.vectorJob(work.allocate);
  let originalOf: Int32Array = new Int32Array(0);
  let people: Array<readonly Entity[]> = [];
  await work.share(
    { work: 'vectors', job },
    () => {
      originalOf = findOriginals(articles, signatures);
      people = resolveSurnames(articles);
    },
    signal,
  );
  return { originalOf, people, vectors: vectorsOf(job) };
}

/** What sharedVectors gives: each article's original (see findOriginals), its resolved people, and the vectors. */
interface SharedVectors {
  readonly originalOf: Int32Array;
  readonly people: Array<readonly Entity[]>;
  readonly vectors: TermVectors;
}

/** sharedVectors from terms counted on another thread: this one finds the near-copies and resolves surnames while that one puts its table in order. */
async function countedVectors(articles: readonly Article[], terms: Extract<TermSource, { kind: 'counted' }>, work: SharedWork, signal: AbortSignal | undefined): Promise<SharedVectors> {
  const counting = terms.vectorJob(articles);
  // Awaited below; when this thread fails first, its failure is the one that counts.
  counting.catch(() => undefined);
  const signatures = articles.map((article) => {
    const signature = terms.signatureOf(article);
    return signature === null ? null : Uint32Array.from(signature);
  });
  const originalOf = findOriginals(articles, signatures);
  const people = resolveSurnames(articles);
  const job = await counting;
  await work.share({ work: 'vectors', job }, () => undefined, signal);
  return { originalOf, people, vectors: vectorsOf(job) };
}

/**
 * One pass over each article's words into `table`: its term counts, and its MinHash signature,
 * returned (the words are not kept). An article read where it was parsed (termsOf) is not read again.
 */
function readTerms(articles: readonly Article[], termsOf: (article: Article) => ArticleTerms | undefined, table: TermTable): Array<Uint32Array | null> {
  return articles.map((article) => readArticleTerms(article, termsOf, table));
}

/**
 * readTerms, letting the event loop turn every RELATE_TURN_MS and stopping there once `signal` is
 * aborted: at 52,000 articles the pass kept this thread 2.4 s, a Ctrl+C unheard meanwhile.
 */
async function readTermsTakingTurns(articles: readonly Article[], termsOf: (article: Article) => ArticleTerms | undefined, table: TermTable, signal: AbortSignal | undefined): Promise<Array<Uint32Array | null>> {
  const takeTurn = turnTaker(RELATE_TURN_MS);
  const signatures = new Array<Uint32Array | null>(articles.length);
  for (let i = 0; i < articles.length; i++) {
    signatures[i] = readArticleTerms(articles[i]!, termsOf, table);
    const turn = takeTurn();
    if (turn === null) continue;
    await turn;
    signal?.throwIfAborted();
  }
  return signatures;
}

/** One article's terms into `table`, and its MinHash signature (see readTerms). */
function readArticleTerms(article: Article, termsOf: (article: Article) => ArticleTerms | undefined, table: TermTable): Uint32Array | null {
  const read = termsOf(article);
  if (read === undefined) return minhashSignature(table.add(article));
  table.addTerms(read);
  return read.signature === null ? null : Uint32Array.from(read.signature);
}

/** Each article's original among its near-copies (the first in reading order), or -1 for an original. */
function findOriginals(articles: readonly Article[], signatures: ReadonlyArray<Uint32Array | null>): Int32Array {
  const originalOf = new Int32Array(articles.length).fill(-1);
  for (const group of findNearDuplicates(signatures)) {
    const [first, ...copies] = [...group].sort((a, b) => compareReadingOrder(articles[a]!, articles[b]!));
    for (const copy of copies) originalOf[copy] = first!;
  }
  return originalOf;
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
