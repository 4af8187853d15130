/** Lone surnames resolved across an archive, on the BBC politics desk (real articles). */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { enrichArticle } from '../../src/enrich/enrich-article.ts';
import { resolveSurnames } from '../../src/enrich/resolve-surnames.ts';
import { slugify } from '../../src/text/slugify.ts';
import { BBC_DIR, parseSeedFile } from './fixtures.ts';

const desk = readdirSync(path.join(BBC_DIR, 'politics')).sort().map((f) => enrichArticle(parseSeedFile(BBC_DIR, `politics/${f}`)));
const named = (lists: ReadonlyArray<readonly { name: string }[]>, name: string): number => lists.filter((people) => people.some((p) => p.name === name)).length;

describe('resolveSurnames', () => {
  const resolved = resolveSurnames(desk);

  it('turns a lone "Blair" into the archive\'s Tony Blair', () => {
    const before = desk.map((a) => a.people);
    expect(named(before, 'Blair')).toBeGreaterThan(0);
    expect(named(resolved, 'Blair')).toBe(0);
    expect(named(resolved, 'Tony Blair')).toBe(named(before, 'Tony Blair') + desk.filter((a) => a.people.some((p) => p.name === 'Blair') && !a.people.some((p) => p.name === 'Tony Blair')).length);
  });

  it('keeps other people of the same surname apart, and slugs in step with names', () => {
    expect(named(resolved, 'Cherie Blair')).toBe(named(desk.map((a) => a.people), 'Cherie Blair'));
    for (const people of resolved) for (const p of people) expect(p.slug).toBe(slugify(p.name));
  });

  it('leaves an article without lone surnames as it was', () => {
    desk.forEach((article, i) => {
      if (!article.people.some((p) => !p.name.includes(' '))) expect(resolved[i]).toBe(article.people);
    });
  });
});
