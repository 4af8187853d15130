/** The content stage's output: an article before enrichment. */
import type { Article } from './article.ts';
import type { FrontMatter } from './front-matter.ts';

/** Fields the enrich stage fills in. */
export type EnrichedFields = 'topics' | 'subjects' | 'people' | 'places' | 'organizations';

/** An article as read and parsed, plus what the user declared explicitly for the enricher to respect. */
export interface ParsedArticle extends Omit<Article, EnrichedFields> {
  /** Body paragraphs as plain text: what the enricher reads. */
  readonly paragraphs: readonly string[];
  /** Explicit lists from front matter or an override file; each wins over what enrichment finds. */
  readonly declared: Pick<FrontMatter, 'topics' | 'people' | 'places' | 'organizations'>;
}
