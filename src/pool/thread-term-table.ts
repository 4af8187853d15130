/** Each thread's term table for the terms parse counts (see TermTable.termsOf), apart from the parse task so the build can let it go without loading the parser. */
import { TermTable } from '../enrich/term-vectors.ts';

/** This thread's table: it keeps only the words met, so each article's terms need no new strings for them. */
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
