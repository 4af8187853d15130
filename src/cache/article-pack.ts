/**
 * Pack files of the article cache: each thread appends its parsed articles to one file of its own,
 * so a 52k-article build writes a few files, not 52k, and a rebuild reads entries by offset.
 * An entry is three lines: the outcome as JSON with an empty `bodyHtml` (what the main thread keeps),
 * the article's terms for relate as JSON (read by the thread that counts them, see TermCounter),
 * then the body HTML as a JSON string (read back only where it is shown).
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { BroadsheetError } from '../errors.ts';

/** The folder of the pack files, inside the article cache folder. */
export const PACKS_DIR = 'packs';

/** The article cache's index, beside PACKS_DIR: each entry's key and where it is. */
export const INDEX_FILE = 'index.json';

/** Where an entry is: its pack's file name, the byte offset, and the byte lengths of its metadata, terms and body lines. */
export type EntryLocation = readonly [pack: string, offset: number, metaLength: number, termsLength: number, bodyLength: number];

/** One entry to store: metadata, terms and body, as JSON, none containing a line break (JSON escapes them). */
export interface PackEntry {
  readonly meta: string;
  readonly terms: string;
  readonly body: string;
}

/** A stretch of a pack file: its path, byte offset and byte length (the terms line of an entry, see termsSlice). */
export type PackSlice = readonly [file: string, offset: number, length: number];

/** The byte that ends each line of a pack. */
const NEWLINE = 0x0a;

/**
 * The buffer a batch is encoded into before its write, kept for the thread's next batch: a fresh
 * one per batch (~0.7 MB) would be garbage for the collector, and freed memory that glibc's heap
 * may keep mapped.
 */
let scratch = Buffer.allocUnsafe(0);

/**
 * The largest scratch kept: a batch needing more (a 20 MB article asks for 60 MB) is encoded into
 * a buffer of its own, let go after its write, not pinned for the rest of the build or a `serve` process.
 */
const MAX_SCRATCH = 4 * 1024 * 1024;

/** This thread's pack name: one writer per file, so appends need no lock; a new thread (or process) writes a new pack. */
const OWN_PACK = `${process.pid}-${threadId}-${randomUUID().slice(0, 8)}.pack`;

/**
 * Appends entries to this thread's pack in `cacheDir` with one write, and returns where each is.
 * Synchronous: a batch is one system call, and in a worker nothing else waits on it. A write cut
 * short by a killed build is never referenced: the index names entries only after they are written.
 */
export function appendEntries(cacheDir: string, entries: readonly PackEntry[]): EntryLocation[] {
  const dir = path.join(cacheDir, PACKS_DIR);
  // Made each time (one call per batch): a long-lived process (npm run serve) outlives a cache folder deleted between builds.
  mkdirSync(dir, { recursive: true });
  const fd = openSync(path.join(dir, OWN_PACK), 'a');
  try {
    const start = fstatSync(fd).size;
    const locations: EntryLocation[] = [];
    // Each string is encoded once, straight into the buffer written (UTF-8 takes at most three bytes per UTF-16 unit), which also gives its length in bytes.
    let capacity = 0;
    for (const { meta, terms, body } of entries) capacity += 3 * (meta.length + terms.length + body.length) + 3;
    if (capacity <= MAX_SCRATCH && scratch.length < capacity) scratch = Buffer.allocUnsafe(capacity);
    const bytes = capacity <= MAX_SCRATCH ? scratch : Buffer.allocUnsafe(capacity);
    let end = 0;
    for (const { meta, terms, body } of entries) {
      const metaLength = bytes.write(meta, end);
      bytes[end + metaLength] = NEWLINE;
      const termsLength = bytes.write(terms, end + metaLength + 1);
      bytes[end + metaLength + 1 + termsLength] = NEWLINE;
      const bodyLength = bytes.write(body, end + metaLength + termsLength + 2);
      bytes[end + metaLength + termsLength + 2 + bodyLength] = NEWLINE;
      locations.push([OWN_PACK, start + end, metaLength, termsLength, bodyLength]);
      end += metaLength + termsLength + bodyLength + 3;
    }
    let written = 0;
    while (written < end) written += writeSync(fd, bytes, written, end - written);
    return locations;
  } finally {
    closeSync(fd);
  }
}

/** Reads `length` bytes at `offset` of a file as text; throws when the file is gone or shorter. */
function readSlice(file: string, offset: number, length: number): string {
  const fd = openSync(file, 'r');
  try {
    return readAt(fd, file, offset, length);
  } finally {
    closeSync(fd);
  }
}

/**
 * The metadata JSON of each entry, or null where its pack is gone, cut short (before the end of the
 * entry's terms line, which another thread reads later) or cannot be read. Each pack is opened
 * once for all its entries, and entries close together are read with one call: a rebuild reads
 * every article's metadata (10k at 5x), and a call per entry (an open and a close, then a read)
 * took more time than the bytes.
 */
export function readMetas(cacheDir: string, locations: readonly EntryLocation[]): Array<string | null> {
  const packs = path.join(cacheDir, PACKS_DIR);
  return readStretches(locations.map((location) => [path.join(packs, location[0]), location[1], location[2], entryEnd(location)]));
}

/**
 * Where an entry ends: a pack cut short before it (a full disk, a copy stopped part way) leaves a
 * miss, parsed again. Before, only the metadata and terms had to be there: an entry whose body
 * was cut off counted as a hit, and its page or search record failed later.
 */
function entryEnd([, offset, metaLength, termsLength, bodyLength]: EntryLocation): number {
  return offset + metaLength + termsLength + bodyLength + 3;
}

/**
 * For an entry that no longer reads as JSON (its pack damaged since it was written: a disk error,
 * a power cut that left zeros): removes the cache's index, so the next build parses every article
 * again rather than fail on the same entry, and returns the error that fails this build.
 */
export function clearDamagedCache(file: string, offset: number, cause: unknown): BroadsheetError {
  let cleared = 'the cache is cleared: build again, and every article is parsed anew';
  try {
    rmSync(path.join(path.dirname(path.dirname(file)), INDEX_FILE), { force: true });
  } catch {
    cleared = 'delete the .broadsheet-cache folder and build again';
  }
  return new BroadsheetError(`the article cache is damaged: ${file} holds no readable entry at byte ${offset} (${(cause as Error).message ?? cause}); ${cleared}`, { cause });
}

/** The metadata and terms JSON of each entry, read as one stretch (see readMetas); null where not whole or unreadable. */
export function readMetasAndTerms(cacheDir: string, locations: readonly EntryLocation[]): Array<readonly [meta: string, terms: string] | null> {
  const packs = path.join(cacheDir, PACKS_DIR);
  const texts = readStretches(locations.map((location) => [path.join(packs, location[0]), location[1], location[2] + 1 + location[3], entryEnd(location)]));
  // JSON holds no line break: the first one ends the metadata line.
  return texts.map((text) => {
    if (text === null) return null;
    const end = text.indexOf('\n');
    return [text.slice(0, end), text.slice(end + 1)];
  });
}

/** Where an entry's terms line is, for a thread that reads it with readSlices(); `packsDir` as for bodyRef(). */
export function termsSlice(packsDir: string, [pack, offset, metaLength, termsLength]: EntryLocation): PackSlice {
  return [`${packsDir}${path.sep}${pack}`, offset + metaLength + 1, termsLength];
}

/** The text of each slice, each file opened once (see readMetas); null where a file is gone, cut short or cannot be read. */
export function readSlices(slices: readonly PackSlice[]): Array<string | null> {
  return readStretches(slices.map(([file, offset, length]) => [file, offset, length, offset + length]));
}

/** readSlices() of slices found whole before (see readMetas): one cut short since means another process changed the cache, and the build fails. */
export function readWholeSlices(slices: readonly PackSlice[]): string[] {
  return readSlices(slices).map((text, i) => {
    if (text !== null) return text;
    const [file, offset, length] = slices[i]!;
    throw new BroadsheetError(`the article cache changed during the build (${file} ends before byte ${offset + length}); build again`);
  });
}

/** A stretch to read: file, offset and length, and the offset the file must reach for it to count (an entry read in part). */
type Stretch = readonly [file: string, offset: number, length: number, needed: number];

/** Entries of one pack read with one call when the next starts at most this far past the last: a batch's entries were written one after another, with only their terms and bodies between them. */
const MAX_GAP = 64 * 1024;

/** The most bytes one such call reads. */
const MAX_SPAN = 1024 * 1024;

/** The text of each stretch, or null (see readMetas). */
function readStretches(stretches: readonly Stretch[]): Array<string | null> {
  const texts = new Array<string | null>(stretches.length).fill(null);
  const byFile = new Map<string, number[]>();
  stretches.forEach(([file], i) => {
    const entries = byFile.get(file);
    if (entries === undefined) byFile.set(file, [i]);
    else entries.push(i);
  });
  for (const [file, entries] of byFile) {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch {
      continue;
    }
    try {
      // Packs only grow: an entry whose lines reach past the end now was cut short (a killed build).
      const size = fstatSync(fd).size;
      entries.sort((a, b) => stretches[a]![1] - stretches[b]![1]);
      for (let first = 0; first < entries.length; ) {
        const start = stretches[entries[first]!]![1];
        let end = start + stretches[entries[first]!]![2];
        let last = first;
        for (; last + 1 < entries.length; last++) {
          const [, offset, length] = stretches[entries[last + 1]!]!;
          if (offset - end > MAX_GAP || offset + length - start > MAX_SPAN) break;
          end = Math.max(end, offset + length);
        }
        const bytes = Buffer.allocUnsafe(end - start);
        let read = 0;
        try {
          read = readUpTo(fd, bytes, start);
        } catch {
          // A read error (EIO, a pack that is not a file): these entries are misses, parsed again, not a failed build.
        }
        for (let j = first; j <= last; j++) {
          const [, offset, length, needed] = stretches[entries[j]!]!;
          // Cut short or unreadable: left null, a miss.
          if (offset + length - start <= read && needed <= size) texts[entries[j]!] = bytes.toString('utf8', offset - start, offset - start + length);
        }
        first = last + 1;
      }
    } catch {
      // fstat failed: every entry of this file is a miss.
    } finally {
      closeSync(fd);
    }
  }
  return texts;
}

/** Fills `bytes` from `offset` of an open file, or as much as the file holds; returns how many bytes were read. */
function readUpTo(fd: number, bytes: Buffer, offset: number): number {
  let read = 0;
  while (read < bytes.length) {
    const n = readSync(fd, bytes, read, bytes.length - read, offset + read);
    if (n === 0) break;
    read += n;
  }
  return read;
}

/** Reads `length` bytes at `offset` of an open file as text; throws when it is shorter. */
function readAt(fd: number, file: string, offset: number, length: number): string {
  const bytes = Buffer.allocUnsafe(length);
  if (readUpTo(fd, bytes, offset) < length) throw new Error(`the article cache pack ${file} ends before byte ${offset + length}`);
  return bytes.toString('utf8');
}

/**
 * A body's reference as one string, for a thread that reads it back with readBody(): the pack
 * path, offset and length, then the entry's cache key as the last path segment, so a page's
 * change key (which takes the reference's base name) depends on the input, not on where it is stored.
 * `packsDir` is the cache's PACKS_DIR folder, normalised and joined once by the caller: one
 * reference is made per article of a build (52k at 25x), and a four-segment join each cost ~1 µs.
 */
export function bodyRef(packsDir: string, key: string, [pack, offset, metaLength, termsLength, bodyLength]: EntryLocation): string {
  return `${packsDir}${path.sep}${pack}@${offset + metaLength + termsLength + 2}+${bodyLength}${path.sep}${key}`;
}

/** The body HTML a bodyRef() points to. */
export function readBody(ref: string): string {
  const located = path.dirname(ref);
  const at = located.lastIndexOf('@');
  const plus = located.lastIndexOf('+');
  if (at === -1 || plus < at) throw new Error(`not an article cache body reference: ${ref}`);
  const [file, offset] = [located.slice(0, at), Number(located.slice(at + 1, plus))];
  const text = readSlice(file, offset, Number(located.slice(plus + 1)));
  try {
    return JSON.parse(text) as string;
  } catch (error) {
    throw clearDamagedCache(file, offset, error);
  }
}
