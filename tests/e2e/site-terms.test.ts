/**
 * End to end with declared terms: the real seeds plus real BBC articles as Markdown whose front
 * matter names topics, people, places, organisations and sources, built with a page size of 2 so
 * term, month and source pages paginate; plus one article with a hostile title and names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SPECS, HOSTILE, buildSite, type BuiltSite } from './site-fixture.ts';
import { htmlPages, pageUrlOf } from './check-links.ts';
import { countIn, expectWellFormedPage, textOf } from './page-checks.ts';

let site: BuiltSite;
beforeAll(async () => {
  site = await buildSite({ content: CONTENT_SPECS, pageSize: 2, basePath: '/news/' });
});
afterAll(async () => {
  await site?.cleanup();
});

/** Article hrefs listed on a page. */
async function cardHrefs(href: string): Promise<string[]> {
  return (await site.page(href)).querySelectorAll('.article-list .card__title a').map((a) => a.getAttribute('href') ?? '');
}

/** All article hrefs of a paginated list, following rel=next from its first page. */
async function allPages(firstHref: string): Promise<{ hrefs: string[]; pages: string[] }> {
  const hrefs: string[] = [];
  const pages: string[] = [];
  let next: string | null = firstHref;
  while (next !== null && pages.length < 50) {
    pages.push(next);
    const page = await site.page(next);
    hrefs.push(...page.querySelectorAll('.article-list .card__title a').map((a) => a.getAttribute('href') ?? ''));
    next = page.querySelector('link[rel="next"]')?.getAttribute('href') ?? null;
  }
  return { hrefs, pages };
}

/** Hrefs of the Markdown articles with a declared name in one list, newest first. */
function expectedHrefs(pick: (spec: (typeof CONTENT_SPECS)[number]) => boolean): string[] {
  return CONTENT_SPECS.filter(pick)
    .map((spec) => site.record(spec.file))
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id))
    .map((r) => r.url);
}

describe('term pages and pagination', () => {
  it('a topic spread over pages lists its articles newest first, each page linked to the next', async () => {
    const { hrefs, pages } = await allPages(site.href('topics/politics/'));
    const politics = expectedHrefs((s) => s.topics?.includes('Politics') === true);
    expect(politics.length).toBeGreaterThan(4);
    // Seeds join the topic when the enricher finds it in them; the declared articles keep their order.
    expect(hrefs.filter((h) => politics.includes(h))).toEqual(politics);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    expect(pages.slice(0, 3)).toEqual([site.href('topics/politics/'), site.href('topics/politics/page/2/'), site.href('topics/politics/page/3/')]);
    for (const href of pages) expect((await cardHrefs(href)).length).toBeLessThanOrEqual(2);
  });

  it('pages of a list carry rel=prev/next, a numbered title and the current page marked', async () => {
    const first = await site.page(site.href('topics/politics/'));
    expect(first.querySelector('link[rel="prev"]')).toBeNull();
    expect(first.querySelector('.pager a[rel="next"]')?.getAttribute('href')).toBe(site.href('topics/politics/page/2/'));
    expect(first.querySelector('title')?.text).toBe('Politics · Topics · Broadsheet');
    const second = await site.page(site.href('topics/politics/page/2/'));
    expect(second.querySelector('title')?.text).toMatch(/^Politics, page 2 of \d+ · Topics · Broadsheet$/);
    expect(textOf(second.querySelector('h1'))).toBe('Politics');
    expect(second.querySelector('link[rel="prev"]')?.getAttribute('href')).toBe(site.href('topics/politics/'));
    expect(second.querySelector('link[rel="next"]')?.getAttribute('href')).toBe(site.href('topics/politics/page/3/'));
    expect(second.querySelector('.pager a[aria-current="page"]')?.getAttribute('href')).toBe(site.href('topics/politics/page/2/'));
    expect(second.querySelectorAll('.breadcrumbs a').map((a) => a.getAttribute('href'))).toEqual([site.href(''), site.href('topics/')]);
    expect(second.querySelector('.site-nav a[aria-current="true"]')?.getAttribute('href')).toBe(site.href('topics/'));
  });

  it('person, place, organisation and source pages list the articles that name them', async () => {
    expect((await allPages(site.href('people/tony-blair/'))).hrefs).toEqual(expectedHrefs((s) => s.people?.includes('Tony Blair') === true));
    expect((await allPages(site.href('places/london/'))).hrefs).toEqual(expectedHrefs((s) => s.places?.includes('London') === true));
    expect((await allPages(site.href('organizations/kgb/'))).hrefs).toEqual(expectedHrefs((s) => s.organizations?.includes('KGB') === true));
    const bbc = await allPages(site.href('sources/bbc-news/'));
    expect(bbc.hrefs).toEqual(expectedHrefs((s) => s.source === 'BBC News'));
    expect(bbc.pages).toHaveLength(4);
    const person = await site.page(site.href('people/tony-blair/'));
    expect(textOf(person.querySelector('.eyebrow'))).toBe('Person');
    expect(person.querySelector('meta[name="description"]')?.getAttribute('content')).toBe('Articles naming Tony Blair: 3 articles, newest first.');
  });

  it('a month paginates too, and links to the months either side', async () => {
    const january = await allPages(site.href('2005/01/'));
    expect(january.hrefs).toEqual(expectedHrefs((s) => s.date.startsWith('2005-01')));
    expect(january.pages.length).toBe(3);
    const page = await site.page(site.href('2005/01/'));
    expect(page.querySelector('.adjacent__older a')?.getAttribute('href')).toBe(site.href('2004/12/'));
    expect(page.querySelector('.adjacent__newer a')?.getAttribute('href')).toBe(site.href('2005/02/'));
    const year = await site.page(site.href('2005/'));
    expect(year.querySelectorAll('.year-month h2 a').map((a) => textOf(a))).toEqual(['February', 'January']);
    expect(year.querySelector('.adjacent__older a')?.getAttribute('href')).toBe(site.href('2004/'));
  });

  it('the topics index gives counts; the article page links every declared name', async () => {
    const index = await site.page(site.href('topics/'));
    const politics = index.querySelectorAll('.term-list li').find((li) => textOf(li.querySelector('a')) === 'Politics');
    expect(politics?.querySelector('a')?.getAttribute('href')).toBe(site.href('topics/politics/'));
    expect(countIn(politics ?? null)).toBeGreaterThanOrEqual(6);
    const spy = await site.page(site.record('ex-spy.md').url);
    const facets = spy.querySelectorAll('.facet').map((f) => [textOf(f.querySelector('h3')), f.querySelectorAll('a').map((a) => textOf(a))]);
    expect(facets).toEqual(
      expect.arrayContaining([
        ['People', expect.arrayContaining(['Viktor Makarov', 'Oleg Gordievsky'])],
        ['Places', expect.arrayContaining(['London', 'Moscow'])],
        ['Organisations', expect.arrayContaining(['MI6', 'KGB'])],
      ]),
    );
    expect(textOf(spy.querySelector('h1'))).toBe('Russian ex-spy on hunger strike');
  });

  it('every page is well formed', async () => {
    for (const page of await htmlPages(site.outDir)) expectWellFormedPage(await site.page(pageUrlOf(site.basePath, page)), page);
  });
});

describe('escaping', () => {
  it('a hostile title, source, topic and person are shown as text, never as markup', async () => {
    const record = site.record('hostile.md');
    expect(record.title).toBe(HOSTILE.title);
    const raw = await site.html(record.url);
    const page = await site.page(record.url);
    expect(textOf(page.querySelector('h1'))).toBe(HOSTILE.title);
    expect(page.querySelector('title')?.text).toBe(`${HOSTILE.title} · Broadsheet`);
    expect(raw).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    expect(page.querySelectorAll('.facets a').map((a) => textOf(a))).toEqual(expect.arrayContaining([HOSTILE.topic, HOSTILE.person]));
    expect(textOf(page.querySelector('.article__header .meta a[href*="/sources/"]'))).toBe(HOSTILE.source);
    for (const file of await htmlPages(site.outDir)) {
      const html = await site.html(pageUrlOf(site.basePath, file));
      const root = await site.page(pageUrlOf(site.basePath, file));
      expect(html, file).not.toMatch(/<script>alert|<img src=x|<b>bold|<i>Evil/);
      expect(root.querySelectorAll('img[onerror], b, i'), file).toHaveLength(0);
      for (const script of root.querySelectorAll('script')) {
        // Structured data may carry the names, but only as JSON with no raw "<" to end the element.
        if (script.getAttribute('type') === 'application/ld+json') {
          expect(script.rawText, file).not.toContain('<');
          expect(() => JSON.parse(script.rawText), file).not.toThrow();
        } else expect(script.rawText, file).not.toContain('alert');
      }
    }
  });
});

describe('a wire story carried twice', () => {
  it('flags the later copy, gives it a page naming its original, and lists the story once', async () => {
    const copySpec = CONTENT_SPECS.find((s) => s.copyOf !== undefined);
    const bySource = (file: string | undefined) => site.api.find((r) => r.sourceFile === file);
    const original = bySource(copySpec?.copyOf);
    const copy = bySource(copySpec?.file) as (ReturnType<typeof bySource> & { duplicateOf?: string }) | undefined;
    expect(original).toBeDefined();
    expect(copy?.duplicateOf).toBe(original?.id);

    const copyPage = await site.page(copy!.url);
    expect(copyPage.querySelector('link[rel="canonical"]')?.getAttribute('href')).toContain(original!.url);
    const economy = await allPages(site.href('topics/economy/'));
    expect(economy.hrefs).toContain(original!.url);
    expect(economy.hrefs).not.toContain(copy!.url);
  });
});
