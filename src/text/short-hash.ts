/** Short, stable disambiguators for ids and slugs. */
import { createHash } from 'node:crypto';

/** First 8 hex digits of the text's sha256. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}
