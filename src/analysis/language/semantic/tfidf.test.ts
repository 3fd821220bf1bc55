import { describe, expect, it } from 'vitest';
import { docFromText } from '../test-helpers.js';
import { loadEmbeddings } from './embeddings.js';
import { contentTerm, createTermWeights, idfOfRank, sifOfRank, TF_CAP, tfWeight } from './tfidf.js';
import { need, requires } from '../../../test-helpers.js';

describe('term weighting', () => {
  it('keeps lemmatised content words and drops stop words, punctuation, numbers, clitics and fillers', () => {
    const doc = docFromText("Um, so I managed the team's budgets in 2023, and uh we didn't overspend.");
    const terms = doc.tokens.map((t) => contentTerm(t)).filter((t) => t !== null);
    expect(terms).toEqual(['manage', 'team', 'budget', 'overspend']);
  });

  it('weights frequent words near zero and rare words high (Zipf IDF), monotonically in rank', () => {
    expect(idfOfRank(1)).toBeLessThan(0.05);
    expect(idfOfRank(600)).toBeCloseTo(Math.log(16), 6);
    const ranks = [1, 10, 100, 1_000, 10_000, 100_000];
    const idfs = ranks.map(idfOfRank);
    expect([...idfs].sort((a, b) => a - b)).toEqual(idfs);
    expect(sifOfRank(1, 341_479)).toBeLessThan(0.02);
    expect(sifOfRank(10_000, 341_479)).toBeGreaterThan(0.99);
  });

  it('caps term frequency so a repeated word stops counting after its third use', () => {
    expect(tfWeight(0)).toBe(0);
    expect(tfWeight(1)).toBe(1);
    expect(tfWeight(2)).toBeCloseTo(1 + Math.log(2), 9);
    expect(tfWeight(3)).toBe(TF_CAP);
    expect(tfWeight(300)).toBe(TF_CAP);
  });
});

requires(need.wordVectors()).describe('createTermWeights', () => {
  it('derives IDF from the GloVe rank, and treats unknown words as rarer than any listed one', () => {
    const weights = createTermWeights(loadEmbeddings());
    expect(weights.idf('the')).toBeLessThan(weights.idf('project'));
    expect(weights.idf('project')).toBeLessThan(weights.idf('refactoring'));
    expect(weights.idf('kubernetesish')).toBeGreaterThan(weights.idf('refactoring'));
    expect(weights.sif('kubernetesish')).toBe(1);
  });
});
