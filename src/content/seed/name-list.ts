/** The shape of names as credits and source lines write them: capitalised words and a few joiners. */

/** Lower-case words that may sit inside a name or a list of names. */
const JOINERS = new Set(['and', '&', 'of', 'the', 'for', 'via', 'in', 'de', 'da', 'del', 'der', 'di', 'du', 'la', 'le', 'van', 'von', 'al', 'el', 'bin', 'ibn', 'y', 'e']);

/**
 * True when `text` is 1 to `maxWords` words, each capitalised (or a digit, or a joiner such as
 * "of" or "via"), with at least one letter: "The Moscow Times", "AP Photo", "Maya Alleruzzo".
 */
export function isNameList(text: string, maxWords = 8): boolean {
  const words = text.split(/[\s/]+/).filter((w) => w !== '');
  if (words.length === 0 || words.length > maxWords || !/\p{L}/u.test(text)) return false;
  let capitalised = 0;
  for (const word of words) {
    const bare = word.replace(/^[("'“‘]+|[)"'”’,.;:]+$/g, '');
    if (bare === '') continue;
    if (/^[\p{Lu}\p{N}]/u.test(bare)) capitalised += 1;
    else if (!JOINERS.has(bare.toLowerCase())) return false;
  }
  return capitalised > 0;
}
