import { describe, expect, it } from 'vitest';
import { segmentFromWords, spokenWord } from './recognised-words.js';

describe('spokenWord', () => {
  it.each([
    ['<s>', null],
    ['</s>', null],
    ['<sil>', null],
    ['[NOISE]', null],
    ['[SPEECH]', null],
    ['++UH++', null],
    ['for(2)', 'for'],
    ['the(3)', 'the'],
    ["don't", "don't"],
    ['americans', 'americans'],
  ])('%s → %s', (token, word) => {
    expect(spokenWord(token)).toBe(word);
  });
});

describe('segmentFromWords', () => {
  it('spans its words and joins their text; nothing for no words', () => {
    const words = [
      { text: 'ask', start: 3.31, end: 3.62 },
      { text: 'not', start: 3.62, end: 4.0 },
    ];
    expect(segmentFromWords(words)).toEqual({ speaker: null, start: 3.31, end: 4, text: 'ask not', words });
    expect(segmentFromWords([])).toBeNull();
  });
});
