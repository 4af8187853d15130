/** URL-safe slugs that keep non-Latin scripts readable and can never name a path outside dist/. */

const MAX_SLUG_LENGTH = 80;

/**
 * Lower-case words joined by hyphens: Latin accents folded ("Zoë" → "zoe"), other scripts kept
 * (Cyrillic, Arabic...), everything else (dots, slashes, emoji) dropped. Returns "" when nothing
 * usable is left; callers supply a fallback.
 */
export function slugify(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]+/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > MAX_SLUG_LENGTH) break;
    slug = next;
  }
  return slug === '' && words[0] !== undefined ? words[0].slice(0, MAX_SLUG_LENGTH) : slug;
}
