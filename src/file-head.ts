/**
 * A field read from the start of a file whose writer puts it first (a manifest's output folder,
 * a Pagefind fragment's URL), without reading or parsing the rest.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** The first `bytes` bytes of `file`, fewer when it is shorter. Throws when it cannot be read. */
export function readHeadSync(file: string, bytes: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * The value of `field` when `text` starts with a JSON object whose first member is that field,
 * a string (`{"field":"..."`); null otherwise: another first member, another type, or the string
 * cut off by the end of `text`.
 */
export function leadingJsonString(text: string, field: string): string | null {
  const opening = `{${JSON.stringify(field)}:`;
  if (!text.startsWith(opening)) return null;
  const literal = /^"(?:[^"\\]|\\.)*"/.exec(text.slice(opening.length))?.[0];
  if (literal === undefined) return null;
  try {
    const value = JSON.parse(literal) as unknown;
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}
