import { describe, expect, it } from 'vitest';
import { buildDocumentFromSegments } from '../text-document.js';
import { docFromText } from '../test-helpers.js';
import {
  findListeningPhrases,
  findQuestionEchoes,
  listeningMarkersPer100,
  promptContentWords,
} from './listening.js';

const context = { job: null, similarity: () => 0 };
const QUESTION = 'Tell me about a time you handled a difficult customer complaint.';

describe('listening markers', () => {
  it('finds phrases that take up the question, including a real e-mail sentence (shared/data/email-intent-parakweet)', () => {
    const doc = docFromText(
      'As a follow-up to our conversation in London when you said I should bring to your attention any concerns I might have with financial trading issues, the following has come up.',
    );
    expect(findListeningPhrases(doc).map((m) => m.label)).toEqual(['you said']);
    expect(
      findListeningPhrases(
        docFromText('Good question. To clarify, if I understand you, as you mentioned the budget was fixed.'),
      ).map((m) => m.label),
    ).toEqual(['good question', 'to clarify', 'if I understand', 'as you mentioned']);
  });

  it('keeps the topic words of a question and drops template words', () => {
    expect([...promptContentWords(QUESTION)].sort()).toEqual([
      'complaint',
      'customer',
      'difficult',
      'handle',
    ]);
  });

  it('counts answer sentences that reuse two content words of the question, once per sentence', () => {
    const doc = docFromText(
      'The customer was difficult because the complaint was about a customer refund. I called him back. Then I handled the complaint myself.',
      QUESTION,
    );
    expect(findQuestionEchoes(doc)).toEqual([
      { sentence: 0, words: ['customer', 'difficult', 'complaint'] },
      { sentence: 2, words: ['handle', 'complaint'] },
    ]);
  });

  it('uses the interviewer prompt too, and rates per 100 words with evidence in text order', () => {
    const doc = buildDocumentFromSegments(
      0,
      [
        {
          speaker: 'C',
          start: 2,
          end: 9,
          text: 'Good question. Our deployment pipeline failed nightly, so I rebuilt the pipeline.',
        },
      ],
      {
        promptText: 'How did you fix the failing deployment pipeline?',
      },
    );
    const v = listeningMarkersPer100.compute(doc, context);
    expect(doc.wordCount).toBe(12);
    expect(v.value).toBeCloseTo(200 / 12, 2);
    expect(v.evidence.map((e) => [e.label, e.start])).toEqual([
      ['good question', 2],
      ['echoes the question: deployment, pipeline', 2],
    ]);
  });

  it('finds no echoes without a question', () => {
    expect(findQuestionEchoes(docFromText('The customer complaint was difficult.'))).toEqual([]);
  });
});
