/** Counted nouns for display ("1 article", "3 articles"). */

/** `count` followed by the singular or plural form of a noun. */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
