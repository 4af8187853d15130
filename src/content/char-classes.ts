/** Unicode character classes of the code point at a string index, as bits: hand-written scanners read text with these instead of Unicode regular expressions. */

/** \p{L} */
export const LETTER = 1;
/** \p{N} */
export const NUMBER = 2;
/** \p{Lu} */
export const UPPER = 4;
/** \p{Ll} */
export const LOWER = 8;
/** \s */
export const SPACE = 16;
/** \p{M}: a mark, which Devanagari, Bengali and Thai write vowels with (हिन्दी), and decomposed accents are. */
export const MARK = 32;
/** A letter or a number: what makes a run of text count as a word (an emoji's variation selector, a mark, does not). */
export const ALPHANUMERIC = LETTER | NUMBER;
/** A letter, a number or a mark: what a word is made of (a word's marks never split it). */
export const WORD = ALPHANUMERIC | MARK;

const CLASS_TESTS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^\p{L}$/u, LETTER],
  [/^\p{N}$/u, NUMBER],
  [/^\p{Lu}$/u, UPPER],
  [/^\p{Ll}$/u, LOWER],
  [/^\s$/u, SPACE],
  [/^\p{M}$/u, MARK],
];

function classify(codePoint: number): number {
  const char = String.fromCodePoint(codePoint);
  let bits = 0;
  for (const [test, bit] of CLASS_TESTS) if (test.test(char)) bits |= bit;
  return bits;
}

/** Classes of the Latin-1 characters (ASCII, and the £, é, « of much European text), filled once for scanners' inline fast paths; other code points are classified on first sight and remembered. */
export const LATIN1_CLASSES: Readonly<Uint8Array> = Uint8Array.from({ length: 256 }, (_, code) => classify(code));
const OTHER_CLASSES = new Map<number, number>();

/** The class bits of the code point at `index` (0 past the end). */
export function classAt(text: string, index: number): number {
  // Scanners look one character past a word; a read past the end would deoptimise the compiled scanner.
  if (index >= text.length) return 0;
  const code = text.charCodeAt(index);
  if (code < 256) return LATIN1_CLASSES[code]!;
  const codePoint = text.codePointAt(index)!;
  let bits = OTHER_CLASSES.get(codePoint);
  if (bits === undefined) OTHER_CLASSES.set(codePoint, (bits = classify(codePoint)));
  return bits;
}

/** UTF-16 units of the code point at `index` (2 for a surrogate pair). */
export function widthAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 0xd800 || code > 0xdbff || index + 1 >= text.length) return 1;
  const next = text.charCodeAt(index + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}
