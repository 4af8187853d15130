/** Which pages the site has, derived from the archive: every URL comes from urls.ts. */
import type { Archive } from '../archive/archive.ts';
import type { Page } from './page.ts';
import { paginate } from '../archive/paginate.ts';
import { TAXONOMIES, archiveUrl, articleUrl, homeUrl, monthUrl, notFoundUrl, searchUrl, taxonomyUrl, termUrl, undatedUrl, yearUrl } from '../urls.ts';

/** Every page of the site, in a stable order. Pages are yielded lazily to keep memory flat. */
export function* planPages(archive: Archive, pageSize: number): Generator<Page> {
  yield { kind: 'home', url: homeUrl() };
  for (const article of archive.articles) yield { kind: 'article', url: articleUrl(article.slug), id: article.id };
  for (const taxonomy of TAXONOMIES) {
    yield { kind: 'taxonomy', url: taxonomyUrl(taxonomy), taxonomy };
    for (const term of archive.terms[taxonomy]) {
      for (const pagination of paginate(term.articleIds, pageSize)) {
        yield { kind: 'term', url: termUrl(taxonomy, term.slug, pagination.page), taxonomy, slug: term.slug, pagination };
      }
    }
  }
  yield { kind: 'archive', url: archiveUrl() };
  for (const year of archive.years) {
    yield { kind: 'year', url: yearUrl(year.year), year: year.year };
    for (const month of year.months) {
      for (const pagination of paginate(month.articleIds, pageSize)) {
        yield { kind: 'month', url: monthUrl(month.year, month.month, pagination.page), year: month.year, month: month.month, pagination };
      }
    }
  }
  for (const pagination of paginate(archive.undated, pageSize)) {
    yield { kind: 'undated', url: undatedUrl(pagination.page), pagination };
  }
  yield { kind: 'search', url: searchUrl() };
  yield { kind: 'not-found', url: notFoundUrl() };
}
