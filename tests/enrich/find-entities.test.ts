/** One canonical name per entity, roles kept apart, and no people made of sentence starts or dates. */
import { describe, expect, it } from 'vitest';
import { enrichArticle } from '../../src/enrich/enrich-article.ts';
import { defaultEnrichResources } from '../../src/enrich/enrich-resources.ts';
import { lookupPlace } from '../../src/enrich/gazetteer.ts';
import { BBC_DIR, parseSeedFile, SEEDS_DIR } from './fixtures.ts';

const { gazetteer } = defaultEnrichResources();

describe('place names', () => {
  it('reads U.S., US, USA, United States and American as the United States', () => {
    for (const written of ['U.S.', 'US', 'USA', 'United States', 'United States of America', 'American', 'Americans']) {
      expect(lookupPlace(gazetteer, written)?.name, written).toBe('United States');
    }
  });

  it('does not read the words "us" or "it" as countries', () => {
    expect(lookupPlace(gazetteer, 'us')).toBeUndefined();
    expect(lookupPlace(gazetteer, 'Us')).toBeUndefined();
    expect(lookupPlace(gazetteer, 'IT')).toBeUndefined();
  });

  it('gives a demonym shared with a territory to the sovereign state', () => {
    expect(lookupPlace(gazetteer, 'French')?.name).toBe('France');
  });

  it('counts capitals and seats of government for their country', () => {
    expect(lookupPlace(gazetteer, 'Tehran')).toEqual({ name: 'Tehran', kind: 'capital', country: 'Iran' });
    expect(lookupPlace(gazetteer, 'Kremlin')).toEqual({ name: 'Kremlin', kind: 'seat', country: 'Russia' });
  });
});

describe('entities in real articles', () => {
  it('merges "US" and "Americans" into one United States in a BBC article', () => {
    const article = enrichArticle(parseSeedFile(BBC_DIR, 'business/bush-budget-seeks-deep-cutbacks.txt'));
    const names = article.places.map((p) => p.name);
    expect(names).toContain('United States');
    expect(names.filter((n) => ['US', 'American', 'Americans', 'U.S.'].includes(n))).toEqual([]);
    expect(article.places.find((p) => p.name === 'United States')?.mentions).toBe(7);
  });

  it('merges "U.S." and "United States" in a seed', () => {
    const article = enrichArticle(parseSeedFile(SEEDS_DIR, '000_c7242acd748ee215.txt'));
    expect(article.places.map((p) => p.name)).not.toContain('U.S.');
    // "the U.S." four times and "the United States" once.
    expect(article.places.find((p) => p.name === 'United States')?.mentions).toBe(5);
  });

  it('resolves "Mr Abbas" to Mahmoud Abbas and keeps titles as roles', () => {
    const article = enrichArticle(parseSeedFile(BBC_DIR, 'politics/abbas-will-not-tolerate-attacks.txt'));
    const byName = new Map(article.people.map((p) => [p.name, p]));
    expect(byName.get('Mahmoud Abbas')).toMatchObject({ role: 'Palestinian leader', mentions: 6 });
    expect(byName.get('Tony Blair')?.role).toBe('British Prime Minister');
    expect(byName.get('Condoleezza Rice')?.role).toBe('US Secretary of State');
    expect([...byName.keys()].filter((n) => /Minister|Abbas$/.test(n) && n !== 'Mahmoud Abbas')).toEqual([]);
  });

  it('takes no month, weekday or sentence start for a person', () => {
    const article = enrichArticle(parseSeedFile(BBC_DIR, 'sport/a-november-to-remember.txt'));
    const names = article.people.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Eddie Jones', "Ronan O'Gara", 'Lawrence Dallaglio']));
    expect(names.filter((n) => /November|Saturday|^In |^Last |^All /.test(n))).toEqual([]);
    expect(article.people.find((p) => p.name === 'Eddie Jones')?.role).toBe('Wallabies coach');
  });

  it('takes no place or venue for a person ("New York", "Los Angeles", "Wall Street")', () => {
    for (const file of ['entertainment/band-aid-20-single-storms-to-no-1.txt', 'business/european-losses-hit-gm-s-profits.txt']) {
      const names = enrichArticle(parseSeedFile(BBC_DIR, file)).people.map((p) => p.name);
      expect(names.filter((n) => /New York|Los Angeles|Wall Street/.test(n)), file).toEqual([]);
    }
    const band = enrichArticle(parseSeedFile(BBC_DIR, 'entertainment/band-aid-20-single-storms-to-no-1.txt'));
    expect(band.people.map((p) => p.name)).toEqual(expect.arrayContaining(['Chris Martin', 'Lionel Richie', 'Quincy Jones']));
  });

  it('keeps "Archbishop of Cardiff" a title, not a person', () => {
    const article = enrichArticle(parseSeedFile(BBC_DIR, 'politics/abortion-not-a-poll-issue-blair.txt'));
    const names = article.people.map((p) => p.name);
    expect(names.filter((n) => /Cardiff|Westminster|^of /.test(n))).toEqual([]);
    expect(article.people.find((p) => p.name === "Cormac Murphy O'Connor")?.role).toBe('Cardinal');
  });

  it('joins an organisation and its bracketed acronym', () => {
    const article = enrichArticle(parseSeedFile(SEEDS_DIR, '003_8d78b157a282ba9e.txt'));
    expect(article.organizations.find((o) => o.name === 'International Atomic Energy Agency')?.mentions).toBe(2);
    expect(article.organizations.map((o) => o.name)).not.toContain('IAEA');
  });

  it('joins the parts of a long organisation name', () => {
    const article = enrichArticle(parseSeedFile(SEEDS_DIR, '000_c7242acd748ee215.txt'));
    expect(article.organizations.map((o) => o.name)).toContain('United Nations Relief and Works Agency for Palestine Refugees');
  });
});

describe('a paragraph longer than any before it', () => {
  it('finds the same entities in an article before and after a 70,000-word paragraph, and each person there 220 times as often', () => {
    const article = parseSeedFile(BBC_DIR, 'politics/abbas-will-not-tolerate-attacks.txt');
    const before = enrichArticle(article);
    // The body as one paragraph (no title, whose mentions would count once), and pasted 220 times:
    // more words than the flags nameRuns keeps for a paragraph.
    const once = article.paragraphs.join(' ');
    const single = enrichArticle({ ...article, title: '', paragraphs: [once] });
    const long = Array.from({ length: 220 }, () => once).join(' ');
    expect(long.split(' ').length).toBeGreaterThan(65_536);
    const pasted = enrichArticle({ ...article, title: '', paragraphs: [long] });
    expect(enrichArticle(article)).toEqual(before);
    expect(single.people.length).toBeGreaterThan(0);
    for (const person of single.people) expect(pasted.people.find((p) => p.slug === person.slug)?.mentions, person.name).toBe(person.mentions * 220);
  });
});
