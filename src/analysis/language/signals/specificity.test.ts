import { describe, expect, it } from 'vitest';
import { docFromSegments, docFromText } from '../test-helpers.js';
import { findSpecifics, specificityPer100 } from './specificity.js';

const context = { job: null, similarity: () => 0 };
/** Each specific item as `kind: text`. */
function items(text: string): string[] {
  const doc = docFromText(text);
  return findSpecifics(doc).map((s) => {
    const a = doc.tokens[s.firstToken]?.start ?? 0;
    const b = doc.tokens[s.lastToken]?.end ?? 0;
    return `${s.kind}: ${doc.text.slice(a, b)}`;
  });
}

describe('specificity', () => {
  it('finds amounts, counts, durations and names in real e-mail sentences (shared/data/email-intent-parakweet)', () => {
    expect(
      items(
        'Also, I straightened up the deal with AT&T Long distance and they are going to correct the bill to $33.23 and starting with the next bill we are supposed to get 120 minutes a month of free long distance so talk up.',
      ),
    ).toEqual(['name: AT&T Long', 'money: $33.23', 'duration: 120 minutes']);
    expect(
      items('By voice mail, I suggested Ted Murphy as a substitute for Rick Buy for the meeting.'),
    ).toEqual(['name: Ted Murphy', 'name: Rick Buy']);
    expect(
      items(
        'Also, Brent would be in the best position to ensure that the logistics team meets requirements for timeliness and accuracy of volumetric information so that we can achieve our target headcount reduction in gas operations of 52 by year end 2000.',
      ),
    ).toEqual(['name: Brent', 'number: 52', 'date: 2000']);
    // "this week" pins nothing down; a capitalised sentence opener like "Call" is not a name.
    expect(
      items('I am writing to each of you because I need you to be in prayer with me this week.'),
    ).toEqual([]);
    expect(items('Call me at (713) 853-6895 to discuss in further detail.')).toEqual([
      'number: 713',
      'number: 853-6895',
    ]);
  });

  it('counts each item once: an entity, a number with its noun, a multi-word name', () => {
    expect(
      items('Last year at Google I led a team of 5 engineers and we cut latency by 30% in March 2021.'),
    ).toEqual(['date: Last year', 'name: Google', 'number: 5 engineers', 'percent: 30%', 'date: March 2021']);
    expect(items('One day we met Sarah Connor from Acme Corp on AWS.')).toEqual([
      'name: Sarah Connor',
      'name: Acme Corp',
      'name: AWS',
    ]);
  });

  it('rates a specific STAR answer far above a vague one, quoting the items with times', () => {
    const vague = docFromText(
      'I always try to communicate well with everyone and make sure things get done properly. I think teamwork is really important and I am a hard worker.',
    );
    const star = docFromSegments([
      {
        speaker: null,
        start: 0,
        end: 6,
        text: 'In March 2022 our checkout service at Shopify was failing for 3% of orders.',
      },
      {
        speaker: null,
        start: 6,
        end: 12,
        text: 'I profiled it with Datadog, found a 900 ms lock, and we cut errors to 0.1% in two weeks.',
      },
    ]);
    const v = specificityPer100.compute(vague, context);
    const s = specificityPer100.compute(star, context);
    expect(v.value).toBe(0);
    expect(s.value).toBeGreaterThan(20);
    expect(s.evidence.slice(0, 3)).toEqual([
      { quote: 'March 2022', start: 0, end: 6, response: 0, label: 'date' },
      { quote: 'Shopify', start: 0, end: 6, response: 0, label: 'name' },
      { quote: '3%', start: 0, end: 6, response: 0, label: 'percent' },
    ]);
    expect(s.evidence.map((e) => e.quote)).toContain('900 ms');
  });
});
