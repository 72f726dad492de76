/**
 * How the search page counts and compares words (result.ts): the cases the passage tests do
 * not reach. Found by mutation testing (docs/mutation.md).
 */
import { describe, expect, it } from 'vitest';
import { normalize, wordMatches, wordsOf } from '../../../src/lib/search/result.ts';

describe('wordsOf', () => {
  it('splits on runs of white space, as Pagefind numbers words', () => {
    expect(wordsOf('zero  copy\n\t receive')).toEqual(['zero', 'copy', 'receive']);
  });

  it('keeps a byte-order mark inside its word (Pagefind does not split on it)', () => {
    expect(wordsOf('a\uFEFFb c')).toEqual(['a\uFEFFb', 'c']);
  });
});

describe('normalize', () => {
  it('drops accents, so a word typed without them still compares equal', () => {
    expect(normalize('Café Noël')).toBe('cafe noel');
  });
});

describe('wordMatches', () => {
  it('joins the parts of a hyphenated word or term before comparing', () => {
    expect(wordMatches('zero-copy', 'zerocopy')).toBe(true);
    expect(wordMatches('zerocopy', 'zero-copy')).toBe(true);
  });

  it('never matches an empty word or term (nothing but punctuation)', () => {
    expect(wordMatches('copy', '')).toBe(false);
    expect(wordMatches('copy', '—')).toBe(false);
    expect(wordMatches('—', 'copy')).toBe(false);
  });

  it('matches a short term that starts the word', () => {
    // Shorter than the three shared letters a stem needs, but a prefix: Pagefind finds it.
    expect(wordMatches('abc', 'ab')).toBe(true);
    expect(wordMatches('abc', 'bc')).toBe(false);
  });

  it('does not match words that share only their first letter', () => {
    expect(wordMatches('copy', 'cable')).toBe(false);
    expect(wordMatches('receive', 'reset')).toBe(false);
  });
});
