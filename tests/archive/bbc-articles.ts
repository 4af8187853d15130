/**
 * Article records for grouping and rendering unit tests, made from real BBC articles: the text is
 * parsed by the real content stage, the dates and names are declared the way front matter would.
 * The enriched fields are filled from the declaration only, so these tests do not depend on what
 * the enricher finds.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article, Entity } from '../../src/content/article.ts';
import { parseInput } from '../../src/content/load-article.ts';
import { slugify } from '../../src/text/slugify.ts';

/** The BBC corpus, read-only, resolved from this file. */
export const BBC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/corpora/bbc');

/** What a test declares about one BBC article. */
export interface Declared {
  /** Date "YYYY-MM-DD", or null for an undated article. */
  readonly date: string | null;
  readonly source?: string;
  readonly topics?: readonly string[];
  readonly people?: readonly string[];
  readonly places?: readonly string[];
  readonly organizations?: readonly string[];
  /** Roles the enricher would have read before a name ("former KGB officer"), by name. */
  readonly roles?: Readonly<Record<string, string>>;
}

/** One Article from a BBC corpus file ("politics/x.txt") and what the test declares about it. */
export function bbcArticle(bbcFile: string, declared: Declared): Article {
  const [headline = '', ...rest] = readFileSync(path.join(BBC_DIR, bbcFile), 'utf8').split('\n');
  const front = [`title: ${JSON.stringify(headline.trim())}`];
  if (declared.date !== null) front.push(`date: ${declared.date}`);
  if (declared.source !== undefined) front.push(`source: ${JSON.stringify(declared.source)}`);
  const markdown = `---\n${front.join('\n')}\n---\n\n${rest.join('\n').trim()}\n`;
  const relativePath = bbcFile.replace(/\.txt$/, '.md');
  const result = parseInput(
    { kind: 'content', absolutePath: path.join(BBC_DIR, bbcFile), relativePath, displayPath: `content/${relativePath}`, overridePath: null },
    Buffer.from(markdown),
    null,
  );
  if (!result.ok) throw new Error(`${bbcFile}: ${result.problem.message}`);
  const { paragraphs: _paragraphs, declared: _declared, ...parsed } = result.article;
  const entities = (names: readonly string[] = []): Entity[] => names.map((name) => ({ name, slug: slugify(name), role: declared.roles?.[name] ?? null, mentions: 1 }));
  return {
    ...parsed,
    topics: declared.topics ?? [],
    subjects: [],
    people: entities(declared.people),
    places: entities(declared.places),
    organizations: entities(declared.organizations),
  };
}
