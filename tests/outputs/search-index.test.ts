/** The Pagefind index of the built site: produced by the build, holding titles and bodies only, queryable. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import fg from 'fast-glob';
import { parse } from 'node-html-parser';
import { buildReaderSite, type ReaderSite } from './reader-site.ts';
import { createStaticHandler } from '../../src/serve/static-handler.ts';
import { LiveReload } from '../../src/serve/live-reload.ts';
import { SEARCH_KEY_FILE } from '../../src/outputs/search-index.ts';
import { bundleFragments, type Fragment } from './search-bundle.ts';


let site: ReaderSite;
let api: Array<{ url: string; title: string; sourceFile: string; source: string | null; credits: string[]; topics: string[]; duplicateOf?: string }>;
let fragments: Fragment[];
beforeAll(async () => {
  site = await buildReaderSite();
  api = JSON.parse(await site.read('api/articles.json'));
  fragments = await bundleFragments(path.join(site.outDir, 'pagefind'));
});
afterAll(() => site?.cleanup());

const fragmentOf = (sourceFile: string): Fragment => {
  const record = api.find((r) => r.sourceFile === sourceFile);
  const found = fragments.find((f) => f.url === record?.url.replace(/^\/news/, ''));
  if (found === undefined) throw new Error(`no search fragment for ${sourceFile}`);
  return found;
};

describe('the search index', () => {
  it('is built into pagefind/ with Pagefind UI, one record per article, and timed as its own stage', async () => {
    for (const file of ['pagefind/pagefind.js', 'pagefind/pagefind-ui.js', 'pagefind/pagefind-ui.css', 'pagefind/pagefind-entry.json']) {
      expect(existsSync(path.join(site.outDir, file)), file).toBe(true);
    }
    const entry = JSON.parse(await site.read('pagefind/pagefind-entry.json'));
    const listed = api.filter((r) => r.duplicateOf === undefined);
    expect(listed.length).toBeLessThan(api.length); // the fixture's near-copy is left out
    expect(entry.languages.en.page_count).toBe(listed.length);
    expect(fragments).toHaveLength(listed.length);
    expect(site.result.timings.map(([stage]) => stage)).toContain('search');
  });

  it('holds the title and body, with topic, source and year filters and date and source metadata', () => {
    const seed = fragmentOf('000_c7242acd748ee215.txt');
    expect(seed.content).toContain('Peskov');
    expect(seed.filters.year).toEqual(['2024']);
    expect(seed.meta.date).toBe('30 January 2024');
    const bbc = fragmentOf('blair-bush-win.md');
    expect(bbc.filters.topic).toEqual(expect.arrayContaining(['Politics', 'United States']));
    expect(bbc.filters.source).toEqual(['BBC News']);
    expect(bbc.meta.source).toBe('BBC News');
  });

  it('leaves credits, removed source text and navigation out', () => {
    const seed = api.find((r) => r.sourceFile === '000_c7242acd748ee215.txt');
    for (const credit of seed?.credits ?? []) expect(fragmentOf('000_c7242acd748ee215.txt').content).not.toContain(credit);
    const moscow = fragmentOf('001_63d6e588ad32ed8a.txt');
    expect(moscow.content).not.toContain('Remind me later');
    for (const fragment of fragments) {
      expect(fragment.content).not.toContain('Skip to content');
      expect(fragment.content).not.toContain('Organisations');
      expect(fragment.content).not.toContain('Related articles');
    }
  });

  it('answers a query through pagefind.js, served over HTTP as a browser would load it', async () => {
    const server: Server = createServer(createStaticHandler(() => ({ root: site.outDir, basePath: '/news/' }), new LiveReload()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as { port: number }).port;
      const pagefind = await import(pathToFileURL(path.join(site.outDir, 'pagefind/pagefind.js')).href);
      await pagefind.options({ basePath: `http://127.0.0.1:${port}/news/pagefind/` });
      const search = await pagefind.search('Peskov');
      const hits = await Promise.all(search.results.map((r: { data: () => Promise<{ url: string; meta: Record<string, string> }> }) => r.data()));
      const seed = api.find((r) => r.sourceFile === '000_c7242acd748ee215.txt');
      expect(hits.map((h) => new URL(h.url).pathname)).toContain(seed?.url);
      expect(hits.find((h) => h.url.endsWith(seed?.url ?? ''))?.meta.title).toBe(seed?.title);
      const filters = await pagefind.filters();
      expect(Object.keys(filters).sort()).toEqual(['source', 'topic', 'year']);
      expect(filters.source['BBC News']).toBeGreaterThan(0);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('the search page', () => {
  it('mounts Pagefind UI in #search, runs ?q= on load, and explains file:// and no-JS cases', async () => {
    const html = await site.read('search/index.html');
    const doc = parse(html);
    expect(doc.querySelector('#search')).not.toBeNull();
    expect(doc.querySelector('link[href="/news/pagefind/pagefind-ui.css"]')).not.toBeNull();
    expect(doc.querySelector('script[src="/news/pagefind/pagefind-ui.js"]')).not.toBeNull();
    // One shard here: the list of bundles to merge is empty, and the page merges what it names.
    expect(doc.querySelector('script[src="/news/pagefind/broadsheet-shards.js"]')).not.toBeNull();
    expect(await site.read('pagefind/broadsheet-shards.js')).toContain('window.broadsheetSearchShards = [];');
    expect(doc.querySelector('#search')?.getAttribute('data-bundle')).toBe('/news/pagefind/');
    expect(html).toContain('pagefind.mergeIndex(shard.bundlePath)');
    expect(html).toContain("new URLSearchParams(location.search).get('q')");
    expect(html).toContain('ui.triggerSearch(query)');
    expect(doc.querySelector('noscript')?.textContent).toMatch(/needs JavaScript/);
    expect(doc.querySelector('#search-offline')?.textContent).toMatch(/served over HTTP/);
    expect(html).toContain("location.protocol === 'file:'");
  });

  it('is where the header search box sends its query', async () => {
    const form = parse(await site.read('index.html')).querySelector('header form[role="search"]');
    expect(form?.getAttribute('action')).toBe('/news/search/');
    expect(form?.querySelector('input')?.getAttribute('name')).toBe('q');
  });
});

describe('rebuilding', () => {
  it('reuses the bundle when no article changed, and indexes again when one did', async () => {
    const entry = path.join(site.outDir, 'pagefind/pagefind-entry.json');
    const first = await stat(entry);
    const key = await site.read(`pagefind/${SEARCH_KEY_FILE}`);
    await site.rebuild();
    // Hard-linked from the previous output: same file, same bytes, same mtime.
    const reused = await stat(entry);
    expect(reused.ino).toBe(first.ino);
    expect(reused.mtimeMs).toBe(first.mtimeMs);
    expect(await site.read(`pagefind/${SEARCH_KEY_FILE}`)).toBe(key);

    const file = path.join(site.contentDir, 'abbas.md');
    await writeFile(file, `${await readFile(file, 'utf8')}\nThe zanzibarite clause was added after publication.\n`);
    await site.rebuild();
    expect((await stat(entry)).ino).not.toBe(first.ino);
    expect(await site.read(`pagefind/${SEARCH_KEY_FILE}`)).not.toBe(key);
    const files = await fg('pagefind/fragment/*.pf_fragment', { cwd: site.outDir });
    const texts = await Promise.all(files.map(async (f) => gunzipSync(await readFile(path.join(site.outDir, f))).toString('utf8')));
    expect(texts.some((t) => t.includes('zanzibarite'))).toBe(true);
  });
});
