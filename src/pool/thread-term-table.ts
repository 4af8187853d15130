/** Each thread's term table for the terms parse counts (see TermTable.termsOf), apart from the parse task so the build can let it go without loading the parser. */
import { TermTable } from '../enrich/term-vectors.ts';

/** This thread's table: termsOf keeps nothing in it (each article's words are counted apart), so it stays at its first size. */
let termTable: TermTable | undefined;

/** This thread's term table, made on first use. */
export function threadTermTable(): TermTable {
  termTable ??= new TermTable();
  return termTable;
}

/** Lets go of this thread's term table (the vocabulary met so far), once its parsing is done. */
export function releaseTermTable(): void {
  termTable = undefined;
}
