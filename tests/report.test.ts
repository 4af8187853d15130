/** formatReportEntry: a report line for the terminal, with any control character a file name or message holds shown escaped. */
import { describe, expect, it } from 'vitest';
import { formatReportEntry } from '../src/report.ts';

describe('formatReportEntry', () => {
  it('writes the level, the file and line, and the message', () => {
    expect(formatReportEntry({ level: 'skipped', file: 'content/a.md', line: 4, message: 'malformed YAML front matter' })).toBe('skipped content/a.md:4: malformed YAML front matter');
    expect(formatReportEntry({ level: 'warning', file: null, line: null, message: 'no feeds or sitemap' })).toBe('warning no feeds or sitemap');
  });

  it('shows control characters escaped, so a file name can neither split the line nor send the terminal an escape sequence', () => {
    const entry = { level: 'warning', file: 'seeds/new\nline\u001b[2J\u0085.txt', line: null, message: 'no date\tfound' } as const;
    expect(formatReportEntry(entry)).toBe('warning seeds/new\\nline\\u001b[2J\\u0085.txt: no date\\tfound');
  });
});
