import { round, MAX_EVIDENCE, type LanguageContext, type LanguageSignal } from '../language-signal.js';
import type { AnswerDocument } from '../text-document.js';
import { coverPhrases, distinctPhrases, type PhraseCoverage } from './phrase-coverage.js';
import { COVERAGE_THRESHOLD } from './role-alignment.js';

/**
 * Which of the question's key points the answer covers, and which it misses.
 * @example keyPointsCovered(doc, context).missing // ['the outcome']
 */
export function keyPointsCovered(doc: AnswerDocument, context: LanguageContext): PhraseCoverage {
  return coverPhrases(doc, context, doc.question?.keyPoints ?? [], COVERAGE_THRESHOLD);
}

export const keyPointCoverage: LanguageSignal = {
  definition: {
    id: 'keyPointCoverage',
    name: 'Key points covered',
    unit: 'share',
    range: [0, 1],
    method:
      "Share of the question's key points that some sentence of the answer covers: the sentence contains at least two thirds of the key point's content words (compared by Porter stem), " +
      `or its similarity to the key point (GloVe SIF + TF-IDF) is at least ${COVERAGE_THRESHOLD}. Evidence: the covering sentence per key point, labelled with the key point.`,
    source:
      'Porter (1980) stemming; Arora, Liang & Ma (2017) SIF embeddings; Salton & Buckley (1988) term weighting',
  },
  compute(doc, context) {
    const points = distinctPhrases(doc.question?.keyPoints ?? []);
    if (points.length === 0)
      return { signal: 'keyPointCoverage', value: null, evidence: [], reason: 'question has no key points' };
    if (doc.wordCount === 0)
      return { signal: 'keyPointCoverage', value: null, evidence: [], reason: 'empty answer' };
    const coverage = keyPointsCovered(doc, context);
    return {
      signal: 'keyPointCoverage',
      value: round(coverage.covered.length / points.length),
      evidence: coverage.covered
        .slice(0, MAX_EVIDENCE)
        .map((m) => doc.sentenceEvidence(m.sentence, m.phrase)),
    };
  },
};
