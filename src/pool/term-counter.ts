/**
 * Counts articles' terms on a thread of its own while the articles load, so relate finds the
 * archive's term table made. Relate read every article's terms into the table on the main thread
 * while its workers waited: 3.3 s of a 21.9 s rebuild at 25x (after one edit), every article's
 * terms held on the main thread until then. Articles come in any order (batches load at once):
 * each gets a row, and vectorJob() puts the rows in the archive's order (TermTable.reorder), so
 * the vectors are the ones a table filled in that order makes.
 */
import { siblingModule, WorkerPool } from './worker-pool.ts';
import type { TermsJson, VectorJob } from '../enrich/term-vectors.ts';
import type { PackSlice } from '../cache/article-pack.ts';

/**
 * An article's terms for the counting thread: as JSON (an article parsed in this build), or where
 * its entry's terms line is in the article cache, which that thread reads itself: the main
 * thread reading a rebuild's cached articles then neither parses their terms nor sends them.
 */
export type TermsSource = TermsJson | PackSlice;

/** What the counting thread is asked: count a batch of articles, or give the table of rows `order`. */
export type TermCountTask = { readonly kind: 'add'; readonly sources: readonly TermsSource[] } | { readonly kind: 'job'; readonly order: Int32Array };

/** Articles sent at once: one message per batch, small enough that the thread starts early. */
const BATCH = 256;

/** Counts terms on one worker as they are added; vectorJob() answers with the table and ends the thread. */
export class TermCounter {
  readonly #pool = new WorkerPool<TermCountTask, number | VectorJob>(siblingModule('term-count-worker', import.meta.url), 1);
  #sources: TermsSource[] = [];
  #rows = 0;
  /** Batches sent: a batch that failed must fail the job, not leave a table without its rows. */
  readonly #sent: Array<Promise<unknown>> = [];

  /** Counts one article's terms soon; returns its row, by which vectorJob() orders it. */
  add(source: TermsSource): number {
    this.#sources.push(source);
    if (this.#sources.length >= BATCH) this.#send();
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
    this.#sources = [];
    return this.#pool.close();
  }

  #send(): void {
    if (this.#sources.length === 0) return;
    this.#sent.push(this.#pool.run({ kind: 'add', sources: this.#sources }));
    this.#sources = [];
  }
}
