/** Links between Markdown articles: which URLs name one, the marks a cached body holds, and what they become. */
import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bbcText, buildProject, expectSafeBuild, makeProject } from '../hostile/hostile-site.ts';
import { articleLinkMark, articleLinkTarget, missingArticleLinks, resolveArticleLinks } from '../../src/content/article-links.ts';
import { markdownArticleHtml } from '../../src/render/markdown.ts';

describe('links between Markdown articles', () => {
  it('are relative links to .md files inside content/', () => {
    expect(articleLinkTarget('../2018/storm.md#aftermath', '2019/floods.md')).toEqual({ path: '2018/storm.md', suffix: '#aftermath' });
    expect(articleLinkTarget('Storm%20Report.MD', '2019/floods.md')).toEqual({ path: '2019/Storm Report.MD', suffix: '' });
    for (const url of ['../../outside.md', '/2018/storm.md', 'https://example.org/a.md', '#section', 'photo.png', 'notes.txt']) expect(articleLinkTarget(url, '2019/floods.md'), url).toBeNull();
  });

  it('are written as marks that become the linked page’s URL, or the link’s text when the site has no such article', () => {
    const { html, links, media } = markdownArticleHtml('See [the *earlier* story](../2018/storm.md#after "Earlier"), [gone](gone.md) and ![a picture](x.md).\n', '2019/floods.md', 4);
    expect(links).toEqual([
      ['2018/storm.md', 4],
      ['2019/gone.md', 4],
    ]);
    expect(media).toEqual([]);
    expect(html).toContain(`<a href="${articleLinkMark('2018/storm.md', '#after')}" title="Earlier">the <em>earlier</em> story</a>`);
    // An image is never a link to an article.
    expect(html).toContain('<img src="x.md" alt="a picture">');
    const hrefs = new Map([['2018/storm.md', '/news/articles/storm-warning/']]);
    expect(resolveArticleLinks(html, (file) => hrefs.get(file) ?? null)).toBe('<p>See <a href="/news/articles/storm-warning/#after" title="Earlier">the <em>earlier</em> story</a>, gone and <img src="x.md" alt="a picture">.</p>');
    // An href is an attribute value: its quotes are escaped.
    expect(resolveArticleLinks(`<a href="${articleLinkMark('a.md', '')}">a</a>`, () => '/x"y&z/')).toBe('<a href="/x&quot;y&amp;z/">a</a>');
    expect(resolveArticleLinks('<p>No links.</p>', () => null)).toBe('<p>No links.</p>');
  });

  it('to no article of the site are reported with the linking file and line', () => {
    const articles = [
      { file: 'content/2019/floods.md', inputKind: 'content', sourceFile: '2019/floods.md', links: [['2018/storm.md', 4], ['2019/gone.md', 6], ['seed.md', 8]] as const },
      { file: 'content/2018/storm.md', inputKind: 'content', sourceFile: '2018/storm.md' },
      // A seed is no Markdown file of content/, whatever its name.
      { file: 'seeds/seed.md', inputKind: 'seed', sourceFile: 'seed.md' },
    ] as const;
    expect(missingArticleLinks(articles, (a) => a.file)).toEqual([
      { file: 'content/2019/floods.md', line: 6, message: 'links to 2019/gone.md in content/, which is no article of the site: the link is shown as its text' },
      { file: 'content/2019/floods.md', line: 8, message: 'links to seed.md in content/, which is no article of the site: the link is shown as its text' },
    ]);
  });
});

describe('links between Markdown articles in a build', () => {
  it('lead to the linked page under the base path, in feeds by full URL, and follow a new slug on a rebuild', async () => {
    const [headline = '', ...body] = (await bbcText()).split('\n');
    const text = body.join('\n').trim();
    // Another story for the other article: the same text would make it a near-copy, which feeds leave out.
    const other = (await bbcText('politics', 'blair-congratulates-bush-on-win.txt')).split('\n').slice(1).join('\n').trim();
    const files = {
      'content/2019/floods.md': `---\ntitle: ${JSON.stringify(headline.trim())}\ndate: 2019-03-01\n---\n${text}\n\nSee [the earlier story](../2018/storm.md#aftermath) and [a lost one](lost.md).\n`,
      'content/2018/storm.md': `---\ntitle: Storm warning\ndate: 2018-11-01\nslug: storm-warning-issued\n---\n${other}\n\nBack to [the later story](../2019/floods.md).\n`,
    };
    const root = await makeProject(files);
    const config = { basePath: '/news/', siteUrl: 'https://example.org/news/' };
    const site = await buildProject(root, config);
    await expectSafeBuild(site, Object.keys(files));
    const floods = await readFile(path.join(site.outDir, 'articles/2019-floods/index.html'), 'utf8');
    expect(floods).toContain('<a href="/news/articles/storm-warning-issued/#aftermath">the earlier story</a>');
    expect(floods).toContain(' and a lost one.');
    expect(await readFile(path.join(site.outDir, 'articles/storm-warning-issued/index.html'), 'utf8')).toContain('<a href="/news/articles/2019-floods/">the later story</a>');
    const line = files['content/2019/floods.md'].split('\n').findIndex((l) => l.includes('lost.md')) + 1;
    expect(site.report.entries).toEqual(expect.arrayContaining([expect.objectContaining({ level: 'warning', file: 'content/2019/floods.md', line, message: 'links to 2019/lost.md in content/, which is no article of the site: the link is shown as its text' })]));
    expect(await readFile(path.join(site.outDir, 'feed.xml'), 'utf8')).toContain('href="https://example.org/news/articles/storm-warning-issued/#aftermath"');
    // No mark is left anywhere in the site.
    for (const file of site.tree.filter((f) => f.startsWith('dist/') && /\.(html|xml|json)$/.test(f))) expect(await readFile(path.join(root, file), 'utf8'), file).not.toContain('broadsheet-article:');

    // The linked article takes a new slug: the page linking to it follows on a rebuild from the cache, as a clean build would have it.
    await writeFile(path.join(root, 'content/2018/storm.md'), files['content/2018/storm.md'].replace('slug: storm-warning-issued', 'slug: storm-warning'));
    const rebuilt = await buildProject(root, config);
    const after = await readFile(path.join(rebuilt.outDir, 'articles/2019-floods/index.html'), 'utf8');
    expect(after).toContain('<a href="/news/articles/storm-warning/#aftermath">the earlier story</a>');
    expect(await readFile(path.join(rebuilt.outDir, 'feed.xml'), 'utf8')).toContain('href="https://example.org/news/articles/storm-warning/#aftermath"');
    const clean = await buildProject(root, config, { cache: false });
    expect(await readFile(path.join(clean.outDir, 'articles/2019-floods/index.html'), 'utf8')).toBe(after);
  });
});
