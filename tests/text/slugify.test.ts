/** Slugs: readable in any script, and portable as folder names. */
import { describe, expect, it } from 'vitest';
import { isWindowsDeviceName, slugify } from '../../src/text/slugify.ts';

describe('slugify', () => {
  it('joins lower-case words with hyphens, folding Latin accents and keeping other scripts', () => {
    expect(slugify('Zoë Ball’s “Big” Day!')).toBe('zoe-balls-big-day');
    expect(slugify('Кремль призвал к спокойствию')).toBe('кремль-призвал-к-спокойствию');
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('📰🔥')).toBe('');
    expect(slugify('❤️ news')).toBe('news');
    expect(slugify('❤️')).toBe('');
  });

  it('keeps the marks that make letters in other scripts', () => {
    // Each was cut into pieces at its vowel signs, or lost a letter's mark, before.
    expect(slugify('हिन्दी समाचार')).toBe('हिन्दी-समाचार');
    expect(slugify('আমার সোনার বাংলা')).toBe('আমার-সোনার-বাংলা');
    expect(slugify('ข่าวไทย')).toBe('ข่าวไทย');
    expect(slugify('Ёлка и чай')).toBe('ёлка-и-чай');
    expect(slugify('Ñandú Señor')).toBe('nandu-senor');
  });

  it('never returns a name Windows keeps for a device, in any case or with superscript digits', () => {
    for (const name of ['con', 'CON', 'Prn', 'aux', 'NUL', 'com1', 'COM9', 'lpt3', 'com\u00b9', '  nul  ', 'Con.']) {
      const slug = slugify(name);
      expect(isWindowsDeviceName(slug), `${name} → ${slug}`).toBe(false);
      expect(slug, name).toMatch(/^(con|prn|aux|nul|com[0-9]|lpt[0-9])-$/);
    }
    // Longer words holding a device name are ordinary slugs.
    expect(slugify('Con Edison')).toBe('con-edison');
    expect(slugify('console')).toBe('console');
    expect(slugify('com10')).toBe('com10');
    expect(slugify('Nul.txt')).toBe('nul-txt');
  });
});
