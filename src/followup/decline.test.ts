import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../core/index.js';
import { analyzeFile } from '../pipeline/index.js';
import { composeDecline, shortQuote, strengthsOf } from './decline.js';

const analyse = async (file: string) =>
  (
    await analyzeFile(path.join(packageRoot(), 'examples', 'interviews', file), {
      framework: 'default',
      questions: 'default',
    })
  ).scorecard;

describe('a strength from the evidence', () => {
  it('takes a high-scoring competency and a quote that is really in its evidence', async () => {
    const card = await analyse('priya-strong.vtt');
    const [best] = strengthsOf(card);
    expect(best).toBeDefined();
    const competency = card.competencies.find((c) => c.id === best!.competencyId)!;
    expect(competency.score).toBeGreaterThanOrEqual(70);
    expect(competency.evidence.map((e) => e.quote.trim())).toContain(best!.evidenceQuote);
    expect(best!.evidenceQuote).toContain(best!.quote.replace(/…$/, ''));
    expect(best!.quote.split(/\s+/).length).toBeLessThanOrEqual(25);
  });

  it('finds none in a weak interview, nor in a body that is no scorecard', async () => {
    // Jordan's only score of 70 rests on relevance quotes (small talk), which never count as a strength.
    expect(strengthsOf(await analyse('jordan-weak.srt'))).toEqual([]);
    expect(strengthsOf({ not: 'a scorecard' })).toEqual([]);
    expect(strengthsOf(null)).toEqual([]);
  });

  it('cuts a long quote at a word, and the decline says nothing of strengths without one', async () => {
    expect(shortQuote(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' '))).toMatch(/^w0 .* w24…$/);
    const values = {
      firstName: 'Jo',
      jobTitle: 'Support lead',
      organisation: 'Acme',
      stepReached: 'the online interview',
      roles: [],
      eventsLine: null,
    };
    const plain = await composeDecline('email', { ...values, strength: null });
    expect(plain.body).toContain('You reached the online interview');
    expect(plain.body).not.toMatch(/stood out|strength/i);
    const sms = await composeDecline('sms', {
      ...values,
      strength: { competencyId: 'empathy', competency: 'Empathy', score: 90, quote: 'q', evidenceQuote: 'q' },
      roles: ['Account manager'],
    });
    expect(sms.body).toContain('What stood out: your empathy.');
    expect(sms.body).not.toContain('Account manager');
  });
});
