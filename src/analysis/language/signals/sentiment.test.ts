import { describe, expect, it } from 'vitest';
import { docFromSegments, docFromText } from '../test-helpers.js';
import { hasSharedData, vaderTweets } from './real-data.suite.js';
import { compoundScore, sentimentMean } from './sentiment.js';
import { need, requires } from '../../../test-helpers.js';

const context = { job: null, similarity: () => 0 };

function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

requires(need.sharedData('sentiment-vader/tweets_GroundTruth.txt')).describe(
  'sentiment against VADER tweet ground truth (shared/data/sentiment-vader)',
  () => {
    const tweets = hasSharedData() ? vaderTweets() : [];
    const human = tweets.map((t) => t.mean);
    const signal = tweets.map((t) => sentimentMean.compute(docFromText(t.text), context).value ?? 0);

    it('reads all 4,200 rated tweets', () => {
      expect(tweets).toHaveLength(4200);
    });

    it('reproduces VADER on whole tweets: Pearson r ≥ 0.85 with the human mean (paper: 0.88)', () => {
      const r = pearson(
        tweets.map((t) => compoundScore(t.text)),
        human,
      );
      expect(r).toBeGreaterThanOrEqual(0.85);
    });

    it('correlates the signal (mean of sentence compounds) with the human mean at r ≥ 0.8', () => {
      expect(pearson(signal, human)).toBeGreaterThanOrEqual(0.8);
    });

    it('agrees in sign with the raters on clearly positive or negative tweets (|mean| ≥ 1) at least 95% of the time', () => {
      let clear = 0;
      let agree = 0;
      tweets.forEach((t, i) => {
        if (Math.abs(t.mean) < 1) return;
        clear++;
        if (Math.sign(signal[i] as number) === Math.sign(t.mean)) agree++;
      });
      expect(clear).toBeGreaterThan(2000);
      expect(agree / clear).toBeGreaterThanOrEqual(0.95);
    });
  },
);

describe('sentimentMean', () => {
  it('averages sentence compounds and quotes the most positive and most negative sentence with times', () => {
    const doc = docFromSegments([
      { speaker: null, start: 0, end: 3, text: 'The launch was a great success and the team loved it.' },
      { speaker: null, start: 3, end: 5, text: 'We use Postgres.' },
      { speaker: null, start: 5, end: 9, text: 'The first migration was a painful failure.' },
    ]);
    const scores = doc.sentences.map((s) => compoundScore(s.text));
    const v = sentimentMean.compute(doc, context);
    expect(v.value).toBeCloseTo((scores[0]! + scores[1]! + scores[2]!) / 3, 2);
    expect(scores[0]).toBeGreaterThan(0.5);
    expect(scores[2]).toBeLessThan(-0.5);
    expect(v.evidence).toHaveLength(2);
    expect(v.evidence[0]).toMatchObject({
      quote: 'The launch was a great success and the team loved it.',
      start: 0,
      end: 3,
    });
    expect(v.evidence[0]?.label).toBe(`most positive: compound +${scores[0]!.toFixed(2)}`);
    expect(v.evidence[1]).toMatchObject({
      quote: 'The first migration was a painful failure.',
      start: 5,
      end: 9,
    });
    expect(v.evidence[1]?.label).toBe(`most negative: compound ${scores[2]!.toFixed(2)}`);
  });

  it('quotes nothing for a neutral answer and has no value for an empty one', () => {
    expect(
      sentimentMean.compute(docFromText('We use Postgres. The service runs on Kubernetes.'), context),
    ).toEqual({
      signal: 'sentimentMean',
      value: 0,
      evidence: [],
    });
    expect(sentimentMean.compute(docFromText(''), context)).toMatchObject({
      value: null,
      reason: 'empty answer',
    });
  });
});
