import { describe, expect, it } from 'vitest';
import { alignedCorrect, normaliseWords, wordErrorRate } from './wer.js';

describe('normaliseWords', () => {
  it('drops case and punctuation, splits hyphens, keeps apostrophes inside words', () => {
    expect(normaliseWords("And so, my fellow Americans: ask not — Call-Forward! don't")).toEqual([
      'and',
      'so',
      'my',
      'fellow',
      'americans',
      'ask',
      'not',
      'call',
      'forward',
      "don't",
    ]);
  });
  it('spells digits and keypad symbols the way a speaker says them', () => {
    expect(normaliseWords('press 1, 42 or # then *')).toEqual([
      'press',
      'one',
      'forty',
      'two',
      'or',
      'pound',
      'then',
      'star',
    ]);
    expect(normaliseWords('dial 911 then 0800')).toEqual([
      'dial',
      'nine',
      'hundred',
      'eleven',
      'then',
      'zero',
      'eight',
      'zero',
      'zero',
    ]);
  });
  it('joins dotted initialisms', () => {
    expect(normaliseWords('at 5 P.M. sharp')).toEqual(['at', 'five', 'pm', 'sharp']);
  });
  it('treats the recogniser’s "mr" and "the(2)" as the reference’s "mister" and "the"', () => {
    expect(normaliseWords('mister john the(2)')).toEqual(normaliseWords('mr john the'));
  });
});

describe('wordErrorRate', () => {
  it('is 0 for the same words however punctuated', () => {
    expect(
      wordErrorRate('Ask not what your country can do for you.', 'ask not what your country can do for you')
        .rate,
    ).toBe(0);
  });
  it('counts a substitution, a deletion and an insertion separately', () => {
    const r = wordErrorRate('he was not an ill disposed young man', 'he he was not a ill disposed man');
    expect(r).toMatchObject({ substitutions: 1, deletions: 1, insertions: 1, errors: 3, referenceWords: 8 });
    expect(r.rate).toBeCloseTo(3 / 8);
  });
  it('exceeds 1 when the hypothesis is mostly insertions', () => {
    expect(wordErrorRate('yes', 'yes yes yes').rate).toBe(2);
  });
  it('handles empty sides', () => {
    expect(wordErrorRate('', '').rate).toBe(0);
    expect(wordErrorRate('', 'hello').rate).toBe(Infinity);
    expect(wordErrorRate('hello there', '').rate).toBe(1);
  });
});

describe('alignedCorrect', () => {
  it('marks substitutions and insertions in the hypothesis, not deletions', () => {
    expect(alignedCorrect('ask not what your country', ['ask', 'what', 'your', 'county'])).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(alignedCorrect('the cat sat', ['the', 'big', 'cat', 'sat'])).toEqual([true, false, true, true]);
  });

  it('judges a word that normalises to several words as a whole', () => {
    expect(alignedCorrect('my fellow americans', ['my', 'fellow-americans'])).toEqual([true, true]);
    expect(alignedCorrect('my fellow citizens', ['my', 'fellow-americans'])).toEqual([true, false]);
  });
});
