import { describe, expect, it } from 'vitest';
import type { Word } from '../domain/index.js';
import {
  GOOD_MEAN_CONFIDENCE,
  LOW_CONFIDENCE,
  recognitionConfidenceFactor,
  recognitionQuality,
} from './recognition-quality.js';

const words = (...confidences: (number | undefined)[]): Word[] =>
  confidences.map((confidence, i) => ({
    text: `w${i}`,
    start: i,
    end: i + 0.5,
    ...(confidence === undefined ? {} : { confidence }),
  }));

describe('recognitionQuality', () => {
  it('is null when no word carries a confidence (typed or imported words)', () => {
    expect(recognitionQuality(words(undefined, undefined), 'pocketsphinx')).toBeNull();
    expect(recognitionQuality([], null)).toBeNull();
  });

  it('summarises clean recognition as good, with its figures', () => {
    const q = recognitionQuality(words(0.9, 0.8, 0.95, 0.4), 'pocketsphinx');
    expect(q).toMatchObject({
      engine: 'pocketsphinx',
      words: 4,
      meanConfidence: 0.76,
      lowConfidenceShare: 0.25,
    });
    expect(q?.quality).toBe('good');
    expect(q?.note).toBe(
      `speech recognition was good (mean word confidence 0.76, 25% of 4 words below ${LOW_CONFIDENCE})`,
    );
  });

  it('calls garbled recognition poor and says scores rest on uncertain words', () => {
    const q = recognitionQuality(words(0.2, 0.5, 0.4, 0.54), 'pocketsphinx');
    expect(q?.quality).toBe('poor');
    expect(q?.note).toMatch(
      /^speech recognition was poor \(mean word confidence 0\.41, .*\): scores rest on uncertain words$/,
    );
    expect(recognitionQuality(words(0.6, 0.55), 'pocketsphinx')?.quality).toBe('fair');
  });

  it('leaves out confidences from engines whose scale nothing here has checked', () => {
    expect(recognitionQuality(words(0.9, 0.2), 'openai')).toBeNull();
    expect(recognitionQuality(words(0.9, 0.2), null)).toBeNull();
  });

  it('only counts the words that carry a confidence', () => {
    expect(recognitionQuality(words(0.9, undefined), 'pocketsphinx')).toMatchObject({
      words: 1,
      meanConfidence: 0.9,
    });
  });
});

describe('recognitionConfidenceFactor', () => {
  it('is 1 without a summary and for good recognition, 0 for sound with no words, linear between', () => {
    expect(recognitionConfidenceFactor(null)).toBe(1);
    expect(recognitionConfidenceFactor(recognitionQuality(words(GOOD_MEAN_CONFIDENCE), 'pocketsphinx'))).toBe(
      1,
    );
    expect(recognitionConfidenceFactor(recognitionQuality(words(0.95), 'pocketsphinx'))).toBe(1);
    expect(recognitionConfidenceFactor(recognitionQuality(words(0.1), 'pocketsphinx'))).toBe(0);
    const half = recognitionConfidenceFactor(recognitionQuality(words(0.45), 'pocketsphinx'));
    expect(half).toBeGreaterThan(0.4);
    expect(half).toBeLessThan(0.6);
  });
});
