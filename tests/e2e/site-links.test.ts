/**
 * Links work wherever dist/ is served: the same input built for the root and for a sub-path
 * (through the config and through the CLI's --base-path) has no broken internal link or asset.
 */
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SPECS, PROJECT_DIR, buildSite, type BuiltSite } from './site-fixture.ts';
import { checkLinks, htmlPages, linksOf } from './check-links.ts';
import { main } from '../../src/cli.ts';
import { parse } from 'node-html-parser';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function built(basePath: string): Promise<BuiltSite> {
  const site = await buildSite({ content: CONTENT_SPECS, pageSize: 2, basePath });
  cleanups.push(site.cleanup);
  return site;
}

describe.each(['/', '/sub/', '/news/archive/'])('served under %s', (basePath) => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await built(basePath);
  });

  it('every internal href, src and action resolves to a file, and every #fragment to an id', async () => {
    expect(await htmlPages(site.outDir)).toContain('topics/politics/page/3/index.html');
    expect(await checkLinks(site.outDir, basePath)).toEqual([]);
  });

  it('every internal link starts with the base path', async () => {
    for (const page of await htmlPages(site.outDir)) {
      const root = parse(await readFile(path.join(site.outDir, page), 'utf8'));
      for (const { href } of linksOf(root)) {
        if (/^[a-z]+:/i.test(href) || href.startsWith('#')) continue;
        expect(href.startsWith(basePath), `${page}: ${href}`).toBe(true);
      }
    }
  });
});

describe('the CLI --base-path flag', () => {
  it('builds a site whose links resolve under the sub-path', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'broadsheet-cli-'));
    cleanups.push(() => rm(out, { recursive: true, force: true }));
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    let code: number;
    try {
      code = await main(['build', '--seeds', path.join(PROJECT_DIR, 'seeds'), '--content', path.join(out, 'no-content'), '--out', path.join(out, 'site'), '--base-path', '/sub/', '--quiet', '--templates', path.join(PROJECT_DIR, 'templates')], out);
    } finally {
      stdout.mockRestore();
    }
    expect(code).toBe(0);
    const home = await readFile(path.join(out, 'site', 'index.html'), 'utf8');
    expect(home).toContain('href="/sub/assets/style.css"');
    expect(await checkLinks(path.join(out, 'site'), '/sub/')).toEqual([]);
    // The same pages served at the root would break: the checker sees it.
    expect((await checkLinks(path.join(out, 'site'), '/')).length).toBeGreaterThan(0);
  });
});

describe('the link checker', () => {
  it('reports missing files, links outside the base path and missing fragments', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'broadsheet-links-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await mkdir(path.join(dir, 'topics'));
    const seed = await readFile(path.join(PROJECT_DIR, 'seeds', '000_c7242acd748ee215.txt'), 'utf8');
    await writeFile(path.join(dir, 'topics', 'index.html'), `<p id="top">${seed.slice(0, 80)}</p>`);
    await writeFile(
      path.join(dir, 'index.html'),
      ['<a href="/sub/topics/">ok</a>', '<a href="topics/#top">ok</a>', '<a href="/sub/topics/#nowhere">bad fragment</a>', '<a href="/sub/people/">missing</a>', '<a href="/elsewhere/">outside</a>', '<a href="https://example.org/">external</a>', '<img src="/sub/a.png" alt="">'].join('\n'),
    );
    const broken = await checkLinks(dir, '/sub/');
    expect(broken.map((b) => [b.href, b.reason])).toEqual([
      ['/sub/topics/#nowhere', 'no element with id "nowhere"'],
      ['/sub/people/', 'no file people/index.html'],
      ['/elsewhere/', 'outside the base path /sub/'],
      ['/sub/a.png', 'no file a.png'],
    ]);
  });
});
