/** URL-safe slugs that keep non-Latin scripts readable and can never name a path outside dist/. */

const MAX_SLUG_LENGTH = 80;

/**
 * Names Windows keeps for devices, in any case and with any extension: a folder named so cannot be
 * made there, so a site holding one fails to build, copy or unzip on Windows.
 */
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** Whether `slug` is a name Windows keeps for a device ("con", "nul", "com1"...): slugify() never returns one. */
export function isWindowsDeviceName(slug: string): boolean {
  return WINDOWS_DEVICE_NAME.test(slug);
}

/**
 * Lower-case words joined by hyphens: Latin accents folded ("Zoë" → "zoe"), other scripts kept
 * with their marks (Cyrillic, Arabic, Devanagari...), everything else (dots, slashes, emoji)
 * dropped. A name Windows keeps for a device gets a trailing hyphen ("con" → "con-"), which no
 * other slug has, so it names no other page. Returns "" when nothing usable is left; callers
 * supply a fallback.
 */
export function slugify(text: string): string {
  const words = text
    .normalize('NFKD')
    // Only a Latin letter's marks: in other scripts a mark makes another letter (Cyrillic й is и with a breve).
    .replace(/(\p{Script=Latin})[\u0300-\u036f]+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’`]/g, '')
    // Marks stay in their word: Devanagari, Bengali and Thai write vowels with them (हिन्दी, not ह-न-द).
    // A mark with no letter before it (an emoji's variation selector, U+FE0F) is dropped.
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .map((w) => w.replace(/^\p{M}+/u, ''))
    .filter((w) => w.length > 0);
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > MAX_SLUG_LENGTH) break;
    slug = next;
  }
  const made = slug === '' && words[0] !== undefined ? words[0].slice(0, MAX_SLUG_LENGTH) : slug;
  return isWindowsDeviceName(made) ? `${made}-` : made;
}
