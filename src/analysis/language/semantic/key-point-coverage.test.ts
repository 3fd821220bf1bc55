import { expect, it } from 'vitest';
import type { Question } from '../../../domain/index.js';
import type { LanguageContext } from '../language-signal.js';
import { buildDocumentFromSegments } from '../text-document.js';
import { docFromText } from '../test-helpers.js';
import { loadEmbeddings } from './embeddings.js';
import { keyPointCoverage, keyPointsCovered } from './key-point-coverage.js';
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

requires(need.wordVectors()).describe('keyPointCoverage', () => {
  const context: LanguageContext = { job: null, similarity: createSimilarity(loadEmbeddings()) };

  it('covers every key point of a complete answer, quoting the sentence for each', () => {
    const result = keyPointCoverage.compute(doc(STRONG), context);
    expect(result.value).toBe(1);
    expect(result.evidence.map((e) => [e.label, e.quote.slice(0, 22)])).toEqual([
      ['what the disagreement was about', 'At my last job a colle'],
      ['the steps you took to resolve it', 'I took two steps: I li'],
      ['the outcome for the team', 'The outcome was good f'],
      ['what you learned', 'I learned to ask why b'],
    ]);
  });

  it('reports what a partial answer misses', () => {
    const result = keyPointCoverage.compute(doc(PARTIAL), context);
    expect(result.value).toBe(0.25);
    expect(keyPointsCovered(doc(PARTIAL), context).missing).toEqual([
      'the steps you took to resolve it',
      'the outcome for the team',
      'what you learned',
    ]);
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
    // A stub that only recognises the exact key point: the lexical route still works without vectors.
    const stub: LanguageContext = {
      job: null,
      similarity: (a, b) => (a.includes('fewer bugs') && b === 'the outcome for the team' ? 0.9 : 0),
    };
    const answer = 'A colleague and I had a disagreement about the release date. We shipped with fewer bugs.';
    const coverage = keyPointsCovered(doc(answer), stub);
    expect(coverage.covered.map((m) => [m.phrase, m.match])).toEqual([
      ['what the disagreement was about', 'lexical'],
      ['the outcome for the team', 'semantic'],
    ]);
  });
});
