import { describe, expect, it } from 'vitest';
import { loadFramework } from '../assessment/index.js';
import { SIGNAL_CATALOGUE } from '../analysis/index.js';
import type { Scorecard } from '../domain/scorecard.js';
import { chooseMicroTaskQuestion, microTaskBank, pickMicroTaskNeed } from './micro-task-choice.js';

const framework = loadFramework('default', new Set(SIGNAL_CATALOGUE.map((s) => s.id)));
const competency = (id: string, score: number | null) => ({
  id,
  name: id,
  score,
  confidence: score === null ? 0 : 0.5,
  ...(score === null ? { reason: 'insufficient evidence: 40% of signals measured' } : {}),
  signals: [],
  evidence: [],
  feedback: [],
});
const card = (scores: Record<string, number | null>): Scorecard => {
  const competencies = Object.entries(scores).map(([id, s]) => competency(id, s));
  const gaps = competencies
    .filter((c): c is typeof c & { score: number } => c.score !== null && c.score < 60)
    .sort((a, b) => a.score - b.score)
    .map(({ id, name, score }) => ({ id, name, score }));
  return { competencies, gaps } as unknown as Scorecard;
};

describe('which competency a micro-task asks about', () => {
  it('takes a competency without evidence before any gap', () => {
    const need = pickMicroTaskNeed(card({ 'problem-solving': 20, empathy: null }), framework);
    expect(need).toMatchObject({ competencyId: 'empathy', reason: 'insufficient_evidence' });
    expect(need?.detail).toBe('empathy: insufficient evidence: 40% of signals measured');
  });
  it('else the lowest score below the gap line (60), and nothing when all are at 60 or above', () => {
    expect(
      pickMicroTaskNeed(card({ empathy: 55, adaptability: 41, authenticity: 80 }), framework),
    ).toMatchObject({
      competencyId: 'adaptability',
      reason: 'gap',
      detail: 'adaptability scored 41/100 (a gap: below 60)',
    });
    expect(pickMicroTaskNeed(card({ empathy: 60, adaptability: 90 }), framework)).toBeNull();
  });
  it('breaks a tie between unscored competencies by framework order', () => {
    expect(
      pickMicroTaskNeed(card({ adaptability: null, 'clarity-coherence': null }), framework)?.competencyId,
    ).toBe('clarity-coherence');
  });
});

describe('the micro-task question', () => {
  it('has two bank questions for every competency of the default framework', () => {
    for (const c of framework.competencies) {
      expect(
        microTaskBank().filter((q) => q.competencies.includes(c.id)),
        c.id,
      ).toHaveLength(2);
    }
  });
  it('skips a question already asked, then falls back to the question set and the framework follow-up', () => {
    const bank = microTaskBank();
    const asked = new Set(['mt-empathy-1']);
    expect(chooseMicroTaskQuestion('empathy', framework, { bank, questionSet: [] }, asked)?.id).toBe(
      'mt-empathy-2',
    );
    const set = [{ id: 'q1', text: 'Tell me about a customer.', competencies: ['empathy'], keyPoints: [] }];
    const all = new Set(['mt-empathy-1', 'mt-empathy-2']);
    expect(chooseMicroTaskQuestion('empathy', framework, { bank, questionSet: set }, all)).toEqual({
      id: 'q1',
      text: 'Tell me about a customer.',
      source: 'question set',
    });
    expect(chooseMicroTaskQuestion('empathy', framework, { bank, questionSet: [] }, all)).toEqual({
      id: 'follow-up-empathy',
      text: "What did you learn about the other person's point of view?",
      source: 'framework follow-up',
    });
    expect(chooseMicroTaskQuestion('no-such', null, { bank, questionSet: [] }, all)).toBeNull();
  });
});
