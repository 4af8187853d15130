/**
 * Counts articles' terms on a thread of its own while the articles load, so relate finds the
 * archive's term table made. Relate read every article's terms into the table on the main thread
 * while its workers waited: 3.3 s of a 21.9 s rebuild at 25x (after one edit), every article's
 * terms held on the main thread until then. Articles come in any order (batches load at once):
 * each gets a row, and vectorJob() puts the rows in the archive's order (TermTable.reorder), so
 * the vectors are the ones a table filled in that order makes.
 */
import { siblingModule, WorkerPool } from './worker-pool.ts';
import type { ArticleTerms, VectorJob } from '../enrich/term-vectors.ts';

/** What the counting thread is asked: count a batch of articles, or give the table of rows `order`. */
export type TermCountTask =
  | {
      readonly kind: 'add';
      readonly terms: readonly string[];
      /** Every article's counts, one after the other: article i has lengths[i] of them. */
      readonly counts: Int32Array;
      readonly lengths: Int32Array;
    }
  | { readonly kind: 'job'; readonly order: Int32Array };

/** Articles sent at once: one message per batch, small enough that the thread starts early. */
const BATCH = 256;

/** Room for a batch's counts at first: 256 articles of a few hundred terms each. */
const FIRST_COUNTS = 2 ** 16;

/** Counts terms on one worker as they are added; vectorJob() answers with the table and ends the thread. */
export class TermCounter {
  readonly #pool = new WorkerPool<TermCountTask, number | VectorJob>(siblingModule('term-count-worker', import.meta.url), 1);
  #terms: string[] = [];
  /** The batch's counts, one article after the other, and how many are in use. */
  #counts = new Int32Array(FIRST_COUNTS);
  #used = 0;
  #lengths: number[] = [];
  #rows = 0;
  /** Batches sent: a batch that failed must fail the job, not leave a table without its rows. */
  readonly #sent: Array<Promise<unknown>> = [];

  /** Counts one article's terms soon; returns its row, by which vectorJob() orders it. */
  add(read: Pick<ArticleTerms, 'terms' | 'counts'>): number {
    const { counts } = read;
    if (this.#used + counts.length > this.#counts.length) {
      const grown = new Int32Array(Math.max(2 * this.#counts.length, this.#used + counts.length));
      grown.set(this.#counts.subarray(0, this.#used));
      this.#counts = grown;
    }
    for (let k = 0; k < counts.length; k++) this.#counts[this.#used + k] = counts[k]!;
    this.#used += counts.length;
    this.#terms.push(read.terms);
    this.#lengths.push(counts.length);
    if (this.#terms.length >= BATCH) this.#send();
    return this.#rows++;
  }

  /** The vector job of rows `order`, in that order (see TermTable.reorder), in shared memory; the thread then ends. */
  async vectorJob(order: Int32Array): Promise<VectorJob> {
    this.#send();
    await Promise.all(this.#sent.splice(0));
    const job = (await this.#pool.run({ kind: 'job', order })) as VectorJob;
    await this.#pool.close();
    return job;
  }

  /** Ends the thread (a build that failed before relate). */
  close(): Promise<void> {
    this.#terms = [];
    this.#lengths = [];
    this.#used = 0;
    return this.#pool.close();
  }

  #send(): void {
    if (this.#terms.length === 0) return;
    // A copy of the counts in use: the message copies what it is given, and the buffer is filled again.
    this.#sent.push(this.#pool.run({ kind: 'add', terms: this.#terms, counts: this.#counts.slice(0, this.#used), lengths: Int32Array.from(this.#lengths) }));
    this.#terms = [];
    this.#lengths = [];
    this.#used = 0;
  }
}
