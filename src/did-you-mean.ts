/** Suggesting the name a user most likely meant, for a mistyped command or option. */

/**
 * The name in `names` nearest to `given` (edit distance, a swap of two neighbours counting as
 * one edit), when it is near enough to be a typo: at most one edit for names of up to four
 * letters, two beyond; else the only name `given` begins (a shortened option), or the longest
 * name `given` begins with ("--output" → "--out"). Null otherwise.
 */
export function didYouMean(given: string, names: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const name of names) {
    const distance = editDistance(given.toLowerCase(), name.toLowerCase());
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  if (best !== null && best !== given && bestDistance <= (best.length <= 4 ? 1 : 2)) return best;
  const extended = given.length >= 2 ? names.filter((name) => name.startsWith(given)) : [];
  if (extended.length === 1) return extended[0]!;
  const shortened = names.filter((name) => name.length >= 2 && given.startsWith(name) && given !== name);
  return shortened.sort((a, b) => b.length - a.length)[0] ?? null;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}
