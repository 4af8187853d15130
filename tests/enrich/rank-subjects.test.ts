/** IPTC subjects from data/subjects.json: the taxonomy file, and ranking on real BBC articles of each desk. */
import { describe, expect, it } from 'vitest';
import { enrichArticle } from '../../src/enrich/enrich-article.ts';
import { defaultEnrichResources } from '../../src/enrich/enrich-resources.ts';
import { compileSubjectTaxonomy } from '../../src/enrich/subject-taxonomy.ts';
import { rankSubjects } from '../../src/enrich/rank-subjects.ts';
import { tokenize } from '../../src/enrich/tokenize.ts';
import { BroadsheetError } from '../../src/errors.ts';
import { BBC_DIR, parseSeedFile } from './fixtures.ts';

const IPTC_TOP_LEVEL = [
  'arts, culture, entertainment and media', 'crime, law and justice', 'disaster, accident and emergency incident', 'economy, business and finance',
  'education', 'environment', 'health', 'human interest', 'labour', 'lifestyle and leisure', 'politics', 'religion', 'science and technology',
  'society', 'sport', 'conflict, war and peace', 'weather',
];

describe('the subject taxonomy', () => {
  const { taxonomy } = defaultEnrichResources();

  it('is the IPTC Media Topics top level', () => {
    expect(taxonomy.subjects.map((s) => s.label).sort()).toEqual([...IPTC_TOP_LEVEL].sort());
    for (const s of taxonomy.subjects) expect(s.code).toMatch(/^medtop:\d{8}$/);
  });

  it('rejects a file without subjects or with a bad keyword, naming the file', () => {
    expect(() => compileSubjectTaxonomy({ topics: [] }, 'data/subjects.json')).toThrow(BroadsheetError);
    const bad = { subjects: [{ id: 'sport', label: 'sport', keywords: ['goal^0'] }] };
    expect(() => compileSubjectTaxonomy(bad, 'data/subjects.json')).toThrow(/goal\^0/);
  });

  it('matches prefixes, phrases and weights', () => {
    const small = compileSubjectTaxonomy({
      subjects: [
        { id: 'politics', label: 'politics', keywords: ['elect*', 'prime minister', 'state^0.5'] },
        { id: 'sport', label: 'sport', keywords: ['match'] },
      ],
    });
    const ranked = rankSubjects([], [tokenize('The prime minister called an election. Elections are due; the state votes.')], small);
    expect(ranked).toEqual([{ id: 'politics', label: 'politics', score: expect.any(Number), evidence: ['prime minister', 'election', 'elections', 'state'] }]);
    // The lede counts double and a phrase counts double, so four matches score more than four.
    expect(ranked[0]!.score).toBeGreaterThan(ranked[0]!.evidence.length);
    // A phrase does not run across punctuation.
    expect(rankSubjects([], [tokenize('He was prime, minister.')], small)).toEqual([]);
  });
});

describe('subjects of real BBC articles', () => {
  const cases: Array<[string, string]> = [
    ['business/absa-and-barclays-talks-continue.txt', 'economy-business-finance'],
    ['entertainment/a-listers-flock-to-gervais-sitcom.txt', 'arts-culture-entertainment-media'],
    ['politics/abbas-will-not-tolerate-attacks.txt', 'politics'],
    ['sport/a-november-to-remember.txt', 'sport'],
    ['tech/a-question-of-trust-and-technology.txt', 'science-technology'],
  ];
  for (const [file, subject] of cases) {
    it(`${file} is ${subject} first, with the words that say so`, () => {
      const article = enrichArticle(parseSeedFile(BBC_DIR, file));
      expect(article.subjects[0]?.id).toBe(subject);
      expect(article.subjects[0]!.evidence.length).toBeGreaterThanOrEqual(3);
      const scores = article.subjects.map((s) => s.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });
  }
});
