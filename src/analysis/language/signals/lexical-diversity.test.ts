import { describe, expect, it } from 'vitest';
import { docFromText } from '../test-helpers.js';
import { lexicalDiversityMtld, mtld } from './lexical-diversity.js';

const context = { job: null, similarity: () => 0 };
const cycle = (words: string[], n: number): string[] =>
  Array.from({ length: n }, (_, i) => words[i % words.length] as string);

describe('MTLD (McCarthy & Jarvis 2010)', () => {
  it('is 2 for one word repeated: the TTR reaches 0.5 ≤ 0.72 every second word', () => {
    expect(mtld(cycle(['go'], 50))).toBe(2);
  });

  it('matches hand computations with and without a partial factor', () => {
    // "red blue" × 25: TTR 1, 1, 2/3 ≤ 0.72 → a factor every 3 words; 50 = 16 × 3 + 2 and the
    // last 2 words have TTR 1 (partial factor 0): 50 / 16 = 3.125 both ways.
    expect(mtld(cycle(['red', 'blue'], 50))).toBe(3.125);
    // 53 words cycling four: TTR falls to 4/6 at the 6th word → 8 factors for 48 words; the last
    // 5 words have TTR 4/5, a partial factor (1 − 0.8) / (1 − 0.72) = 0.714…; both directions
    // alike: 53 / 8.714… = 6.082.
    expect(mtld(cycle(['one', 'two', 'three', 'four'], 53))).toBeCloseTo(53 / (8 + 0.2 / 0.28), 10);
  });

  it('averages the forward and backward passes, which differ when repetition is lopsided', () => {
    // "same" × 10 then 40 new words. Forward: a factor every 2 words for the first 10 (5 factors),
    // then TTR stays 1 (partial 0): 50 / 5 = 10. Backward: the 40 new words first, then TTR ends at
    // 41/50 = 0.82 without reaching 0.72: partial (1 − 0.82) / 0.28 = 9/14, 50 / (9/14) = 700/9.
    // MTLD = (10 + 700/9) / 2 = 43.89.
    const words = [...cycle(['same'], 10), ...Array.from({ length: 40 }, (_, i) => `w${i}`)];
    expect(mtld(words)).toBeCloseTo((10 + 700 / 9) / 2, 10);
  });

  it('scores varied prose above repetitive prose, on the signal', () => {
    const repetitive = docFromText(
      'We did the thing and then we did the thing again and then we did the thing again because the thing was the thing we did. ' +
        'We did the thing and then we did the thing again and then we did the thing again and again. We did it again and again.',
    );
    const varied = docFromText(
      'Last spring our payments team migrated a fragile billing service onto managed queues. I mapped every consumer, ' +
        'wrote contract tests, negotiated a freeze with finance, and rehearsed rollback twice. Cutover took forty minutes; ' +
        'invoices kept flowing, refunds dropped sharply, and support tickets about duplicate charges disappeared within weeks. ' +
        'Finance later adopted our checklist for their own quarterly closes.',
    );
    const r = lexicalDiversityMtld.compute(repetitive, context).value ?? 0;
    const v = lexicalDiversityMtld.compute(varied, context).value ?? 0;
    expect(repetitive.wordCount).toBeGreaterThanOrEqual(50);
    expect(varied.wordCount).toBeGreaterThanOrEqual(50);
    expect(v).toBeGreaterThan(2 * r);
  });

  it('has no value under 50 words', () => {
    expect(lexicalDiversityMtld.compute(docFromText('Short answer with few words.'), context)).toMatchObject({
      value: null,
      reason: 'fewer than 50 words',
    });
  });
});
