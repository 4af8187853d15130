/** What each page kind shows: titles, descriptions, breadcrumbs, sections and view models. */
import { describe, expect, it } from 'vitest';
import { bbcArticle } from '../archive/bbc-articles.ts';
import { buildArchive } from '../../src/archive/build-archive.ts';
import { resolveConfig } from '../../src/config/config.ts';
import { PageContexts } from '../../src/render/page-context.ts';
import { planPages } from '../../src/render/plan-pages.ts';
import { ViewModels, initialLetter, truncate } from '../../src/render/view-models.ts';
import type { Page } from '../../src/render/page.ts';

const articles = [
  bbcArticle('politics/russian-ex-spy-on-hunger-strike.txt', { date: '2005-01-11', source: 'BBC News', topics: ['Russia'], people: ['Oleg Gordievsky', 'Viktor Makarov'], roles: { 'Oleg Gordievsky': 'senior KGB officer' } }),
  bbcArticle('politics/nuclear-strike-key-terror-risk.txt', { date: '2005-01-17', source: 'BBC News', topics: ['Russia', 'Iran'] }),
  bbcArticle('politics/blair-sees-greater-bush-consensus.txt', { date: '2005-01-21', source: 'BBC News', topics: ['Russia'], people: ['Tony Blair'] }),
  bbcArticle('business/1m-payoff-for-former-shell-boss.txt', { date: null, people: ['Judy Boynton', 'Ömer Çelik', '50 Cent'] }),
];
const archive = buildArchive(articles, new Map());
const config = resolveConfig('/project', { basePath: '/news/', pageSize: 2, title: 'The Archive' });
const contexts = new PageContexts(archive, config);
const pages = [...planPages(archive, config.pageSize)];
const find = (url: string): Page => {
  const page = pages.find((p) => p.url === url);
  if (page === undefined) throw new Error(`no page ${url}`);
  return page;
};

describe('PageContexts', () => {
  it('names each page in its <title>, with the page number past page 1', () => {
    expect(contexts.for(find('')).page.documentTitle).toBe('The Archive');
    expect(contexts.for(find('topics/russia/')).page.documentTitle).toBe('Russia · Topics · The Archive');
    expect(contexts.for(find('topics/russia/page/2/')).page.documentTitle).toBe('Russia, page 2 of 2 · Topics · The Archive');
    expect(contexts.for(find('2005/01/')).page.documentTitle).toBe('January 2005 · The Archive');
    expect(contexts.for(find(`articles/${articles[0]!.slug}/`)).page.documentTitle).toBe('Russian ex-spy on hunger strike · The Archive');
  });

  it('cuts a long page title in <title> at a word boundary, keeping the site name', () => {
    const shell = contexts.for(find(`articles/${articles[3]!.slug}/`)).page;
    expect(shell.title).toBe('$1m payoff for former Shell boss');
    const long = new PageContexts(archive, { ...config, title: 'The Archive of Everything the BBC Published' }).for(find(`articles/${articles[3]!.slug}/`)).page;
    expect(long.documentTitle).toBe('$1m payoff for former… · The Archive of Everything the BBC Published');
    expect(long.documentTitle.length).toBeLessThanOrEqual(70);
  });

  it('gives every page a <title> of its own', () => {
    const titles = pages.map((p) => contexts.for(p).page.documentTitle);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('describes list pages with their counts', () => {
    expect(contexts.for(find('topics/russia/')).page.description).toBe('Articles about Russia: 3 articles, newest first.');
    expect(contexts.for(find('sources/bbc-news/')).page.description).toBe('Articles published by BBC News: 3 articles, newest first.');
    expect(contexts.for(find('people/')).page.description).toBe('6 people in the archive, with how many articles each.');
    expect(contexts.for(find('2005/')).page.description).toBe('3 articles from 2005, by month.');
    expect(contexts.for(find('undated/')).page.description).toBe('1 article whose text gives no date, by id.');
  });

  it('places each page under its navigation section with breadcrumbs under the base path', () => {
    const month = contexts.for(find('2005/01/page/2/')).page;
    expect(month.section).toBe('archive');
    expect(month.breadcrumbs.map((b) => b.href)).toEqual(['/news/', '/news/archive/', '/news/2005/']);
    expect(month.crumb).toBe('January, page 2');
    expect(month.pager?.previousHref).toBe('/news/2005/01/');
    const term = contexts.for(find('people/tony-blair/')).page;
    expect(term.section).toBe('people');
    expect(term.breadcrumbs.map((b) => b.label)).toEqual(['Home', 'People']);
    const undatedArticle = contexts.for(find(`articles/${articles[3]!.slug}/`)).page;
    expect(undatedArticle.breadcrumbs.map((b) => b.href)).toEqual(['/news/', '/news/archive/', '/news/undated/']);
    expect(contexts.for(find('404.html')).page.robots).toBe('noindex');
  });

  it('gives a person page the role its articles give the person, and topics none', () => {
    expect((contexts.for(find('people/oleg-gordievsky/')).data as { role: unknown }).role).toBe('senior KGB officer');
    expect((contexts.for(find('people/viktor-makarov/')).data as { role: unknown }).role).toBeNull();
    expect((contexts.for(find('topics/russia/')).data as { role: unknown }).role).toBeNull();
  });

    it('links months to their neighbours and years to theirs', () => {
    const data = contexts.for(find('2005/01/')).data as { older: unknown; newer: unknown };
    expect(data.older).toBeNull();
    expect(data.newer).toBeNull();
    expect(contexts.site.nav.map((n) => n.href)).toEqual(['/news/topics/', '/news/people/', '/news/places/', '/news/organizations/', '/news/sources/', '/news/archive/']);
  });
});

describe('ViewModels', () => {
  const views = new ViewModels(archive, '/');

  it('files terms A to Z by their first Latin letter, accents folded, the rest under #', () => {
    const groups = views.termsByLetter(archive.terms.people);
    expect(groups.map((g) => [g.letter, g.anchor, g.terms.map((t) => t.label)])).toEqual([
      ['J', 'letter-j', ['Judy Boynton']],
      ['O', 'letter-o', ['Oleg Gordievsky', 'Ömer Çelik']],
      ['T', 'letter-t', ['Tony Blair']],
      ['V', 'letter-v', ['Viktor Makarov']],
      ['#', 'letter-other', ['50 Cent']],
    ]);
    expect(initialLetter('Ärzte')).toBe('A');
    expect(initialLetter('Москва')).toBe('#');
  });

  it('builds a pager only for lists of more than one page', () => {
    expect(views.pager({ page: 1, pageCount: 1, articleIds: [], total: 0 }, (n) => `x/${n}/`)).toBeNull();
    const pager = views.pager({ page: 2, pageCount: 3, articleIds: [], total: 5 }, (n) => (n === 1 ? 'x/' : `x/page/${n}/`));
    expect(pager?.previousHref).toBe('/x/');
    expect(pager?.nextHref).toBe('/x/page/3/');
    expect(pager?.items.filter((i) => !i.gap && i.current)).toHaveLength(1);
  });

  it('labels removed boilerplate for readers', () => {
    expect(views.removed({ kind: 'photo-credit', text: 'AP Photo/Fatima Shbair' }).label).toBe('Photo credit');
  });

  it('cuts long summaries at a word boundary', () => {
    const text = articles[0]!.summary;
    const cut = truncate(text, 60);
    expect(cut.length).toBeLessThanOrEqual(61);
    expect(cut.endsWith('…')).toBe(true);
    expect(text.startsWith(cut.slice(0, -1))).toBe(true);
    expect(text.charAt(cut.length - 1)).toMatch(/[\s,;:.]/);
    expect(truncate('Short', 60)).toBe('Short');
  });
});
