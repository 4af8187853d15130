/** The string pool: one copy of each short string the build keeps, and none of the strings only one article holds. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverInputs } from '../../src/content/input-file.ts';
import { runArticleTask, type ArticleOutcome } from '../../src/pool/article-task.ts';
import { StringPool } from '../../src/pool/string-pool.ts';
import { BBC_DIR, tempDir } from '../hostile/hostile-site.ts';

describe('StringPool.internFields', () => {
  it('pools an article’s names but not the fields that are its own, and leaves its data equal', async () => {
    const { inputs } = await discoverInputs(path.join(BBC_DIR, 'politics'), path.join(BBC_DIR, 'no-content'));
    const [result] = runArticleTask({ inputs: inputs.slice(0, 1), cacheDir: await tempDir('string-pool'), salt: 'salt' });
    const parse = (): Extract<ArticleOutcome, { ok: true }>['article'] => {
      const outcome = JSON.parse(result!.meta) as ArticleOutcome;
      if (!outcome.ok) throw new Error(`${inputs[0]!.displayPath} should parse`);
      return outcome.article;
    };
    const unique = new Set(['id', 'slug', 'url', 'sourceFile', 'contentHash']);
    const pool = new StringPool();
    const first = parse();
    expect(pool.internFields(first, unique)).toEqual(parse());
    const pooled = pool.size;
    // The article's topics and names are short strings: pooled.
    expect(pooled).toBeGreaterThan(first.topics.length);
    // A second article with the same names but its own id and hash adds nothing to the pool.
    pool.internFields({ ...parse(), id: `${first.id}-2`, slug: `${first.slug}-2`, contentHash: '0'.repeat(64) }, unique);
    expect(pool.size).toBe(pooled);
    // Pooled whole, its own fields (id, slug, hash, path) are added.
    pool.intern({ ...parse(), id: `${first.id}-3`, contentHash: '1'.repeat(64) });
    expect(pool.size).toBeGreaterThanOrEqual(pooled + 4);
  });
});
