import { describe, expect, it } from 'vitest';
import { docFromSegments, docFromText } from '../test-helpers.js';
import { meanSentenceLength, wordCount, wordsPerMinute } from './counts.js';

const context = { job: null, similarity: () => 0 };

describe('wordCount, wordsPerMinute, meanSentenceLength', () => {
  it('counts words without punctuation or clitics', () => {
    expect(wordCount.compute(docFromText("We didn't stop, we shipped it."), context).value).toBe(6);
  });

  it('measures words per minute from segment times', () => {
    const doc = docFromSegments([
      { speaker: null, start: 10, end: 14, text: 'I led the migration to Postgres.' },
      { speaker: null, start: 14, end: 22, text: 'It took three weeks and nothing broke.' },
    ]);
    // 13 words over 12 seconds = 65 words per minute.
    expect(wordsPerMinute.compute(doc, context).value).toBe(65);
  });

  it('has no rate without timings or under one second', () => {
    expect(wordsPerMinute.compute(docFromText('I led the migration.'), context)).toEqual({
      signal: 'wordsPerMinute',
      value: null,
      evidence: [],
      reason: 'no timings in the transcript',
    });
    const blip = docFromSegments([{ speaker: null, start: 3, end: 3.5, text: 'Yes.' }]);
    expect(wordsPerMinute.compute(blip, context).value).toBeNull();
  });

  it('averages words per sentence and quotes the longest sentence', () => {
    const v = meanSentenceLength.compute(
      docFromText('I led it. Then we moved every service to the new cluster in a week.'),
      context,
    );
    expect(v.value).toBe(7.5);
    expect(v.evidence).toEqual([
      expect.objectContaining({
        quote: 'Then we moved every service to the new cluster in a week.',
        label: 'longest sentence: 12 words',
      }),
    ]);
    expect(meanSentenceLength.compute(docFromText(''), context).value).toBeNull();
  });
});
