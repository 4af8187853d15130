/** Media files beside Markdown articles: which files, which URLs name one, and where their copies are linked from. */
import { describe, expect, it } from 'vitest';
import { ARTICLE_TO_ROOT, checkMedia, isMediaFile, leadImage, MEDIA_EXTENSIONS, mediaHref, mediaTarget, relocateMediaUrls } from '../../src/content/media-file.ts';
import { articleUrl, searchUrl } from '../../src/urls.ts';
import { contentTypeFor } from '../../src/serve/content-types.ts';

describe('media files', () => {
  it('are images, audio, video and PDF, in any case; not SVG, which can run scripts', () => {
    for (const name of ['a.jpg', 'b/c.JPEG', 'd.png', 'e.webp', 'f.avif', 'g.gif', 'h.pdf', 'i.mp3', 'j.mp4', 'k.webm']) expect(isMediaFile(name), name).toBe(true);
    for (const name of ['a.svg', 'b.html', 'c.js', 'd.md', 'e.txt', 'png', 'f.png.exe']) expect(isMediaFile(name), name).toBe(false);
  });

  it('each have a content type in the preview, so a browser shows or plays them rather than downloading them', () => {
    for (const extension of MEDIA_EXTENSIONS) expect(contentTypeFor(`a${extension}`), extension).not.toBe('application/octet-stream');
  });

  it('are named by relative URLs of an article, resolved against its folder, staying inside content/', () => {
    expect(mediaTarget('photo.png', '2019/floods.md')).toEqual({ path: '2019/photo.png', suffix: '' });
    expect(mediaTarget('./img/photo.png', '2019/floods.md')).toEqual({ path: '2019/img/photo.png', suffix: '' });
    expect(mediaTarget('../shared/map.webp', '2019/floods.md')).toEqual({ path: 'shared/map.webp', suffix: '' });
    expect(mediaTarget('report%20final.pdf#page=2', '2019/floods.md')).toEqual({ path: '2019/report final.pdf', suffix: '#page=2' });
    expect(mediaTarget('100%.png', 'a.md')).toEqual({ path: '100%.png', suffix: '' });
    // Leading out of content/, from the root, with a scheme, to a place in the page, or not media: left as written.
    expect(mediaTarget('../photo.png', '2019/floods.md')).toEqual({ path: 'photo.png', suffix: '' });
    for (const url of ['../../etc/passwd.png', '/photo.png', '//cdn.example.org/a.png', 'https://example.org/a.png', 'javascript:alert(1).png', '#top', 'other.md', 'page.html', '']) {
      expect(mediaTarget(url, '2019/floods.md'), url).toBeNull();
    }
  });

  it('are linked from an article page by a relative URL, and from the search page and feeds by their own', () => {
    // The article page's depth, which the body's URLs are written for.
    expect(ARTICLE_TO_ROOT).toBe('../'.repeat(articleUrl('x').split('/').filter((part) => part !== '').length));
    expect(mediaHref('2019/my photo #1.png', ARTICLE_TO_ROOT)).toBe('../../media/2019/my%20photo%20%231.png');
    const body = '<p><img src="../../media/2019/a.png" alt="A"> <a href="../../media/r.pdf">r</a> <a href="../../about/">x</a></p>';
    expect(relocateMediaUrls(body, 'https://example.org/news/')).toBe('<p><img src="https://example.org/news/media/2019/a.png" alt="A"> <a href="https://example.org/news/media/r.pdf">r</a> <a href="../../about/">x</a></p>');
    expect(searchUrl().split('/').filter((part) => part !== '').length).toBe(1);
    expect(relocateMediaUrls(body, '../')).toContain('src="../media/2019/a.png"');
    expect(relocateMediaUrls('<p>No media.</p>', '../')).toBe('<p>No media.</p>');
  });

  it('are reported when an article shows one content/ does not hold, with its file and line, and taken out of its list', () => {
    const articles = [{ file: 'content/a.md', media: [['2019/gone.png', 5], ['2019/a.png', 7], ['2019/gone.pdf', 9]] as const }, { file: 'content/b.md' }, { file: 'content/c.md', media: [['x.webp', 2]] as const }];
    const checked = checkMedia(articles, [{ relativePath: '2019/a.png' }], (a) => a.file);
    expect(checked.missing).toEqual([
      { file: 'content/a.md', line: 5, message: 'shows or links to 2019/gone.png in content/, which is not there: the link is broken on the page' },
      { file: 'content/a.md', line: 9, message: 'shows or links to 2019/gone.pdf in content/, which is not there: the link is broken on the page' },
      { file: 'content/c.md', line: 2, message: 'shows or links to x.webp in content/, which is not there: the link is broken on the page' },
    ]);
    expect(checked.articles).toEqual([{ file: 'content/a.md', media: [['2019/a.png', 7]] }, articles[1], { file: 'content/c.md' }]);
    // The picture of a page: its first image that is there, never a PDF.
    expect(checked.articles.map(leadImage)).toEqual(['2019/a.png', null, null]);
    expect(leadImage({ media: [['r.pdf', 1], ['b/c.JPG', 2]] })).toBe('b/c.JPG');
  });
});
