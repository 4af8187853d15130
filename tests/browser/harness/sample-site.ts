/**
 * The sample site the browser tests run against: the e2e fixture's build of the project's seeds
 * plus real BBC articles declared in Markdown front matter (tests/e2e/site-fixture.ts), so the
 * journeys do not depend on what the parser and enricher guess for the seeds.
 */
import path from 'node:path';
import { CONTENT_SPECS, PROJECT_DIR, type ApiRecord, type BbcArticleSpec, type BuiltSite } from '../../e2e/site-fixture.ts';

export { PROJECT_DIR };

/** One declared BBC article of the sample site and its record in the built site's API. */
export interface SampleArticle {
  readonly spec: BbcArticleSpec;
  readonly record: ApiRecord;
}

/** The declared article made from this BBC corpus file, as built; throws naming the file when the fixture dropped it. */
export function sampleArticle(site: BuiltSite, bbcFile: string): SampleArticle {
  const spec = CONTENT_SPECS.find((s) => s.bbcFile === bbcFile);
  if (spec === undefined) throw new Error(`the e2e fixture's CONTENT_SPECS no longer declares ${bbcFile}; the browser tests rely on it`);
  return { spec, record: site.record(spec.file) };
}

/** The site-relative URL of an href of this site ("/sub/topics/" → "topics/"). */
export function siteRelative(site: BuiltSite, href: string): string {
  if (!href.startsWith(site.basePath)) throw new Error(`${href} is outside the base path ${site.basePath}`);
  return href.slice(site.basePath.length);
}

/** Where the browser tests' screenshots go (git-ignored). */
export const ARTIFACTS_DIR = path.join(PROJECT_DIR, 'test-artifacts', 'browser');
