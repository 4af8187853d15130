/** Suggestions for a mistyped command or option. */
import { describe, expect, it } from 'vitest';
import { didYouMean } from '../src/did-you-mean.ts';

const OPTIONS = ['--seeds', '--content', '--out', '--templates', '--base-path', '--site-url', '--search', '--no-search', '--search-shard-size', '--quiet', '--port'];

describe('didYouMean', () => {
  it('names the option or command a typo most likely meant', () => {
    expect(didYouMean('--seed', OPTIONS)).toBe('--seeds');
    expect(didYouMean('--basepath', OPTIONS)).toBe('--base-path');
    expect(didYouMean('--no-serach', OPTIONS)).toBe('--no-search');
    expect(didYouMean('--Quiet', OPTIONS)).toBe('--quiet');
    expect(didYouMean('bild', ['build', 'serve', 'help'])).toBe('build');
    expect(didYouMean('sevre', ['build', 'serve', 'help'])).toBe('serve');
  });

  it('completes a shortened name, and shortens a longer one that begins with a name', () => {
    expect(didYouMean('--temp', OPTIONS)).toBe('--templates');
    // Eleventy's --output, or a folder option with "-dir".
    expect(didYouMean('--output', OPTIONS)).toBe('--out');
    expect(didYouMean('--templates-dir', OPTIONS)).toBe('--templates');
  });

  it('suggests nothing for a word far from every name, or one that begins several', () => {
    expect(didYouMean('--input', OPTIONS)).toBeNull();
    expect(didYouMean('--verbose', OPTIONS)).toBeNull();
    expect(didYouMean('--s', OPTIONS)).toBeNull();
    expect(didYouMean('deploy', ['build', 'serve', 'help'])).toBeNull();
    expect(didYouMean('he', ['build', 'serve', 'help'])).toBe('help');
  });
});
