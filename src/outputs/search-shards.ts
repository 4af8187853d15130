/**
 * The search index in shards: the searchable articles split into Pagefind bundles by a rule that
 * depends on each article's id only, so an edited or added article changes one shard, and the
 * others are carried over from the previous build instead of indexed again. Pagefind holds every
 * word of a bundle in memory while writing it (about 150 KB an article), so a shard's size also
 * bounds its memory.
 *
 * The rule: an article's bucket is the first `bits` bits of the SHA-256 of its id, with the
 * fewest bits that keep the average shard at or under the shard size (2^bits shards). The number
 * of shards doubles only when the archive outgrows it (each shard then splits in two, and all are
 * indexed again once); with up to one shard's worth of articles there is one bundle, as before.
 *
 * Layout: the first non-empty shard is the primary bundle in `pagefind/` (Pagefind's UI scripts,
 * and the list of the other shards the search page merges); every other shard is its own bundle in
 * `pagefind-<bucket>/`, holding only its index.
 */
import { createHash } from 'node:crypto';
import type { Article } from '../content/article.ts';

/** Articles per shard the rule aims at: ~600 MB of Pagefind at most per shard, few enough bundles for a search to fetch. */
export const SEARCH_SHARD_SIZE = 2048;

/** The folder of the primary bundle, with Pagefind's UI; the search page loads it. */
export const PRIMARY_BUNDLE_DIR = 'pagefind/';

/** One shard: the articles of one bucket and the folder its bundle is written to. */
export interface SearchShard {
  /** The bundle's folder in the site, ending in "/" ("pagefind/", "pagefind-3/"). */
  readonly dir: string;
  /** The bucket number, from 0 to 2^bits - 1. */
  readonly bucket: number;
  /** How many bits of the id's hash choose the bucket (the layout: 2^bits shards). */
  readonly bits: number;
  /** The shard's articles, in the order they were given. */
  readonly articles: readonly Article[];
}

/** Splits articles into shards of about `shardSize` (on average) by their ids; empty buckets give no shard, and no articles one empty primary shard. */
export function searchShards(articles: readonly Article[], shardSize: number = SEARCH_SHARD_SIZE): SearchShard[] {
  const bits = shardBits(articles.length, shardSize);
  const buckets: Article[][] = Array.from({ length: 2 ** bits }, () => []);
  for (const article of articles) buckets[shardBucket(article.id, bits)]?.push(article);
  const filled = buckets.map((members, bucket) => ({ bucket, members })).filter((b) => b.members.length > 0);
  if (filled.length === 0) return [{ dir: PRIMARY_BUNDLE_DIR, bucket: 0, bits, articles: [] }];
  return filled.map(({ bucket, members }, i) => ({ dir: i === 0 ? PRIMARY_BUNDLE_DIR : `pagefind-${bucket}/`, bucket, bits, articles: members }));
}

/** The fewest bits whose 2^bits shards hold `count` articles at `shardSize` or fewer each on average. */
export function shardBits(count: number, shardSize: number): number {
  if (!(shardSize >= 1)) throw new RangeError(`search shard size must be at least 1, not ${shardSize}`);
  let bits = 0;
  while (count > shardSize * 2 ** bits) bits += 1;
  return bits;
}

/** The bucket of an article id: the first `bits` bits of the id's SHA-256, so one more bit splits each bucket in two. */
export function shardBucket(id: string, bits: number): number {
  if (bits === 0) return 0;
  // `>>> 32` would shift by nothing: up to 31 bits is two billion shards, far past any archive.
  return createHash('sha256').update(id).digest().readUInt32BE(0) >>> (32 - Math.min(bits, 31));
}
