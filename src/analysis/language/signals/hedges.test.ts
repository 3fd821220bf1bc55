import { describe, expect, it } from 'vitest';
import { docFromText } from '../test-helpers.js';
import { findFillers } from './fillers.js';
import { findHedges, hedgesPer100, isHedgingKindOf } from './hedges.js';

const context = { job: null, similarity: () => 0 };
const hedgeLabels = (text: string): string[] => findHedges(docFromText(text)).map((h) => h.label);

describe('hedges', () => {
  it('finds hedges in real business e-mail sentences (shared/data/email-intent-parakweet/Ask0729-fixed.txt)', () => {
    expect(
      hedgeLabels(
        "We had some helpful discussion about assignment, but I'm not sure how much progress was made.",
      ),
    ).toEqual(["I'm not sure"]);
    expect(
      hedgeLabels(
        'I think that moving forward in my new job will not allow me the time to continue our sessions.',
      ),
    ).toEqual(['I think']);
    expect(hedgeLabels('Or maybe you have personal goals you want to keep, well, personal.')).toEqual([
      'maybe',
    ]);
    expect(
      hedgeLabels(
        "A time for the sale hasn't been specified yet, but would probably coincide with convention registration and check-in.",
      ),
    ).toEqual(['probably']);
    expect(
      hedgeLabels(
        "As long as the New York review isn't the week of January 15th, then I think I will still target that week for a London trip.",
      ),
    ).toEqual(['I think']);
  });

  it('counts "kind of" only as a hedge before an adjective or verb, in real AMI sentences (Product/ES2002a.json)', () => {
    expect(
      hedgeLabels(
        "and he's very friendly and cheery and always pleased to see you , and very kind of affectionate",
      ),
    ).toEqual(['kind of']);
    expect(hedgeLabels('Um , yeah , and I kind of like whales .')).toEqual(['kind of']);
    expect(hedgeLabels("But I'll just draw a different kind of dog .")).toEqual([]);
    expect(
      hedgeLabels("Right away I'm making some kind of assumptions about what information we're given here ,"),
    ).toEqual([]);
  });

  it('tells the hedge from the noun phrase in constructed contrasts', () => {
    expect(hedgeLabels('What kind of tool did you use?')).toEqual([]);
    expect(hedgeLabels('This sort of thing happens.')).toEqual([]);
    expect(hedgeLabels('That was kind of you.')).toEqual([]);
    expect(hedgeLabels("It was kind of hard and we sort of decided late. That's kind of our brief.")).toEqual(
      ['kind of', 'sort of', 'kind of'],
    );
    const doc = docFromText('It was kind of hard.');
    expect(isHedgingKindOf(doc, 2)).toBe(true);
  });

  it('counts each hedge once, and "kind of" as a hedge but never also as a filler', () => {
    const doc = docFromText(
      'I feel like it might work, but I am not sure. It was kind of a bit rushed, hopefully fine.',
    );
    expect(findHedges(doc).map((h) => h.label)).toEqual([
      'I feel like',
      'might',
      'I am not sure',
      'kind of',
      'a bit',
      'hopefully',
    ]);
    expect(findFillers(doc)).toEqual([]);
  });

  it('rates a hedged answer above a committed one', () => {
    const vague = docFromText(
      'I think maybe we could probably try it, I guess. Perhaps it might help somewhat.',
    );
    const committed = docFromText('We tried it on Monday. It cut the error rate in half, and we shipped it.');
    const v = hedgesPer100.compute(vague, context);
    const c = hedgesPer100.compute(committed, context);
    expect(v.value).toBeGreaterThan(40);
    expect(c.value).toBe(0);
    expect(v.evidence[0]).toMatchObject({ label: 'I think', quote: 'I think maybe we could' });
  });
});
