import { describe, expect, it } from 'vitest';
import { npsOf } from '../store/index.js';
import { parsePulseAnswer } from './pulse.js';

describe('pulse answers', () => {
  it('reads a score with or without a comment', () => {
    expect(parsePulseAnswer('9')).toEqual({ kind: 'score', score: 9, comment: null });
    expect(parsePulseAnswer(' 8 - quick and clear ')).toEqual({
      kind: 'score',
      score: 8,
      comment: 'quick and clear',
    });
    expect(parsePulseAnswer('10/10, lovely people')).toEqual({
      kind: 'score',
      score: 10,
      comment: 'lovely people',
    });
    expect(parsePulseAnswer('0. Nobody answered.')).toMatchObject({ score: 0, comment: 'Nobody answered.' });
    expect(parsePulseAnswer('nine')).toMatchObject({ kind: 'score', score: 9 });
    expect(parsePulseAnswer("I'd say 7 out of 10")).toMatchObject({ kind: 'score', score: 7 });
  });

  it('never stores a number outside 0–10 or a fraction', () => {
    for (const text of ['11', 'eleven', '-1', '7.5', '100', 'Twenty!'])
      expect(parsePulseAnswer(text), text).toMatchObject({ kind: 'invalid' });
    expect(parsePulseAnswer('eleven')).toMatchObject({ answer: 'eleven' });
  });

  it('leaves replies that are no answer to the rest of the agent', () => {
    for (const text of ['', '   ', 'When will I hear back?', 'STOP'])
      expect(parsePulseAnswer(text), text).toEqual({ kind: 'none' });
    expect(parsePulseAnswer('Tennis on Tuesday?')).toEqual({ kind: 'none' });
  });

  it('computes NPS as % promoters minus % detractors', () => {
    expect(npsOf([10, 9, 7, 3])).toEqual({ responses: 4, promoters: 2, passives: 1, detractors: 1, nps: 25 });
    expect(npsOf([6, 6, 9])).toMatchObject({ nps: -33.3 });
    expect(npsOf([])).toMatchObject({ responses: 0, nps: null });
  });
});
