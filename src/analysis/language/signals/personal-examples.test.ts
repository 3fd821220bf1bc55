import { describe, expect, it } from 'vitest';
import { docFromText } from '../test-helpers.js';
import { findPersonalExamples, isPastVerb, personalExamples } from './personal-examples.js';

const context = { job: null, similarity: () => 0 };
const count = (text: string): number => findPersonalExamples(docFromText(text)).length;

describe('personal examples', () => {
  it('finds first-person past narration with a specific in real e-mail sentences (shared/data/email-intent-parakweet)', () => {
    expect(count('By voice mail, I suggested Ted Murphy as a substitute for Rick Buy for the meeting.')).toBe(
      1,
    );
    expect(
      count(
        "Based on your note, I faxed my Direct Deposit change to Renee Kelso a week or so ago and wanted to check with her to see that she'd received it.",
      ),
    ).toBe(1);
    expect(
      count(
        "Bryan, it doesn't line up very well but this shows that we received 150 dth at St 85 and delivered 145 to PSNC.",
      ),
    ).toBe(1);
  });

  it("does not count requests, plans, or past verbs that are not the speaker's own", () => {
    // Real e-mail sentences: an instruction with a number, and "you said" beside "I should".
    expect(count('Call me at (713) 853-6895 to discuss in further detail.')).toBe(0);
    expect(
      count(
        'As a follow-up to our conversation in London when you said I should bring to your attention any concerns I might have with financial trading issues, the following has come up.',
      ),
    ).toBe(0);
    expect(count('I always make sure the team communicates well.')).toBe(0);
    expect(count('I will migrate the service to AWS next quarter.')).toBe(0);
    // Past and first person but nothing specific.
    expect(count('I worked hard and we did a good job.')).toBe(0);
  });

  it('counts a STAR answer sentence by sentence and quotes them', () => {
    const doc = docFromText(
      'In my previous role we had a checkout outage. I set up an incident channel within 10 minutes. ' +
        'My team rolled back the release and I wrote the postmortem for Stripe. Teamwork matters to me.',
    );
    const v = personalExamples.compute(doc, context);
    expect(v.value).toBe(3);
    expect(v.evidence.map((e) => e.quote)).toEqual([
      'In my previous role we had a checkout outage.',
      'I set up an incident channel within 10 minutes.',
      'My team rolled back the release and I wrote the postmortem for Stripe.',
    ]);
  });

  it('reads past tense from the lemma, with same-form verbs after I/we', () => {
    const doc = docFromText('We cut costs. I am leading. She runs it. I could go. I went.');
    const past = doc.tokens.map((t, i) => (isPastVerb(doc, i) ? t.text : null)).filter((x) => x !== null);
    expect(past).toEqual(['cut', 'went']);
  });
});
