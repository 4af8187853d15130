/** Shared memory for arrays several threads read, in blocks glibc maps and gives back whole. */
import type { Allocate } from '../enrich/term-vectors.ts';

/**
 * Shared memory for relate's arrays in blocks larger than glibc's largest mmap threshold (32 MiB):
 * each block is a mapping of its own, given back whole once its arrays are let go. Arrays of a few
 * MB each would land in the brk heap once glibc has raised its threshold, and memory freed there
 * under a live chunk is never given back (~100 MB for the rest of a 25x build). A block's pages
 * that no array reaches are never touched, so they cost no memory.
 */
export class SharedArena implements Allocate {
  #block: SharedArrayBuffer | null = null;
  #used = 0;

  int32(length: number): Int32Array {
    return this.#array(Int32Array, length);
  }

  float64(length: number): Float64Array {
    return this.#array(Float64Array, length);
  }

  uint8(length: number): Uint8Array {
    return this.#array(Uint8Array, length);
  }

  /** A zero-filled array of `length` elements in the current block, or in a new one when it is full. */
  #array<T>(type: { readonly BYTES_PER_ELEMENT: number; new (buffer: SharedArrayBuffer, offset: number, length: number): T }, length: number): T {
    // Every array starts 8-aligned, as a Float64Array must.
    const size = Math.ceil((type.BYTES_PER_ELEMENT * length) / 8) * 8;
    if (this.#block === null || this.#used + size > this.#block.byteLength) {
      this.#block = new SharedArrayBuffer(Math.max(BLOCK_BYTES, size));
      this.#used = 0;
    }
    const offset = this.#used;
    this.#used += size;
    return new type(this.#block, offset, length);
  }
}

/** Bytes per block of the shared arena: above glibc's 32 MiB cap on its mmap threshold. */
const BLOCK_BYTES = 64 * 2 ** 20;
