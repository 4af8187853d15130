/** One URL of the sample site for each kind of page a reader can land on. */
import type { BuiltSite } from '../../e2e/site-fixture.ts';
import { sampleArticle, siteRelative } from './sample-site.ts';
import { slugify } from '../../../src/text/slugify.ts';
import { archiveUrl, monthUrl, searchUrl, taxonomyUrl, termUrl, undatedUrl, yearUrl } from '../../../src/urls.ts';

/** A page kind and a site-relative URL of that kind. */
export interface PageOfKind {
  /** A short name, also used in screenshot file names. */
  readonly kind: string;
  /** Site-relative URL ("topics/russia/"). */
  readonly url: string;
  /** A selector to wait for before checking: what the page's script draws after load. */
  readonly ready?: string;
}

/** The BBC article whose declared names give the person, place and organisation pages. */
const EX_SPY = 'politics/russian-ex-spy-on-hunger-strike.txt';

/**
 * Every page kind of the sample site. The terms are ones the Markdown front matter declares, so
 * the list does not depend on what the enricher finds in the seeds.
 */
export function pageKinds(site: BuiltSite): PageOfKind[] {
  const exSpy = sampleArticle(site, EX_SPY);
  return [
    { kind: 'home', url: '' },
    { kind: 'article', url: siteRelative(site, exSpy.record.url) },
    // The three seeds: photo credits (000), an undated article with a removed appeal (001), a
    // section label, source line and removed footer (003).
    { kind: 'article-seed-000', url: siteRelative(site, site.record('000_c7242acd748ee215.txt').url) },
    { kind: 'article-seed-001', url: siteRelative(site, site.record('001_63d6e588ad32ed8a.txt').url) },
    { kind: 'article-seed-003', url: siteRelative(site, site.record('003_8d78b157a282ba9e.txt').url) },
    { kind: 'topics', url: taxonomyUrl('topics') },
    { kind: 'topic', url: termUrl('topics', slugify('Russia')) },
    { kind: 'person', url: termUrl('people', slugify('Viktor Makarov')) },
    { kind: 'place', url: termUrl('places', slugify('London')) },
    { kind: 'organization', url: termUrl('organizations', slugify('MI6')) },
    { kind: 'source', url: termUrl('sources', slugify('BBC News')) },
    { kind: 'sources', url: taxonomyUrl('sources') },
    { kind: 'year', url: yearUrl('2005') },
    { kind: 'month', url: monthUrl('2005', '01') },
    { kind: 'undated', url: undatedUrl() },
    { kind: 'archive', url: archiveUrl() },
    // The search page as it opens, and with results drawn by Pagefind's UI (a word of seed 003).
    { kind: 'search', url: searchUrl(), ready: '#search .pagefind-ui__search-input' },
    { kind: 'search-results', url: `${searchUrl()}?q=Rudenko`, ready: '#search .pagefind-ui__result-link' },
    // Any missing address: the server answers 404 with the site's 404.html, as a static host does.
    { kind: 'not-found', url: 'no-such-page/' },
  ];
}
