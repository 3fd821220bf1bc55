import { describe, expect, it } from 'vitest';
import { docFromText } from '../test-helpers.js';
import { firstPersonReferences, ownershipShare } from './ownership.js';

const context = { job: null, similarity: () => 0 };

describe('ownershipShare', () => {
  it('counts I-words against we-words in a real GoEmotions comment, not the country "US" (train.tsv)', () => {
    const doc = docFromText(
      "This really bothers me too. I completely agree. It would have helped us avoid a US situation. Now I think we're barreling toward it",
    );
    const refs = firstPersonReferences(doc);
    expect(refs.singular.map((i) => doc.tokens[i]?.text)).toEqual(['me', 'I', 'I']);
    expect(refs.plural.map((i) => doc.tokens[i]?.text)).toEqual(['us', 'we']);
    expect(ownershipShare.compute(doc, context).value).toBe(0.6);
  });

  it('separates an answer that claims the work from one that credits the team', () => {
    const mine = docFromText(
      "I found the leak, I wrote the fix and I'm the one who rolled it out to my region.",
    );
    const ours = docFromText(
      'We found the leak, our team wrote the fix and we rolled it out with us all on call.',
    );
    expect(ownershipShare.compute(mine, context).value).toBe(1);
    expect(ownershipShare.compute(ours, context).value).toBe(0);
  });

  it('quotes a few of each kind and needs three first-person words', () => {
    const v = ownershipShare.compute(
      docFromText('I led it, but we all built it and our manager approved it.'),
      context,
    );
    expect(v.value).toBe(0.33);
    expect(v.evidence.map((e) => e.label)).toEqual(['I', 'we', 'we']);
    expect(v.evidence[0]?.quote).toBe('I led it, but');
    expect(ownershipShare.compute(docFromText('The system failed and I fixed it.'), context)).toMatchObject({
      value: null,
      reason: 'fewer than 3 first-person words',
    });
  });
});
