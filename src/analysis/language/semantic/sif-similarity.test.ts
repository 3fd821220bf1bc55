import { expect, it } from 'vitest';
import { need, requires } from '../../../test-helpers.js';
import { loadEmbeddings } from './embeddings.js';
import { SIF_COMMON_COMPONENT } from './sif-component.js';
import { createSifModel, sifSentenceVector } from './sif-similarity.js';

/** Hand-written paraphrases, each with a sentence about something else. */
const CASES = [
  [
    'The meeting was moved to Friday afternoon.',
    'We rescheduled the meeting for Friday.',
    'A dog is running across the beach.',
  ],
  [
    'I fixed the bug in the payment code.',
    'I resolved the defect in the billing software.',
    'She plays the violin in an orchestra.',
  ],
  ['A man is playing a guitar.', 'Someone is strumming a guitar.', 'The stock market fell sharply today.'],
  [
    'The team missed the deadline because of staffing.',
    'We were late since we lacked people on the team.',
    'Cats like to sleep in the sun.',
  ],
  [
    'Our budget for marketing was cut in half.',
    'The marketing spending was reduced by fifty percent.',
    'He climbed the mountain before sunrise.',
  ],
] as const;

requires(need.wordVectors()).describe('SIF sentence similarity (built word vectors)', () => {
  const embeddings = loadEmbeddings();
  const model = createSifModel(embeddings);

  it('scores a sentence against itself as 1', () => {
    for (const [sentence] of CASES) expect(model.similarity(sentence, sentence)).toBeCloseTo(1, 6);
  });

  it('scores each paraphrase above an unrelated sentence', () => {
    for (const [sentence, paraphrase, unrelated] of CASES) {
      const close = model.similarity(sentence, paraphrase) as number;
      const far = model.similarity(sentence, unrelated) as number;
      expect(close, `${sentence} ~ ${paraphrase} vs ${unrelated}`).toBeGreaterThan(far + 0.1);
    }
  });

  it('gives the same score on every call and from a second model', () => {
    const [a, b] = CASES[1];
    const first = model.similarity(a, b);
    expect(model.similarity(a, b)).toBe(first);
    expect(createSifModel(embeddings).similarity(a, b)).toBe(first);
    expect(model.similarity(b, a)).toBeCloseTo(first as number, 12);
  });

  it('returns null when either text has no word with a vector', () => {
    expect(model.similarity('', 'A man is playing a guitar.')).toBeNull();
    expect(model.similarity('A man is playing a guitar.', '42 !!! ...')).toBeNull();
    expect(model.similarity('zzqxv qqwzz', 'zzqxv qqwzz')).toBeNull();
    expect(model.sentence('   ').embedding).toBeNull();
    expect(sifSentenceVector(embeddings, '123')).toBeNull();
  });

  it('weights frequent words down: "the" counts far less than "guitar"', () => {
    const sentence = model.sentence('the guitar');
    expect(sentence.weights[0]).toBeLessThan(0.05);
    expect(sentence.weights[1]).toBeGreaterThan(0.5);
  });

  it('removes the committed common component from every sentence vector', () => {
    expect(SIF_COMMON_COMPONENT).toHaveLength(embeddings.dims);
    const embedding = model.sentence('A woman is slicing an onion.').embedding as Float64Array;
    const projection = SIF_COMMON_COMPONENT.reduce((s, c, d) => s + c * (embedding[d] as number), 0);
    expect(Math.abs(projection)).toBeLessThan(1e-6);
  });

  it('rejects a common component of the wrong dimension', () => {
    expect(() => createSifModel(embeddings, [1, 0, 0])).toThrow(/build-sif-component/);
  });
});
