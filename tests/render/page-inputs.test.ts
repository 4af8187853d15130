/**
 * PageInputs: an article or term page's key hashes what the page is made from, so a
 * rebuild does not prepare unchanged pages. A read the text does not cover would leave a stale
 * page after an edit; here every article and term page of a real archive (BBC business articles
 * through the real parse, enrich and relate stages, with a wire near-copy, stories and related
 * articles) is prepared while its articles and relations record what is read, and each read must
 * be one the page’s text covers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Archive, Term } from '../../src/archive/archive.ts';
import { buildArchive } from '../../src/archive/build-archive.ts';
import { resolveConfig } from '../../src/config/config.ts';
import type { Article } from '../../src/content/article.ts';
import { parseInput } from '../../src/content/load-article.ts';
import { enrichArticle } from '../../src/enrich/enrich-article.ts';
import { relateArticles } from '../../src/enrich/relate-articles.ts';
import { PageInputs, PAGE_FIELDS } from '../../src/render/page-inputs.ts';
import { createNunjucksEnv } from '../../src/render/nunjucks-env.ts';
import { PageRenderer, termPageSummary } from '../../src/render/render-page.ts';
import { PageContexts, type SitePages } from '../../src/render/page-context.ts';
import { PageMetadata } from '../../src/render/structured-data.ts';
import { planPages } from '../../src/render/plan-pages.ts';
import { BBC_DIR } from '../enrich/fixtures.ts';

const TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');
const CONFIG = resolveConfig('/project', { pageSize: 10, siteUrl: 'https://example.org/news/' });

/** The business desk's first 150 articles and its wire pair, dated over three weeks (stories group reports close in time), through parse, enrich and relate. */
function businessArchive(): Archive {
  const dir = path.join(BBC_DIR, 'business');
  const names = [...new Set(['china-continues-breakneck-growth.txt', 'china-continues-rapid-growth.txt', ...readdirNames(dir).slice(0, 150)])];
  const articles = names.map((name, i) => {
    const text = readFileSync(path.join(dir, name), 'utf8');
    const date = new Date(Date.UTC(2005, 0, 1) + ((i * 3) % 20) * 86_400_000).toISOString().slice(0, 10);
    const result = parseInput({ kind: 'seed', absolutePath: path.join(dir, name), relativePath: `business/${name}`, displayPath: `seeds/business/${name}`, overridePath: null }, Buffer.from(`date ${date} ${text}`), null);
    if (!result.ok) throw new Error(result.problem.message);
    return enrichArticle(result.article);
  });
  const { articles: related, related: relatedIds } = relateArticles(articles);
  return buildArchive(related, relatedIds);
}

function readdirNames(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.txt')).sort();
}

/** The site's pages as PageInputs looks them up: every year and month with a page unless `hasDatePage` says otherwise. */
function sitePages(archive: Archive, hasDatePage: (key: string) => boolean = () => true): SitePages {
  const contexts = new PageContexts(archive, CONFIG);
  return { hasDatePage, term: (taxonomy, slug) => archive.terms[taxonomy].find((t) => t.slug === slug), nearMonths: (year, month) => contexts.nearMonths(year, month) };
}

/** The summary PageRenderer gives its PageInputs: what a term's later pages read from the rest of the term. */
function summaryOf(archive: Archive): (term: Term) => string {
  return termPageSummary(new PageContexts(archive, CONFIG), new PageMetadata(archive, CONFIG));
}

/** PageInputs as PageRenderer makes them, with `siteWide` and the date pages `hasDatePage` says exist. */
function pageInputs(archive: Archive, siteWide = '', hasDatePage?: (key: string) => boolean): PageInputs {
  return new PageInputs(archive, siteWide, sitePages(archive, hasDatePage), summaryOf(archive));
}

/** The archive with one article's fields changed (its relations as they were). */
function edited(archive: Archive, id: string, change: Partial<Article>): Archive {
  const articles = archive.articles.map((a) => (a.id === id ? { ...a, ...change } : a));
  return { ...archive, articles, byId: new Map(articles.map((a) => [a.id, a])) };
}

/** What preparing a page read: "id.field" of articles, "map:id" of relations and look-ups by id. */
class Reads {
  on = false;
  readonly seen = new Set<string>();
  note(entry: string): void {
    if (this.on) this.seen.add(entry);
  }
}

/** The archive with its articles and relation maps noting every read into `reads`. */
function recording(archive: Archive, reads: Reads): Archive {
  const watched = new Map(archive.articles.map((a) => [a.id, watch(a, reads)]));
  const mapOf = <V,>(name: string, map: ReadonlyMap<string, V>): ReadonlyMap<string, V> => {
    const copy = new Map(map);
    const get = copy.get.bind(copy);
    copy.get = (id: string) => {
      reads.note(`${name}:${id}`);
      return get(id);
    };
    return copy;
  };
  const byId = mapOf('byId', watched);
  const has = byId.has.bind(byId);
  (byId as Map<string, Article>).has = (id: string) => {
    reads.note(`byId:${id}`);
    return has(id);
  };
  return {
    ...archive,
    articles: archive.articles.map((a) => watched.get(a.id)!),
    byId,
    related: mapOf('related', archive.related),
    neighbours: mapOf('neighbours', archive.neighbours),
    copies: mapOf('copies', archive.copies),
  };
}

function watch(article: Article, reads: Reads): Article {
  return new Proxy(article, {
    get(target, field, receiver) {
      if (typeof field === 'string' && field !== 'toJSON') reads.note(`${target.id}.${field}`);
      return Reflect.get(target, field, receiver);
    },
  });
}

describe('PageInputs', () => {
  let archive: Archive;
  beforeAll(() => {
    archive = businessArchive();
  });

  it('covers every article, field and relation an article or term page reads', () => {
    expect(archive.copies.size, 'the fixture has a near-copy').toBeGreaterThan(0);
    expect(archive.articles.some((a) => a.story !== undefined), 'and stories').toBe(true);
    const reads = new Reads();
    const watched = recording(archive, reads);
    const inputs = pageInputs(archive);
    const pages = [...planPages(watched, CONFIG.pageSize)].filter((p) => p.kind === 'article' || p.kind === 'term' || p.kind === 'month');
    expect(pages.filter((p) => p.kind === 'article').length).toBeGreaterThan(140);
    expect(pages.filter((p) => p.kind === 'term' && p.pagination.page > 1).length, 'terms of several pages').toBeGreaterThan(10);
    expect(pages.filter((p) => p.kind === 'month' && p.pagination.page > 1).length, 'months of several pages').toBeGreaterThan(0);
    const terms = new Map(Object.values(archive.terms).flatMap((list) => list.map((t) => [`${t.taxonomy}/${t.slug}`, t] as const)));
    const fields = new Set<string>(PAGE_FIELDS);
    let checked = 0;
    for (const page of pages) {
      // A term's first page reads all its articles (its chart); a later one its own cards, and the rest through the term's summary.
      const later = page.kind === 'term' && page.pagination.page > 1;
      const shown =
        page.kind === 'article'
          ? [page.id, ...inputs.shownOn(archive.byId.get(page.id)!)]
          : page.kind === 'month' || later
            ? page.pagination.articleIds
            : page.kind === 'term'
              ? terms.get(`${page.taxonomy}/${page.slug}`)!.articleIds
              : [];
      const covered = new Set(shown.flatMap((id) => inputs.cardArticles(id)));
      // The reads the summary makes, exactly: its value is in the text, so they are covered, and no other read of the rest of the term is.
      reads.seen.clear();
      reads.on = later;
      if (page.kind === 'term') summaryOf(watched)(terms.get(`${page.taxonomy}/${page.slug}`)!);
      reads.on = false;
      const bySummary = new Set(reads.seen);
      // A renderer per page: cards made for one page are kept for the next, and would hide their reads.
      const renderer = new PageRenderer(createNunjucksEnv(TEMPLATES, CONFIG.basePath), watched, CONFIG);
      reads.seen.clear();
      reads.on = true;
      renderer.prepareJson(page);
      reads.on = false;
      for (const read of reads.seen) {
        if (bySummary.has(read)) continue;
        const relation = /^(related|neighbours|copies|byId):(.*)$/.exec(read);
        const id = relation?.[2] ?? read.slice(0, read.lastIndexOf('.'));
        expect(covered.has(id), `${page.url} reads ${read}`).toBe(true);
        // Cards do not show their article's related articles or neighbours: only an article page reads its own.
        if (relation?.[1] === 'related' || relation?.[1] === 'neighbours') expect(page.kind === 'article' && id === page.id, `${page.url} reads ${read}`).toBe(true);
        if (relation === null) expect(fields.has(read.slice(read.lastIndexOf('.') + 1)), `${page.url} reads ${read}`).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(pages.length * 10);
  });

  it('changes when a field or an article shown on an article page changes, and not otherwise', () => {
    const inputs = (a: Archive): PageInputs => pageInputs(a);
    const article = archive.articles.find((a) => (archive.related.get(a.id) ?? []).length > 0)!;
    const page = { kind: 'article', url: article.url, id: article.id } as const;
    const shown = archive.byId.get(archive.related.get(article.id)![0]!)!;
    const unrelated = archive.articles.find((a) => a.id !== article.id && !inputs(archive).shownOn(article).includes(a.id) && !inputs(archive).shownOn(a).includes(article.id))!;
    const before = inputs(archive).text(page);
    expect(inputs(edited(archive, page.id, { title: 'Another title' })).text(page)).not.toBe(before);
    expect(inputs(edited(archive, shown.id, { title: 'Another title' })).text(page)).not.toBe(before);
    expect(inputs(edited(archive, shown.id, { summary: 'Another summary.' })).text(page)).not.toBe(before);
    expect(inputs(edited(archive, unrelated.id, { title: 'Another title' })).text(page)).toBe(before);
    // Subjects are not shown (the topics made from them are).
    expect(inputs(edited(archive, page.id, { subjects: [] })).text(page)).toBe(before);
    expect(pageInputs(archive, '', (key) => key.length === 4).text(page)).not.toBe(before);
    expect(pageInputs(archive, '["feeds"]').text(page)).not.toBe(before);
  });

  it('changes when only the page’s relations change: neighbours swapped, related articles reordered', () => {
    const inputs = (a: Archive): PageInputs => pageInputs(a);
    const article = archive.articles.find((a) => (archive.related.get(a.id) ?? []).length > 1 && archive.neighbours.get(a.id)?.older != null)!;
    const page = { kind: 'article', url: article.url, id: article.id } as const;
    const before = inputs(archive).text(page);
    const { older, newer } = archive.neighbours.get(article.id)!;
    // An older neighbour only, shown as the newer one: the same articles, another page.
    const swapped = new Map(archive.neighbours).set(article.id, { older: newer ?? null, newer: older ?? null });
    expect(inputs({ ...archive, neighbours: swapped }).text(page)).not.toBe(before);
    const reordered = new Map(archive.related).set(article.id, [...archive.related.get(article.id)!].reverse());
    expect(inputs({ ...archive, related: reordered }).text(page)).not.toBe(before);
  });

  it('is what PageRenderer keys pages by, with the site’s feeds in it: an article page changes when the last dated article loses its date', () => {
    const renderer = (a: Archive): PageRenderer => new PageRenderer(createNunjucksEnv(TEMPLATES, CONFIG.basePath), a, CONFIG);
    // One dated article gives the site its feeds; undated, it leaves none for any page to announce.
    const dated = archive.articles[0]!;
    const shownWith = pageInputs(archive);
    const other = archive.articles.find((a) => a.id !== dated.id && !shownWith.shownOn(a).includes(dated.id))!;
    const undatedBut = (keep: string | null): Archive => {
      const articles = archive.articles.map((a) => (a.id === keep ? a : { ...a, date: null }));
      return buildArchive(articles, archive.related);
    };
    const page = { kind: 'article', url: other.url, id: other.id } as const;
    const withFeeds = renderer(undatedBut(dated.id));
    const without = renderer(undatedBut(null));
    expect(JSON.parse(withFeeds.prepareJson(page)).context.meta.feeds).not.toEqual(JSON.parse(without.prepareJson(page)).context.meta.feeds);
    expect(withFeeds.inputsText(page)).not.toBe(without.inputsText(page));
    expect(withFeeds.inputsText({ kind: 'home', url: '' })).toBeNull();
  });

  it('changes a term’s first page when any article of the term changes (its chart sums them all up), not when another does', () => {
    const { term, pages, onPage, offPage, outside } = longTerm();
    const first = pages[0]!;
    const before = pageInputs(archive).text(first);
    expect(before).not.toBeNull();
    expect(pageInputs(edited(archive, offPage, { date: '1999-01-01' })).text(first)).not.toBe(before);
    expect(pageInputs(edited(archive, onPage(first)[0]!, { title: 'Another title' })).text(first)).not.toBe(before);
    expect(pageInputs(edited(archive, outside.id, { title: 'Another title', date: '1999-01-01' })).text(first)).toBe(before);
    // Its chart links a month only when the month has a page, which any article can give it.
    expect(pageInputs(archive, '', (key) => key.length === 4).text(first)).not.toBe(before);
    expect(term.articleIds.length).toBeGreaterThan(2 * CONFIG.pageSize);
  });

  it('changes a term’s later page when its cards or the term’s summary (role, feeds) change, not when an article it does not show does', () => {
    const { pages, onPage, offPage, outside } = longTerm();
    const second = pages[1]!;
    const before = pageInputs(archive).text(second);
    expect(pageInputs(edited(archive, onPage(second)[0]!, { title: 'Another title' })).text(second)).not.toBe(before);
    // An article of the term on another page, with the same role and feeds: the page reads the same.
    expect(pageInputs(edited(archive, offPage, { title: 'Another title', summary: 'Another summary.' })).text(second)).toBe(before);
    expect(pageInputs(edited(archive, outside.id, { title: 'Another title' })).text(second)).toBe(before);
    // The summary is in the text...
    const summarised = (summary: string): string | null => new PageInputs(archive, '', sitePages(archive), () => summary).text(second);
    expect(summarised('a')).not.toBe(summarised('b'));
    // ...and it changes with the role the term's articles give it, and with a topic's feeds.
    const place = archive.terms.places.find((t) => t.articleIds.length > 1)!;
    const roled = (role: string | null): Archive =>
      buildArchive(
        archive.articles.map((a) => (place.articleIds.includes(a.id) ? { ...a, places: a.places.map((e) => (e.slug === place.slug ? { ...e, role } : e)) } : a)),
        archive.related,
      );
    expect(summaryOf(roled('Capital'))(place)).not.toBe(summaryOf(roled(null))(place));
    const topic = archive.terms.topics[0]!;
    const undated = buildArchive(archive.articles.map((a) => (topic.articleIds.includes(a.id) ? { ...a, date: null } : a)), archive.related);
    expect(summaryOf(undated)(undated.terms.topics.find((t) => t.slug === topic.slug)!)).not.toBe(summaryOf(archive)(topic));
  });

  it('changes a month page when its cards, its place among the month’s pages or the months beside it change, not when another page’s article does', () => {
    const months = [...planPages(archive, CONFIG.pageSize)].filter((p) => p.kind === 'month');
    const page = months.find((p) => p.pagination.page === 2 && p.pagination.pageCount > 2)!;
    expect(page).toBeDefined();
    const onPage = page.kind === 'month' ? page.pagination.articleIds : [];
    const other = months.find((p) => p.kind === 'month' && p.year === page.year && p.month === page.month && p.pagination.page === 1)!;
    const offPage = other.kind === 'month' ? other.pagination.articleIds.find((id) => !onPage.some((shown) => pageInputs(archive).cardArticles(shown).includes(id)))! : '';
    const before = pageInputs(archive).text(page);
    expect(before).not.toBeNull();
    expect(pageInputs(edited(archive, onPage[0]!, { title: 'Another title' })).text(page)).not.toBe(before);
    expect(pageInputs(edited(archive, offPage, { title: 'Another title' })).text(page)).toBe(before);
    expect(pageInputs(archive).text({ ...page, pagination: { ...page.pagination, pageCount: page.pagination.pageCount + 1 } })).not.toBe(before);
    // A month before all others: the oldest month's page now links to it, and then to it with one article more.
    const oldest = archive.years.at(-1)!.months.at(-1)!;
    const oldestPage = months.find((p) => p.kind === 'month' && p.year === oldest.year && p.month === oldest.month)!;
    const withMonthBefore = (articleIds: string[]): Archive => ({ ...archive, years: [...archive.years, { year: '1999', count: articleIds.length, months: [{ year: '1999', month: '12', articleIds }] }] });
    const alone = pageInputs(archive).text(oldestPage);
    expect(pageInputs(withMonthBefore(['a'])).text(oldestPage)).not.toBe(alone);
    expect(pageInputs(withMonthBefore(['a', 'b'])).text(oldestPage)).not.toBe(pageInputs(withMonthBefore(['a'])).text(oldestPage));
  });

  /** A term of three pages or more, its pages, and articles on and off them and outside the term. */
  function longTerm() {
    const inputs = pageInputs(archive);
    const term = Object.values(archive.terms).flat().find((t) => t.articleIds.length > 2 * CONFIG.pageSize)!;
    const pages = [...planPages(archive, CONFIG.pageSize)].filter((p) => p.kind === 'term' && p.taxonomy === term.taxonomy && p.slug === term.slug);
    const onPage = (page: (typeof pages)[number]): readonly string[] => (page.kind === 'term' ? page.pagination.articleIds : []);
    const offPage = term.articleIds.find((id) => !onPage(pages[0]!).includes(id) && !onPage(pages[1]!).includes(id) && !inputs.cardArticles(id).some((read) => read !== '' && onPage(pages[1]!).some((shown) => inputs.cardArticles(shown).includes(read))))!;
    const outside = archive.articles.find((a) => !term.articleIds.includes(a.id) && !term.articleIds.some((id) => inputs.cardArticles(id).includes(a.id)))!;
    expect(offPage, 'an article of the term on neither of the first two pages').toBeDefined();
    return { term, pages, onPage, offPage, outside };
  }
});

describe('PageInputs and links between Markdown articles', () => {
  it('keys an article page by the URLs of the articles its body links to, shown on it or not', () => {
    const dir = path.join(BBC_DIR, 'business');
    const [first = '', second = ''] = readdirNames(dir);
    const parse = (relativePath: string, text: string): Article => {
      const result = parseInput({ kind: 'content', absolutePath: `/project/content/${relativePath}`, relativePath, displayPath: `content/${relativePath}`, overridePath: null }, Buffer.from(text), null);
      if (!result.ok) throw new Error(result.problem.message);
      return enrichArticle(result.article);
    };
    const archiveWith = (slug: string): Archive => {
      const linking = parse('2019/floods.md', `---\ntitle: Floods\ndate: 2019-03-01\n---\n${readFileSync(path.join(dir, first), 'utf8')}\n\nSee [the earlier story](../2018/storm.md).\n`);
      const linked = parse('2018/storm.md', `---\ntitle: Storm\ndate: 2018-11-01\nslug: ${slug}\n---\n${readFileSync(path.join(dir, second), 'utf8')}\n`);
      const { articles, related } = relateArticles([linking, linked]);
      return buildArchive(articles, related);
    };
    const textOf = (archive: Archive): string => pageInputs(archive).text({ kind: 'article', url: 'articles/2019-floods/', id: '2019-floods' }) ?? '';
    // The linked page's URL is in the text, whether or not its card is on the page: a new slug is a new link.
    expect(textOf(archiveWith('storm-warning-issued'))).toContain('link:2018/storm.md:articles/storm-warning-issued/');
    expect(textOf(archiveWith('storm-warning'))).toContain('link:2018/storm.md:articles/storm-warning/');
  });
});
