import { round, MAX_EVIDENCE, type LanguageContext, type LanguageSignal } from '../language-signal.js';
import type { AnswerDocument } from '../text-document.js';
import { distinctPhrases } from './phrase-coverage.js';
import { phraseStems, sentenceMatcher, stemOverlap } from './sentence-matcher.js';
import { starScores, type StarPart } from './star-cues.js';

/**
 * How much of a key point a sentence expresses, by meaning: the sentence similarity s
 * (`compareSentences`) mapped linearly to 0–1, (s − ZERO_AT) / (FULL_AT − ZERO_AT), clamped.
 * The line is the least-squares fit of the STS Benchmark TRAIN human scores (0–5, divided by 5)
 * on s (5,749 pairs): it is the expected share of meaning a person would judge shared. On the dev
 * split (1,500 pairs, not used in the fit) its mean absolute error is 0.147 of the 0–1 scale,
 * against 0.175 for s itself and 0.260 for a constant (bench/similarity.mjs prints these).
 * FULL_AT is above 1 because people's scores are noisy: even near-identical sentences average
 * below 5. A sentence that uses the key point's own words gets full credit by the word route.
 */
export const MEANING_ZERO_AT = 0.145;
export const MEANING_FULL_AT = 1.115;

/**
 * Key points that ask for a part of a behavioural story ("the measurable result", "the steps you
 * took", "the goal and how it was measured") are expressed by a sentence that tells that part,
 * whatever its words: "support tickets were 40 percent lower" is the result. The STAR cue score
 * of star-cues.ts (a part is shown at 1) is mapped to 0–1 as score / STAR_FULL_SCORE, so a
 * sentence with one cue ("in the end it worked") gets 2/3 and one with a cue and a measure
 * ("as a result we saved 12%") gets 1. This route is a rule, not a fit: no rated key-point data.
 */
export const STAR_FULL_SCORE = 1.5;
const STAR_KEY_POINTS: readonly [RegExp, StarPart][] = [
  [/\b(?:results?|outcomes?|impact|effect|achievement)\b/i, 'result'],
  [/\b(?:goal|aim|objective|target|task)\b/i, 'task'],
  [/\b(?:steps?|actions?|what you did|what you changed|approach(?:ed)?|how you re-?planned)\b/i, 'action'],
];

/** How a sentence expresses a key point. */
export type KeyPointRoute = 'words' | 'meaning' | 'story';

/** One key point, the sentence that expresses most of it, and how much (0–1). */
export interface KeyPointDegree {
  readonly keyPoint: string;
  /** Index of that sentence in `doc.sentences`; null when no sentence expresses any of it. */
  readonly sentence: number | null;
  readonly degree: number;
  readonly route: KeyPointRoute | null;
}

/**
 * For each key point of the question, the sentence that expresses most of it and how much:
 * the largest of (words) the share of its distinct content stems in the sentence, (meaning) the
 * calibrated sentence similarity, and (story) the STAR cue score for a key point that asks for a
 * story part.
 * @example keyPointDegrees(doc, context).map((k) => k.degree) // [1, 0.31, 1, 0.06]
 */
export function keyPointDegrees(doc: AnswerDocument, context: LanguageContext): KeyPointDegree[] {
  const matcher = sentenceMatcher(doc, context);
  const stars = doc.sentences.map((_, i) => starScores(doc, i));
  return distinctPhrases(doc.question?.keyPoints ?? []).map((keyPoint) => {
    const stems = phraseStems(keyPoint);
    const meaning = matcher.sentencesFitted(keyPoint);
    const part = STAR_KEY_POINTS.find(([pattern]) => pattern.test(keyPoint))?.[1];
    let best: KeyPointDegree = { keyPoint, sentence: null, degree: 0, route: null };
    matcher.sentenceStems.forEach((sentenceStems, sentence) => {
      const candidates: [number, KeyPointRoute][] = [
        [stemOverlap(stems, sentenceStems), 'words'],
        [meaningDegree(meaning[sentence] ?? 0), 'meaning'],
        [part ? Math.min(1, (stars[sentence]?.[part] ?? 0) / STAR_FULL_SCORE) : 0, 'story'],
      ];
      for (const [degree, route] of candidates)
        if (degree > best.degree) best = { keyPoint, sentence, degree, route };
    });
    return best;
  });
}

/**
 * The calibrated share of a key point's meaning a sentence of similarity `s` expresses.
 * @example meaningDegree(0.6) // 0.47
 */
export function meaningDegree(s: number): number {
  return Math.min(1, Math.max(0, (s - MEANING_ZERO_AT) / (MEANING_FULL_AT - MEANING_ZERO_AT)));
}

export const keyPointCoverage: LanguageSignal = {
  definition: {
    id: 'keyPointCoverage',
    name: 'Key points covered',
    unit: 'share',
    range: [0, 1],
    method:
      "Mean over the question's key points of how much of each the answer expresses (0–1), taking the sentence that expresses most: " +
      'the largest of the share of the key point’s content words in the sentence (Porter stems); its sentence similarity to the key point ' +
      `(SIF + word alignment + TF-IDF, fitted on STS-B train) mapped to 0–1 by a line fitted to STS-B train human scores (0 at ${MEANING_ZERO_AT}, 1 at ${MEANING_FULL_AT}); ` +
      `and, for a key point that asks for a story part (result, goal, steps), the sentence's STAR cue score / ${STAR_FULL_SCORE}. ` +
      'Evidence: the sentence per key point, labelled with the key point and its degree.',
    source:
      'Porter (1980) stemming; Arora, Liang & Ma (2017) SIF embeddings; Salton & Buckley (1988) term weighting; STS Benchmark (Cer et al. 2017); STAR method (DDI)',
  },
  compute(doc, context) {
    const points = distinctPhrases(doc.question?.keyPoints ?? []);
    if (points.length === 0)
      return { signal: 'keyPointCoverage', value: null, evidence: [], reason: 'question has no key points' };
    if (doc.wordCount === 0)
      return { signal: 'keyPointCoverage', value: null, evidence: [], reason: 'empty answer' };
    const degrees = keyPointDegrees(doc, context);
    return {
      signal: 'keyPointCoverage',
      value: round(degrees.reduce((sum, k) => sum + k.degree, 0) / points.length),
      evidence: degrees
        .filter((k) => k.sentence !== null)
        .slice(0, MAX_EVIDENCE)
        .map((k) => doc.sentenceEvidence(k.sentence ?? 0, `${k.keyPoint}: ${round(k.degree)}`)),
    };
  },
};
