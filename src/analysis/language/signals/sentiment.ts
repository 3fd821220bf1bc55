import vader from 'vader-sentiment';
import type { Evidence } from '../../../domain/index.js';
import type { AnswerDocument } from '../text-document.js';
import { round, type LanguageSignal } from '../language-signal.js';

/** VADER's own cut-offs for a positive or negative compound (Hutto & Gilbert 2014). */
const NEUTRAL_BAND = 0.05;

/**
 * VADER compound score of one text, −1..1.
 * @example compoundScore('The launch went great!') // 0.6588
 */
export function compoundScore(text: string): number {
  return vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
}

/**
 * Compound score of every sentence that has a word, in order.
 * @example sentenceCompounds(docFromText('It failed. We fixed it.')) // [{ sentence: 0, compound: -0.5106 }, { sentence: 1, compound: 0 }]
 */
export function sentenceCompounds(doc: AnswerDocument): { sentence: number; compound: number }[] {
  const out: { sentence: number; compound: number }[] = [];
  for (const s of doc.sentences)
    if (s.wordCount > 0) out.push({ sentence: s.index, compound: compoundScore(s.text) });
  return out;
}

function signed(value: number): string {
  return `${value > 0 ? '+' : ''}${value.toFixed(2)}`;
}

export const sentimentMean: LanguageSignal = {
  definition: {
    id: 'sentimentMean',
    name: 'Sentiment',
    unit: 'score',
    range: [-1, 1],
    method:
      'Mean over sentences of the VADER compound score (−1 most negative, +1 most positive); the most positive and most negative sentences are quoted with their scores.',
    source:
      'Hutto & Gilbert 2014, "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social Media Text" (vader-sentiment)',
  },
  compute(doc) {
    const scores = sentenceCompounds(doc);
    if (scores.length === 0)
      return { signal: 'sentimentMean', value: null, evidence: [], reason: 'empty answer' };
    let sum = 0;
    let best = scores[0] as { sentence: number; compound: number };
    let worst = best;
    for (const s of scores) {
      sum += s.compound;
      if (s.compound > best.compound) best = s;
      if (s.compound < worst.compound) worst = s;
    }
    const evidence: Evidence[] = [];
    if (best.compound >= NEUTRAL_BAND)
      evidence.push(doc.sentenceEvidence(best.sentence, `most positive: compound ${signed(best.compound)}`));
    if (worst.compound <= -NEUTRAL_BAND)
      evidence.push(
        doc.sentenceEvidence(worst.sentence, `most negative: compound ${signed(worst.compound)}`),
      );
    return { signal: 'sentimentMean', value: round(sum / scores.length), evidence };
  },
};
