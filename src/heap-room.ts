/** Whether Node's heap limit looks too small for an archive, said before the build runs into it. */
import v8 from 'node:v8';

/**
 * Heap a build needs for each input file, in KiB. The main thread keeps every article's metadata
 * and terms (bodies stay in the cache). Measured on the BBC corpus, against V8's heap_size_limit
 * (--max-old-space-size plus 48 MiB of young generation here): 1x (2,095 articles) died at 96 MiB
 * and built at 112; 25x (52,375) died at 448 and built at 648; at 100x (209,500) the heap held
 * 1,719 MiB after a full collection and up to 2,162 MiB between collections. This and
 * HEAP_BASE_MIB give 117, 608 and 2,142 MiB there.
 */
export const HEAP_KIB_PER_INPUT = 10;

/** Heap a build needs whatever its size (code, templates, word lists, the young generation), in MiB. */
export const HEAP_BASE_MIB = 96;

/** This process's heap limit in MiB, as Node set it (from the machine's or container's memory, or --max-old-space-size, plus the young generation). */
export function heapLimitMiB(): number {
  return v8.getHeapStatistics().heap_size_limit / 2 ** 20;
}

/**
 * Advice when `inputs` files likely need more heap than `limitMiB`, naming the remedy; null when
 * they fit. Past the limit V8 ends the process with "JavaScript heap out of memory" (dist/ stays
 * as it was), which says nothing of the archive or the fix: this line comes before, at the start.
 */
export function heapAdvice(inputs: number, limitMiB: number = heapLimitMiB()): string | null {
  const needMiB = HEAP_BASE_MIB + (inputs * HEAP_KIB_PER_INPUT) / 1024;
  if (needMiB <= limitMiB) return null;
  // Half again, in whole GiB: room for what the estimate misses (long articles, many names).
  const suggestMiB = Math.ceil((needMiB * 1.5) / 1024) * 1024;
  return (
    `${inputs} input files may need about ${Math.ceil(needMiB)} MiB of Node's heap, more than its limit here (${Math.floor(limitMiB)} MiB). ` +
    `If the build stops with "JavaScript heap out of memory", give Node more, in MiB: NODE_OPTIONS=--max-old-space-size=${suggestMiB} npm run build`
  );
}
