/**
 * Where a JSON file breaks. V8's JSON.parse names a byte offset at best ("at position 13") and
 * often only a snippet of the text, line breaks and all; an author needs the line. jsonc-parser
 * (Microsoft's, from VS Code) scans the text with comments and trailing commas refused, as JSON
 * does, and gives the offset of the first error.
 */
import { parse, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** The first syntax error of a JSON text: 1-based line and column, and what is wrong in words. */
export interface JsonSyntaxError {
  readonly line: number;
  readonly column: number;
  readonly reason: string;
}

/** What the mistakes people make in a hand-written JSON file are called, where the error's name does not say it plainly. */
const REASONS: Partial<Record<string, string>> = {
  InvalidCommentToken: 'JSON has no comments',
  PropertyNameExpected: 'a key in double quotes expected (a comma after the last entry?)',
  InvalidSymbol: 'unexpected character (strings and keys take double quotes; true, false and null are lower case)',
  UnexpectedEndOfString: 'a string not closed on its line',
  EndOfFileExpected: 'nothing may follow the closing bracket',
};

/** The first syntax error in `text`, or null when it finds none (JSON.parse may still refuse it: a lone surrogate, say). */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first === undefined) return null;
  const before = text.slice(0, first.offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  const name = printParseErrorCode(first.error);
  const reason = REASONS[name] ?? name.replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toLowerCase();
  return { line: before.split('\n').length, column: first.offset - lineStart + 1, reason };
}

/** The 1-based line of the last top-level `key` of a JSON object text (the one JSON.parse keeps), or null when it has none. */
export function jsonKeyLine(text: string, key: string): number | null {
  const root = parseTree(text);
  const property = root?.type === 'object' ? root.children?.findLast((child) => child.children?.[0]?.value === key) : undefined;
  return property === undefined ? null : text.slice(0, property.offset).split('\n').length;
}
