/** Article bodies stay in the article cache: the build keeps articles without them and reads each back where it is shown. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleBodies } from '../../src/cache/article-bodies.ts';
import { ArticleCache } from '../../src/cache/article-cache.ts';
import { discoverInputs } from '../../src/content/input-file.ts';
import { runArticleTask, withoutBodyHtml } from '../../src/pool/article-task.ts';
import { REAL_SEEDS, tempDir } from '../hostile/hostile-site.ts';

describe('article bodies', () => {
  it('keeps an article without its body and reads the body back from its cache entry', async () => {
    const cacheDir = await tempDir('bodies');
    const { inputs } = await discoverInputs(REAL_SEEDS, path.join(REAL_SEEDS, 'no-content'));
    const input = inputs.find((i) => i.relativePath.startsWith('001'))!;
    const full = await runArticleTask({ input, cacheDir, salt: 'test' });
    if (!full.outcome.ok || full.cacheKey === null) throw new Error('the seed should parse');
    expect(full.outcome.article.bodyHtml).toContain('<p>');

    const kept = withoutBodyHtml(full);
    if (!kept.outcome.ok) throw new Error('still an article');
    expect(kept.outcome.article.bodyHtml).toBe('');
    expect(kept.outcome.article.title).toBe(full.outcome.article.title);

    const bodies = new ArticleBodies();
    bodies.add(kept.outcome.article, new ArticleCache(cacheDir, 'test').fileFor(full.cacheKey));
    expect(bodies.html(kept.outcome.article)).toBe(full.outcome.article.bodyHtml);
    // The lazy view reads the body each time it is asked for, and spreading it copies the body.
    const lazy = bodies.withBody(kept.outcome.article);
    expect(lazy.bodyHtml).toBe(full.outcome.article.bodyHtml);
    expect({ ...lazy }.bodyHtml).toBe(full.outcome.article.bodyHtml);
    expect(() => bodies.html({ inputKind: 'seed', sourceFile: 'not-built.txt' })).toThrow(/no cached body/);
  });
});
