import { expect, it } from 'vitest';
import type { Question } from '../../../domain/index.js';
import type { LanguageContext } from '../language-signal.js';
import { buildDocumentFromSegments } from '../text-document.js';
import { docFromText } from '../test-helpers.js';
import { loadEmbeddings } from './embeddings.js';
import {
  keyPointCoverage,
  keyPointDegrees,
  MEANING_FULL_AT,
  MEANING_ZERO_AT,
  meaningDegree,
} from './key-point-coverage.js';
import { createSimilarity } from './similarity.js';
import { need, requires } from '../../../test-helpers.js';

const QUESTION: Question = {
  id: 'conflict',
  text: 'Tell me about a time you disagreed with a colleague.',
  competencies: ['collaboration'],
  keyPoints: [
    'what the disagreement was about',
    'the steps you took to resolve it',
    'the outcome for the team',
    'what you learned',
  ],
};
const STRONG =
  'At my last job a colleague and I had a disagreement about the release date. ' +
  'I took two steps: I listened to his concerns, then I proposed a test with real users. ' +
  'The outcome was good for the team: we shipped with fewer bugs. ' +
  'I learned to ask why before I argue.';
const PARTIAL =
  'At my last job a colleague and I had a disagreement about the release date. In the end it worked out.';

function doc(text: string) {
  return buildDocumentFromSegments(0, [{ speaker: null, start: null, end: null, text }], {
    question: QUESTION,
  });
}

it('maps sentence similarity to a degree along the line fitted on STS-B train, clamped to 0–1', () => {
  expect(meaningDegree(MEANING_ZERO_AT)).toBe(0);
  expect(meaningDegree(0)).toBe(0);
  expect(meaningDegree(MEANING_FULL_AT)).toBe(1);
  expect(meaningDegree(0.6)).toBeCloseTo((0.6 - MEANING_ZERO_AT) / (MEANING_FULL_AT - MEANING_ZERO_AT), 9);
  expect(meaningDegree(0.7)).toBeGreaterThan(meaningDegree(0.5));
});

requires(need.wordVectors()).describe('keyPointCoverage', () => {
  const context: LanguageContext = { job: null, similarity: createSimilarity(loadEmbeddings()) };

  it('gives a complete answer full credit, quoting the sentence and the degree for each key point', () => {
    const result = keyPointCoverage.compute(doc(STRONG), context);
    expect(result.value).toBe(1);
    expect(result.evidence.map((e) => [e.label, e.quote.slice(0, 22)])).toEqual([
      ['what the disagreement was about: 1', 'At my last job a colle'],
      ['the steps you took to resolve it: 1', 'I took two steps: I li'],
      ['the outcome for the team: 1', 'The outcome was good f'],
      ['what you learned: 1', 'I learned to ask why b'],
    ]);
  });

  it('is continuous: a partial answer gets part credit for what it says and a little for what it only hints at', () => {
    const degrees = keyPointDegrees(doc(PARTIAL), context);
    expect(degrees.map((k) => k.keyPoint)).toEqual(QUESTION.keyPoints);
    expect(degrees[0]).toMatchObject({ degree: 1, route: 'words', sentence: 0 });
    // "In the end it worked out." tells a result with one cue: two thirds of "the outcome".
    expect(degrees[2]).toMatchObject({ route: 'story', sentence: 1 });
    expect(degrees[2]?.degree).toBeCloseTo(2 / 3, 6);
    expect(degrees[3]?.degree).toBeLessThan(0.3);
    const value = keyPointCoverage.compute(doc(PARTIAL), context).value ?? 0;
    expect(value).toBeGreaterThan(0.25);
    expect(value).toBeLessThan(keyPointCoverage.compute(doc(STRONG), context).value ?? 0);
  });

  it('is null, with a reason, when the question has no key points or there is no question', () => {
    const none = buildDocumentFromSegments(0, [{ speaker: null, start: null, end: null, text: STRONG }], {
      question: { ...QUESTION, keyPoints: [] },
    });
    expect(keyPointCoverage.compute(none, context)).toEqual({
      signal: 'keyPointCoverage',
      value: null,
      evidence: [],
      reason: 'question has no key points',
    });
    expect(keyPointCoverage.compute(docFromText(STRONG, QUESTION.text), context)).toMatchObject({
      value: null,
      reason: 'question has no key points',
    });
  });

  it('uses a plain similarity function when the context has no word vectors', () => {
    // A stub that only recognises one sentence as the outcome: the word route still works without vectors.
    const stub: LanguageContext = {
      job: null,
      similarity: (a, b) => (a.includes('fewer bugs') && b === 'the outcome for the team' ? 0.9 : 0),
    };
    const answer =
      'A colleague and I had a disagreement about the release date. Afterwards, fewer bugs reached users.';
    const degrees = keyPointDegrees(doc(answer), stub);
    expect(degrees.map((k) => [k.keyPoint, k.route])).toEqual([
      ['what the disagreement was about', 'words'],
      ['the steps you took to resolve it', null],
      ['the outcome for the team', 'meaning'],
      ['what you learned', null],
    ]);
    expect(degrees[2]?.degree).toBeCloseTo(meaningDegree(0.9), 9);
  });
});
