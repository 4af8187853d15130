/** Splitting text into word tokens that remember where sentences and phrases break. */
import { ALPHANUMERIC, classAt, LATIN1_CLASSES, LETTER, LOWER, SPACE, UPPER, widthAt, WORD } from '../content/char-classes.ts';

/** One word of running text. */
export interface Token {
  /** The word as written, possessive "'s" removed ("Russia's" → "Russia"). */
  readonly text: string;
  /** Lower-case form, for lexicon and keyword look-ups. */
  readonly lower: string;
  /** First word of a sentence (or of the text): its capital says nothing about being a name. */
  readonly sentenceStart: boolean;
  /** A comma, bracket, quote or sentence end follows, or the word was possessive: a name cannot run on past it. */
  readonly breakAfter: boolean;
  /** Starts with a capital letter. */
  readonly capitalised: boolean;
  /** Two or more letters, all capitals ("NATO", "U.S."). */
  readonly allCaps: boolean;
  /** Written inside brackets right after the previous word: "(IAEA)". */
  readonly bracketed: boolean;
  /** Holds a hyphen ("Iran-backed"), whose parts may name places. */
  readonly hyphenated: boolean;
}

// The grammar, as a regular expression it would be
//   (\p{Lu}\.(?:\p{Lu}\.)+|\p{Lu}\.(?=\s\p{Lu}\p{Ll}))|([\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*)|([.!?]+)|([,;:()\[\]"“”«»—–]|\s-\s)
// tried in that order at each position: dotted abbreviations ("U.S.", "U.N.") and initials before a name
// ("George W. Bush") first, so their dots are not read as sentence ends; then words with inner
// apostrophes and hyphens ("Iran-backed", "O'Neill"); then punctuation that breaks phrases. It is
// scanned by hand: tokenising is the commonest step of enrichment, and a Unicode regular expression
// with a match object per word cost three times as much.

const DOT = 0x2e;
/** Joiners inside a word: ' ’ - ‐. */
const isJoiner = (code: number): boolean => code === 0x27 || code === 0x2019 || code === 0x2d || code === 0x2010;
const isHyphen = (code: number): boolean => code === 0x2d || code === 0x2010;
const isStop = (code: number): boolean => code === 0x2e || code === 0x21 || code === 0x3f;
/** Punctuation that breaks a phrase: , ; : ( ) [ ] " “ ” « » — –, as 1; those that also open a new phrase ("“It is clear...", "«", ":") as 2; else 0. A switch, cheaper than a set look-up per character. */
function punctuation(code: number): number {
  switch (code) {
    case 0x22: // "
    case 0x201c: // “
    case 0xab: // «
    case 0x3a: // :
      return 2;
    case 0x2c: // ,
    case 0x3b: // ;
    case 0x28: // (
    case 0x29: // )
    case 0x5b: // [
    case 0x5d: // ]
    case 0x201d: // ”
    case 0xbb: // »
    case 0x2014: // —
    case 0x2013: // –
      return 1;
    default:
      return 0;
  }
}

/** Tokenises plain text. Pure and linear in the text's length. */
export function tokenize(text: string): Token[] {
  const tokens: WordToken[] = [];
  // Made an array of objects from the start, even when it stays empty: compiled readers of token
  // lists then see one array layout (an empty [] has another, and deoptimised them).
  tokens.push(NO_TOKEN);
  tokens.length = 0;
  let sentenceStart = true;
  let openBracket = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    // Latin-1 (most characters of most text) is classified inline.
    const bits = code < 256 ? LATIN1_CLASSES[code]! : classAt(text, i);
    const width = code < 0xd800 ? 1 : widthAt(text, i);
    // The word starting here, if any, is text[i, end); one call adds it (compiled code then holds one
    // copy of pushWord, not one per kind of word).
    let end = -1;
    let dotted = false;
    let hyphenated = false;
    if (bits & UPPER && codeAt(text, i + width) === DOT) {
      end = abbreviationEnd(text, i + width + 1);
      dotted = end >= 0;
    }
    // A word starts at a letter or digit (a mark alone, such as an emoji's variation selector, makes none) and runs on through marks.
    if (end < 0 && bits & ALPHANUMERIC) {
      let j = i;
      for (;;) {
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c < 256) {
            if (!(LATIN1_CLASSES[c]! & WORD)) break;
            j += 1;
          } else if (classAt(text, j) & WORD) j += widthAt(text, j);
          else break;
        }
        if (j + 1 < n && isJoiner(text.charCodeAt(j)) && classAt(text, j + 1) & WORD) {
          hyphenated ||= isHyphen(text.charCodeAt(j));
          j += 1;
        } else break;
      }
      end = j;
    }
    if (end >= 0) {
      if (pushWord(tokens, text, i, end, dotted, hyphenated, sentenceStart, openBracket)) sentenceStart = openBracket = false;
      i = end;
      continue;
    }
    if (isStop(code)) {
      while (i < n && isStop(text.charCodeAt(i))) i++;
      breakLast(tokens);
      sentenceStart = true;
      continue;
    }
    const spacedDash = bits & SPACE && codeAt(text, i + 1) === 0x2d && classAt(text, i + 2) & SPACE;
    const mark = punctuation(code);
    if (mark !== 0 || spacedDash) {
      breakLast(tokens);
      openBracket = code === 0x28 || code === 0x5b;
      if (mark === 2) sentenceStart = true;
      i += spacedDash ? 3 : 1;
      continue;
    }
    i += width;
  }
  return tokens;
}

// The six yes/no facts of a token are bits of one number: a token is then three fields (24 bytes,
// not 44 with a pointer per boolean), and tokens are most of the garbage a first pass makes.
const SENTENCE_START = 1;
const BREAK_AFTER = 2;
const CAPITALISED = 4;
const ALL_CAPS = 8;
const BRACKETED = 16;
const HYPHENATED = 32;

/** A Token whose yes/no facts are bits of `flags`, read through getters (inlined by compiled readers). */
class WordToken implements Token {
  constructor(
    readonly text: string,
    readonly lower: string,
    /** SENTENCE_START | BREAK_AFTER | ...; breakAfter is set later, when punctuation follows. */
    public flags: number,
  ) {}
  get sentenceStart(): boolean {
    return (this.flags & SENTENCE_START) !== 0;
  }
  get breakAfter(): boolean {
    return (this.flags & BREAK_AFTER) !== 0;
  }
  get capitalised(): boolean {
    return (this.flags & CAPITALISED) !== 0;
  }
  get allCaps(): boolean {
    return (this.flags & ALL_CAPS) !== 0;
  }
  get bracketed(): boolean {
    return (this.flags & BRACKETED) !== 0;
  }
  get hyphenated(): boolean {
    return (this.flags & HYPHENATED) !== 0;
  }
}

/** A placeholder that sets a token list's layout; never left in a list. */
const NO_TOKEN = new WordToken('', '', 0);

// The steps of tokenize are module functions, not closures made anew per call: every closure cost a
// naming call (tsx keeps names) on each of the ~50k paragraphs of a large archive.

/**
 * The end of a dotted abbreviation ("U.S.", "U.N.") or of an initial before a capitalised word
 * ("W. Bush") whose first capital and dot end at `after`; -1 when neither. Its own function: these
 * are met a few paragraphs after tokenize is first compiled, and each branch met for the first time
 * in compiled code costs a recompile of the whole of the function holding it.
 */
function abbreviationEnd(text: string, after: number): number {
  // (\p{Lu}\.)+ after the first.
  let j = after;
  while (classAt(text, j) & UPPER && codeAt(text, j + widthAt(text, j)) === DOT) j += widthAt(text, j) + 1;
  if (j > after) return j;
  // Else an initial.
  return classAt(text, after) & SPACE && classAt(text, after + 1) & UPPER && classAt(text, after + 1 + widthAt(text, after + 1)) & LOWER ? after : -1;
}

/** A name cannot run on past the last token: punctuation follows it. */
function breakLast(tokens: WordToken[]): void {
  const last = tokens[tokens.length - 1];
  if (last !== undefined) last.flags |= BREAK_AFTER;
}

/** Adds the word text[start, end), sliced once (without a possessive "'s"); false when nothing was left to add. */
function pushWord(tokens: WordToken[], text: string, start: number, end: number, dotted: boolean, hyphenated: boolean, sentenceStart: boolean, bracketed: boolean): boolean {
  const possessive = !dotted && end - start >= 2 && text.charCodeAt(end - 1) === 0x73 && isApostrophe(text.charCodeAt(end - 2));
  if ((possessive ? end - 2 : end) === start) return false;
  const word = text.slice(start, possessive ? end - 2 : end);
  const capitalised = (classAt(word, 0) & UPPER) !== 0;
  const ascii = asciiCase(word);
  // Most words are plain ASCII: their case is read from one scan, without a case-conversion call per word.
  const lower = ascii === NOT_ASCII || ascii >= ONE_CAPITAL ? word.toLowerCase() : word;
  const allCaps =
    ascii === NOT_ASCII
      ? capitalised && word !== lower && word === word.toUpperCase() && letterCount(word) >= 2
      : capitalised && ascii === TWO_CAPITALS;
  const flags =
    (sentenceStart ? SENTENCE_START : 0) | (possessive ? BREAK_AFTER : 0) | (capitalised ? CAPITALISED : 0) | (allCaps ? ALL_CAPS : 0) | (bracketed ? BRACKETED : 0) | (hyphenated ? HYPHENATED : 0);
  tokens.push(new WordToken(word, lower, flags));
  return true;
}

const NOT_ASCII = -1;
const ONE_CAPITAL = 2;
/** Two or more capitals and no small letter. */
const TWO_CAPITALS = 4;

/**
 * The case of an all-ASCII word as min(capitals, 2) * 2 + (any small letter ? 1 : 0), so 0–5, or
 * NOT_ASCII when it has other characters (a number, not an object: this runs for every word).
 */
function asciiCase(word: string): number {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 128) return NOT_ASCII;
    if (code >= 65 && code <= 90) upper = Math.min(upper + 1, 2);
    else if (code >= 97 && code <= 122) lower = 1;
  }
  return upper * 2 + lower;
}

/** The UTF-16 unit at `index`, or -1 past the end (a read past the end would deoptimise the compiled scanner). */
function codeAt(text: string, index: number): number {
  return index < text.length ? text.charCodeAt(index) : -1;
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019;
}

/** Letters in a word, in UTF-16 units (as `length` counts them). */
function letterCount(word: string): number {
  let count = 0;
  for (let i = 0; i < word.length; ) {
    const width = widthAt(word, i);
    if (classAt(word, i) & LETTER) count += width;
    i += width;
  }
  return count;
}
