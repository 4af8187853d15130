/** Splitting text into word tokens that remember where sentences and phrases break. */

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
}

// Dotted abbreviations ("U.S.", "U.N.") and initials before a name ("George W. Bush") first, so their dots are not read as sentence ends; then
// words with inner apostrophes and hyphens ("Iran-backed", "O'Neill"); then punctuation that breaks phrases.
const TOKEN = /(\p{Lu}\.(?:\p{Lu}\.)+|\p{Lu}\.(?=\s\p{Lu}\p{Ll}))|([\p{L}\p{N}]+(?:['’\-‐][\p{L}\p{N}]+)*)|([.!?]+)|([,;:()\[\]"“”«»—–]|\s-\s)/gu;

/** Tokenises plain text. Pure and linear in the text's length. */
export function tokenize(text: string): Token[] {
  const tokens: Array<{ -readonly [K in keyof Token]: Token[K] }> = [];
  let sentenceStart = true;
  let openBracket = false;
  for (const match of text.matchAll(TOKEN)) {
    const [, dotted, word, stop, punct] = match;
    if (stop !== undefined || punct !== undefined) {
      const last = tokens[tokens.length - 1];
      if (last !== undefined) last.breakAfter = true;
      if (stop !== undefined) sentenceStart = true;
      else {
        openBracket = punct === '(' || punct === '[';
        // A quotation mark or colon opens a new phrase: "“It is clear..." starts like a sentence.
        if (punct === '"' || punct === '“' || punct === '«' || punct === ':') sentenceStart = true;
      }
      continue;
    }
    const raw = dotted ?? word ?? '';
    const possessive = dotted === undefined && (raw.endsWith("'s") || raw.endsWith('’s'));
    const text = possessive ? raw.slice(0, -2) : raw;
    if (text === '') continue;
    const lower = text.toLowerCase();
    const capitalised = isUpperInitial(text);
    tokens.push({
      text,
      lower,
      sentenceStart,
      breakAfter: possessive,
      capitalised,
      allCaps: capitalised && text === text.toUpperCase() && text !== lower && letterCount(text) >= 2,
      bracketed: openBracket,
    });
    sentenceStart = false;
    openBracket = false;
  }
  return tokens;
}

/** Whether the first character is a capital letter; ASCII is decided without a regular expression. */
function isUpperInitial(text: string): boolean {
  const code = text.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return UPPER_INITIAL.test(text);
}

const UPPER_INITIAL = /^\p{Lu}/u;

function letterCount(text: string): number {
  return text.replace(NOT_LETTER, '').length;
}

const NOT_LETTER = /[^\p{L}]/gu;
