/** Issue 2's requirements on the three real seeds: the people each names, and Russia, Iran and the United States as topics. */
import { describe, expect, it } from 'vitest';
import { enrichArticle } from '../../src/enrich/enrich-article.ts';
import { parseSeedFile, SEEDS_DIR } from './fixtures.ts';

const SEEDS = {
  '000_c7242acd748ee215.txt': ['Dmitry Peskov', 'Lloyd Austin', 'Vladimir Putin', 'Sergey Lavrov'],
  '001_63d6e588ad32ed8a.txt': ['Dmitry Peskov', 'Donald Trump', 'Abbas Araghchi', 'Vladimir Putin', 'Masoud Pezeshkian'],
  '003_8d78b157a282ba9e.txt': ['Andrey Rudenko', 'Benjamin Netanyahu', 'Donald Trump', 'Vladimir Putin', 'Masoud Pezeshkian'],
} as const;

describe('enrichArticle on the seeds', () => {
  for (const [file, people] of Object.entries(SEEDS)) {
    const article = enrichArticle(parseSeedFile(SEEDS_DIR, file));

    it(`${file}: names exactly its people, under their full names`, () => {
      // Exact: sentence starts ("Despite"), phrases ("Cold War", "Truth Social") and places are not people.
      expect(article.people.map((p) => p.name).sort()).toEqual([...people].sort());
    });

    it(`${file}: has Russia, Iran and United States among its topics`, () => {
      expect(article.topics).toEqual(expect.arrayContaining(['Russia', 'Iran', 'United States']));
    });

    it(`${file}: ranks subjects with evidence, conflict or politics first`, () => {
      expect(['conflict-war-peace', 'politics']).toContain(article.subjects[0]?.id);
      for (const subject of article.subjects) expect(subject.evidence.length).toBeGreaterThan(0);
    });
  }

  it('keeps titles as roles, not names', () => {
    const lavrov = enrichArticle(parseSeedFile(SEEDS_DIR, '000_c7242acd748ee215.txt')).people.find((p) => p.name === 'Sergey Lavrov');
    expect(lavrov?.role).toBe('Russian Foreign Minister');
    const peskov = enrichArticle(parseSeedFile(SEEDS_DIR, '001_63d6e588ad32ed8a.txt')).people.find((p) => p.name === 'Dmitry Peskov');
    expect(peskov?.role).toBe('Kremlin spokesman');
  });

  it('counts "Peskov" and "Dmitry Peskov" as one person', () => {
    const people = enrichArticle(parseSeedFile(SEEDS_DIR, '001_63d6e588ad32ed8a.txt')).people;
    expect(people.filter((p) => p.name.includes('Peskov'))).toEqual([expect.objectContaining({ name: 'Dmitry Peskov', slug: 'dmitry-peskov', mentions: 2 })]);
  });

  it('lets declared topics and people win over what it finds', () => {
    const parsed = parseSeedFile(SEEDS_DIR, '003_8d78b157a282ba9e.txt');
    const article = enrichArticle({ ...parsed, declared: { topics: ['Diplomacy'], people: ['Andrey Rudenko'] } });
    expect(article.topics).toEqual(['Diplomacy']);
    expect(article.people).toEqual([{ name: 'Andrey Rudenko', slug: 'andrey-rudenko', role: 'Deputy Foreign Minister', mentions: 4 }]);
  });

  it('gives the same result every time', () => {
    const parsed = parseSeedFile(SEEDS_DIR, '000_c7242acd748ee215.txt');
    expect(JSON.stringify(enrichArticle(parsed))).toBe(JSON.stringify(enrichArticle(parsed)));
  });
});
