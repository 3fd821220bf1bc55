import { describe, expect, it } from 'vitest';
import { SIGNAL_CATALOGUE } from '../analysis/index.js';
import type { Response, ResponseSignals, Segment } from '../domain/index.js';
import { INTERVIEW_TOTALS, interviewFeatures } from './interview-features.js';

const seg = (speaker: string, text: string): Segment => ({ speaker, start: null, end: null, text });

// Three interviewer turns (one a backchannel), three candidate turns; the candidate's second turn
// is two segments in a row (one turn). Answers: the first two candidate turns, then the third.
const transcript = [
  seg('Ana', 'Tell me about a project you led?'),
  seg('Bo', 'I led the billing project.'), // 5 words
  seg('Ana', 'mhm'),
  seg('Bo', 'We cut the errors.'), // 4
  seg('Bo', 'I wrote the tests.'), // 4
  seg('Ana', 'Why us?'),
  seg('Bo', 'Your billing team.'), // 3
];
const response = (index: number, segments: Segment[]): Response => ({
  index,
  question: null,
  questionText: null,
  questionSource: 'interviewer',
  matchScore: null,
  segments,
  prompt: [],
});
const responses = [
  response(0, [transcript[1]!, transcript[3]!, transcript[4]!]),
  response(1, [transcript[6]!]),
];
const signals: ResponseSignals[] = [
  {
    response: 0,
    words: 13,
    values: new Map([['wordCount', { signal: 'wordCount', value: 13, evidence: [] }]]),
  },
  {
    response: 1,
    words: 3,
    values: new Map([['wordCount', { signal: 'wordCount', value: 3, evidence: [] }]]),
  },
];

describe('interviewFeatures', () => {
  it('counts turn structure: interviewer turns (backchannel included), candidate turns, words per turn', () => {
    const v = interviewFeatures(signals, SIGNAL_CATALOGUE, { transcript, responses });
    expect(v).toMatchObject({
      totalWords: 16,
      answerCount: 2,
      longestAnswerWords: 13,
      interviewerTurns: 3,
      candidateTurns: 3,
      meanTurnWords: 5.33,
      wordCount: 8,
    });
  });

  it('counts distinct words over the whole interview, not per answer', () => {
    // i led the billing project we cut errors wrote tests your team: "I", "the", "billing" repeat.
    expect(interviewFeatures(signals, SIGNAL_CATALOGUE, { transcript, responses }).interviewUniqueWords).toBe(
      12,
    );
  });

  it('has every total and every catalogue signal; text totals are null without the text', () => {
    const v = interviewFeatures(signals, SIGNAL_CATALOGUE);
    for (const key of [...INTERVIEW_TOTALS, ...SIGNAL_CATALOGUE.map((d) => d.id)])
      expect(v).toHaveProperty(key);
    expect(v.interviewerTurns).toBeNull();
    expect(v.interviewUniqueWords).toBeNull();
    expect(v.longestAnswerWords).toBe(13);
  });
});
