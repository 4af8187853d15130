/** A Markdown article's images and documents beside it: copied into the site, linked from its page, checked and kept across builds. */
import { describe, expect, it } from 'vitest';
import { readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { png } from './png-fixture.ts';
import { bbcText, buildProject, expectSafeBuild, makeProject } from '../hostile/hostile-site.ts';

describe('media beside Markdown articles', () => {
  it('are copied under media/, linked from the page and the feeds, missing ones reported, unchanged ones kept', async () => {
    const [headline = '', ...body] = (await bbcText()).split('\n');
    const article = `---\ntitle: ${JSON.stringify(headline.trim())}\ndate: 2005-03-01\n---\n${body.join('\n').trim()}\n\n![The bank's offices](photo.png)\n\nThe [full statement](docs/statement.pdf) and the [missing chart](chart.webp).\n`;
    const files = {
      'content/2005/absa.md': article,
      'content/2005/photo.png': png(4),
      'content/2005/docs/statement.pdf': '%PDF-1.4\n% Absa and Barclays statement\n%%EOF\n',
      'content/2005/diagram.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    };
    const root = await makeProject(files);
    // A picture whose file is gone (a link left dangling): a line, not a failed build.
    await symlink(path.join(root, 'nowhere.png'), path.join(root, 'content/2005/gone.png'));
    const config = { basePath: '/news/', siteUrl: 'https://example.org/news/' };
    const site = await buildProject(root, config);
    await expectSafeBuild(site, [...Object.keys(files), 'content/2005/gone.png']);
    expect(site.report.entries).toEqual(expect.arrayContaining([expect.objectContaining({ level: 'skipped', file: 'content/2005/gone.png', message: expect.stringMatching(/^cannot read it, so it is not in the site: ENOENT/) })]));

    // Found in the tree (outcomeOf reads pages by their URL, which holds the base path).
    const page = site.tree.find((f) => f.startsWith('dist/articles/') && f.endsWith('/index.html') && f.includes('absa'))!;
    const html = await readFile(path.join(root, page), 'utf8');
    const lines = site.report.entries.filter((entry) => entry.file === 'content/2005/absa.md');
    // Each URL of the page, resolved from where the page is, is the copy of the file beside the article.
    const resolve = (url: string): string => path.posix.join(path.posix.dirname(page), decodeURIComponent(url));
    const image = /<img src="([^"]+)" alt="The bank&#x27;s offices">/.exec(html)?.[1];
    expect(image, html.slice(html.indexOf('<img'), html.indexOf('<img') + 200)).toBeDefined();
    expect(await readFile(path.join(root, resolve(image!)))).toEqual(files['content/2005/photo.png']);
    const pdf = /<a href="([^"]+)">full statement<\/a>/.exec(html)?.[1];
    expect(await readFile(path.join(root, resolve(pdf!)), 'utf8')).toBe(files['content/2005/docs/statement.pdf']);
    expect(site.tree).toEqual(expect.arrayContaining(['dist/media/2005/photo.png', 'dist/media/2005/docs/statement.pdf']));
    // The missing file is named with the article's line; the SVG is not copied, and says why.
    const lineOfChart = article.split('\n').findIndex((l) => l.includes('(chart.webp)')) + 1;
    expect(lines).toEqual(expect.arrayContaining([expect.objectContaining({ level: 'warning', line: lineOfChart, message: 'shows or links to 2005/chart.webp in content/, which is not there: the link is broken on the page' })]));
    expect(site.report.entries).toEqual(expect.arrayContaining([expect.objectContaining({ level: 'skipped', file: 'content/2005/diagram.svg', message: expect.stringMatching(/^not copied into the site: an SVG file can run scripts/) })]));
    expect(site.tree.some((f) => f.startsWith('dist/') && f.endsWith('diagram.svg'))).toBe(false);
    // The photo is the page's picture for shares and search engines, by its full URL.
    expect(html).toContain('<meta property="og:image" content="https://example.org/news/media/2005/photo.png">');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!) as { image?: string[] };
    expect(jsonLd.image).toEqual(['https://example.org/news/media/2005/photo.png']);
    // Feed readers get the full URL.
    expect(await readFile(path.join(site.outDir, 'feed.xml'), 'utf8')).toContain('src="https://example.org/news/media/2005/photo.png"');

    // Unchanged: the copy keeps its bytes and mtime. Replaced under the same name: the new bytes are copied.
    const before = await stat(path.join(site.outDir, 'media/2005/photo.png'));
    const again = await buildProject(root, config);
    expect((await stat(path.join(again.outDir, 'media/2005/photo.png'))).mtimeMs).toBe(before.mtimeMs);
    await writeFile(path.join(root, 'content/2005/photo.png'), png(6));
    const replaced = await buildProject(root, config);
    expect(await readFile(path.join(replaced.outDir, 'media/2005/photo.png'))).toEqual(png(6));
  });
});
