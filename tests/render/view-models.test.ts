/** Term roles on person, place and organisation pages: the role most of the term's own articles give it. */
import { describe, expect, it } from 'vitest';
import { bbcArticle } from '../archive/bbc-articles.ts';
import { buildArchive } from '../../src/archive/build-archive.ts';
import type { Archive, Term } from '../../src/archive/archive.ts';
import type { Article } from '../../src/content/article.ts';
import { ViewModels } from '../../src/render/view-models.ts';

const FILES = ['politics/russian-ex-spy-on-hunger-strike.txt', 'politics/nuclear-strike-key-terror-risk.txt', 'politics/blair-sees-greater-bush-consensus.txt', 'business/1m-payoff-for-former-shell-boss.txt'];

/** One article per file, dated in turn, naming "Oleg Gordievsky" with the role given (none for null) beside "Tony Blair". */
function articlesWithRoles(roles: ReadonlyArray<string | null>): Article[] {
  return roles.map((role, i) =>
    bbcArticle(FILES[i]!, {
      date: `2005-01-1${i}`,
      people: ['Tony Blair', 'Oleg Gordievsky'],
      places: ['Moscow'],
      roles: role === null ? { 'Tony Blair': 'prime minister' } : { 'Oleg Gordievsky': role },
    }),
  );
}

const person = (archive: Archive, slug: string): Term => archive.terms.people.find((t) => t.slug === slug)!;

describe('ViewModels.termRole', () => {
  it('gives a term the role most of its articles give it, ties going to the first in code point order', () => {
    const most = buildArchive(articlesWithRoles(['spy', 'KGB officer', 'spy', null]), new Map());
    expect(new ViewModels(most, '/').termRole(person(most, 'oleg-gordievsky'))).toBe('spy');
    const tied = buildArchive(articlesWithRoles(['spy', 'KGB officer', null, null]), new Map());
    expect(new ViewModels(tied, '/').termRole(person(tied, 'oleg-gordievsky'))).toBe('KGB officer');
    expect(new ViewModels(tied, '/').termRole(person(tied, 'tony-blair'))).toBe('prime minister');
    expect(new ViewModels(tied, '/').termRole(tied.terms.places[0]!)).toBeNull();
    expect(new ViewModels(tied, '/').termRole(tied.terms.topics[0] ?? { taxonomy: 'topics', slug: 'x', name: 'X', articleIds: tied.articles.map((a) => a.id) })).toBeNull();
  });

  it('counts only the term’s own articles: a near-copy left out of the term gives it no role', () => {
    const [first, second, third] = articlesWithRoles(['KGB officer', 'spy', 'spy']);
    // The two "spy" articles are near-copies of the first: the term lists its original only.
    const copies = [{ ...second!, duplicateOf: first!.id }, { ...third!, duplicateOf: first!.id }];
    const archive = buildArchive([first!, ...copies], new Map());
    const term = person(archive, 'oleg-gordievsky');
    expect(term.articleIds).toEqual([first!.id]);
    expect(new ViewModels(archive, '/').termRole(term)).toBe('KGB officer');
  });

  it('takes an article’s role in a term from its first entity with a role under the term’s slug', () => {
    // Two spellings, one slug: the article counts once, with the role of the spelling named first.
    const twice = bbcArticle(FILES[0]!, { date: '2005-01-10', people: ['Oleg Gordievsky', 'OLEG GORDIEVSKY'], roles: { 'Oleg Gordievsky': 'spy', 'OLEG GORDIEVSKY': 'KGB officer' } });
    const other = bbcArticle(FILES[1]!, { date: '2005-01-11', people: ['OLEG GORDIEVSKY'], roles: { 'OLEG GORDIEVSKY': 'KGB officer' } });
    const later = bbcArticle(FILES[2]!, { date: '2005-01-12', people: ['Oleg Gordievsky'], roles: { 'Oleg Gordievsky': 'spy' } });
    const archive = buildArchive([twice, other, later], new Map());
    expect(new ViewModels(archive, '/').termRole(person(archive, 'oleg-gordievsky'))).toBe('spy');
    // A term the archive does not have (no article names it) has no role.
    expect(new ViewModels(archive, '/').termRole({ taxonomy: 'people', slug: 'nobody', name: 'Nobody', articleIds: archive.articles.map((a) => a.id) })).toBeNull();
  });
});
