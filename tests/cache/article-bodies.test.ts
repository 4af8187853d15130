/** Article bodies stay in the article cache: the build keeps articles without them and reads each back where it is shown. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleBodies } from '../../src/cache/article-bodies.ts';
import { ArticleCache } from '../../src/cache/article-cache.ts';
import { discoverInputs } from '../../src/content/input-file.ts';
import { parseInputSafely } from '../../src/content/load-article.ts';
import { readInputBytesSync } from '../../src/content/read-input.ts';
import { enrichArticle } from '../../src/enrich/enrich-article.ts';
import { runArticleTask, type ArticleOutcome } from '../../src/pool/article-task.ts';
import { REAL_SEEDS, tempDir } from '../hostile/hostile-site.ts';

describe('article bodies', () => {
  it('keeps an article without its body and reads the body back from its cache entry', async () => {
    const cacheDir = await tempDir('bodies');
    const { inputs } = await discoverInputs(REAL_SEEDS, path.join(REAL_SEEDS, 'no-content'));
    const input = inputs.find((i) => i.relativePath.startsWith('001'))!;
    const [result] = runArticleTask({ inputs: [input], cacheDir, salt: 'test' });
    if (result?.stored == null) throw new Error('the seed should be stored');
    const kept = JSON.parse(result.meta) as ArticleOutcome;
    if (!kept.ok) throw new Error('the seed should parse');
    expect(kept.article.bodyHtml).toBe('');

    // The full article, as the task computed it before storing it.
    const read = readInputBytesSync(input);
    if (!read.ok) throw new Error('the seed should be readable');
    const parsed = parseInputSafely(input, read.bytes, read.overrideBytes);
    if (!parsed.ok) throw new Error('the seed should parse');
    const full = enrichArticle(parsed.article);
    expect(full.bodyHtml).toContain('<p>');
    expect(kept.article.title).toBe(full.title);

    const cache = await ArticleCache.open(cacheDir, 'test');
    const bodies = new ArticleBodies();
    bodies.add(kept.article, cache.bodyRef(result.stored.key, result.stored.location));
    expect(bodies.html(kept.article)).toBe(full.bodyHtml);
    // The lazy view reads the body each time it is asked for, and spreading it copies the body.
    const lazy = bodies.withBody(kept.article);
    expect(lazy.bodyHtml).toBe(full.bodyHtml);
    expect({ ...lazy }.bodyHtml).toBe(full.bodyHtml);
    expect(() => bodies.html({ inputKind: 'seed', sourceFile: 'not-built.txt' })).toThrow(/no cached body/);
  });
});
