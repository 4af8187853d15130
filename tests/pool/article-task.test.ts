/** The parse task's outcome: an article without its text, and the terms that relate it as its text would. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverInputs } from '../../src/content/input-file.ts';
import { parseInput } from '../../src/content/load-article.ts';
import { enrichArticle } from '../../src/enrich/enrich-article.ts';
import { relateArticles } from '../../src/enrich/relate-articles.ts';
import { parseTermsJson, type ArticleTerms } from '../../src/enrich/term-vectors.ts';
import type { Article } from '../../src/content/article.ts';
import { runArticleTask, type ArticleOutcome } from '../../src/pool/article-task.ts';
import { BBC_DIR, tempDir } from '../hostile/hostile-site.ts';

describe('runArticleTask', () => {
  it('leaves the body text out, and its terms relate a desk exactly as the articles’ text does', async () => {
    const { inputs } = await discoverInputs(path.join(BBC_DIR, 'business'), path.join(BBC_DIR, 'no-content'));
    const cacheDir = await tempDir('article-task');
    // Two batches, as the pool hands them out: the thread's term table carries over between them.
    const half = Math.floor(inputs.length / 2);
    const results = [...runArticleTask({ inputs: inputs.slice(0, half), cacheDir, salt: 'salt' }), ...runArticleTask({ inputs: inputs.slice(half), cacheDir, salt: 'salt' })];
    const terms = new Map<Article, ArticleTerms>();
    const fromTask = results.map((result) => {
      const outcome = JSON.parse(result.meta) as ArticleOutcome;
      if (!outcome.ok) throw new Error(`${outcome.problem.file} should parse`);
      expect(outcome.article.bodyText).toBe('');
      terms.set(outcome.article, { ...parseTermsJson(result.terms!), signature: outcome.signature });
      return outcome.article;
    });
    const fromText = inputs.map((input) => {
      const parsed = parseInput(input, readFileSync(input.absolutePath), null);
      if (!parsed.ok) throw new Error(`${input.relativePath} should parse`);
      return enrichArticle(parsed.article);
    });
    expect(fromText[0]!.bodyText.length).toBeGreaterThan(0);
    const related = relateArticles(fromTask, (article) => terms.get(article));
    const read = relateArticles(fromText);
    expect([...related.related]).toEqual([...read.related]);
    expect(related.articles).toEqual(read.articles.map((a) => ({ ...a, bodyText: '', bodyHtml: '' })));
    // Near-copies and stories were found at all (the desk has some), so equal is not trivially empty.
    expect(related.articles.some((a) => a.story !== undefined)).toBe(true);
  });
});
