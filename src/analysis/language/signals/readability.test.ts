import { describe, expect, it } from 'vitest';
import { docFromText } from '../test-helpers.js';
import { fleschKincaidGrade, readabilityCounts, readabilityGrade } from './readability.js';

const context = { job: null, similarity: () => 0 };
const repeat = (sentence: string, times: number): string =>
  Array.from({ length: times }, () => sentence).join(' ');

describe('readabilityGrade (Flesch–Kincaid)', () => {
  it('gives the published grade 13.1 for the platypus example', () => {
    // Wikipedia, "Flesch–Kincaid readability tests": this sentence scores grade 13.1
    // (13 words, 26 syllables: 0.39 × 13 + 11.8 × 2 − 15.59 = 13.08). Three copies keep every
    // ratio and pass the 30-word minimum.
    const doc = docFromText(
      repeat('The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.', 3),
    );
    expect(readabilityCounts(doc)).toEqual({ words: 39, sentences: 3, syllables: 78 });
    expect(readabilityGrade.compute(doc, context).value).toBe(13.08);
  });

  it('matches a hand computation on one-syllable words', () => {
    // 6 × "The cat sat on the mat." = 36 words, 36 syllables, 6 sentences:
    // 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45.
    const doc = docFromText(repeat('The cat sat on the mat.', 6));
    expect(readabilityGrade.compute(doc, context).value).toBe(-1.45);
    expect(fleschKincaidGrade({ words: 100, sentences: 5, syllables: 150 })).toBeCloseTo(
      0.39 * 20 + 11.8 * 1.5 - 15.59,
      10,
    );
  });

  it('ranks long-worded, long-sentenced text above plain speech', () => {
    const plain = docFromText(repeat('We fixed the bug. Then we shipped it to all our users that week.', 3));
    const dense = docFromText(
      repeat(
        'Consequently, the organisational restructuring necessitated comprehensive documentation of interdependent infrastructure responsibilities.',
        3,
      ),
    );
    const p = readabilityGrade.compute(plain, context).value ?? NaN;
    const d = readabilityGrade.compute(dense, context).value ?? NaN;
    expect(d).toBeGreaterThan(p + 10);
  });

  it('quotes the longest and the densest sentence', () => {
    const doc = docFromText(
      'We fixed it. Then we shipped the whole thing to every one of our users in the same week. Organisational documentation necessitated comprehensive revision. It was good work and we were proud of it.',
    );
    const v = readabilityGrade.compute(doc, context);
    // Or-gan-i-sa-tion-al (6) doc-u-men-ta-tion (5) ne-ces-si-ta-ted (5) com-pre-hen-sive (4) re-vi-sion (3): 23 / 5.
    expect(v.evidence.map((e) => e.label)).toEqual(['longest sentence: 16 words', '4.6 syllables per word']);
    expect(v.evidence[1]?.quote).toBe('Organisational documentation necessitated comprehensive revision.');
  });

  it('has no value under 30 words or without sentence punctuation', () => {
    expect(readabilityGrade.compute(docFromText('We fixed the bug and shipped it.'), context)).toMatchObject({
      value: null,
      reason: 'fewer than 30 words',
    });
    const unpunctuated = docFromText(repeat('so we fixed the bug and then we shipped it', 8));
    const v = readabilityGrade.compute(unpunctuated, context);
    expect(v.value).toBeNull();
    expect(v.reason).toMatch(/no sentence punctuation/);
  });
});
