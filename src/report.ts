/** The build report: every content problem, collected rather than thrown one by one. */
import { formatLocation } from './errors.ts';
import { compareCodePoints } from './text/compare.ts';
import { escapeControlCharacters } from './text/control-characters.ts';

/** How bad a report entry is: `skipped` means the input file produced no page. */
export type ReportLevel = 'warning' | 'skipped' | 'error';

/** One line of the build report. */
export interface ReportEntry {
  /** warning: built with a problem; skipped: no page for this file; error: the site could not be built. */
  readonly level: ReportLevel;
  /** Input path relative to the project (e.g. "seeds/a.txt"), or null for site-wide notes. */
  readonly file: string | null;
  /** 1-based line, when known. */
  readonly line: number | null;
  /** What happened and, where useful, what to do. */
  readonly message: string;
}

/** Collects report entries during a build; entries come out in a stable order. */
export class BuildReport {
  readonly #entries: ReportEntry[] = [];

  /** Adds one entry. */
  add(level: ReportLevel, file: string | null, message: string, line: number | null = null): void {
    this.#entries.push({ level, file, line, message });
  }

  /** Entries sorted by file, line, then message, so two builds print the same report. */
  entries(): ReportEntry[] {
    return [...this.#entries].sort(compareEntries);
  }

  /** How many entries have this level. */
  count(level: ReportLevel): number {
    return this.#entries.filter((e) => e.level === level).length;
  }
}

/** "warning seeds/a.txt:3: message" for the console, one line: control characters (a file name may hold any) shown escaped. */
export function formatReportEntry(entry: ReportEntry): string {
  return escapeControlCharacters(`${entry.level} ${formatLocation(entry.file, entry.line)}${entry.message}`);
}

function compareEntries(a: ReportEntry, b: ReportEntry): number {
  return compareCodePoints(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || compareCodePoints(a.message, b.message);
}
