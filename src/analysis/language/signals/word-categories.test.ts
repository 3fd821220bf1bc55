import { describe, expect, it } from 'vitest';
import { docFromText } from '../test-helpers.js';
import {
  articlesPer100,
  firstPersonPluralPer100,
  firstPersonSingularPer100,
  firstPersonWords,
  negativeWordsPer100,
  numberWordsPer100,
  positiveWordsPer100,
  quantifierWordsPer100,
  uniqueWords,
  vaderLexicon,
  wordValence,
} from './word-categories.js';

const context = { job: null, similarity: () => 0 };

// 37 words (counted by hand): I, we and our twice; "and", "the" twice each.
const ANSWER =
  'I think we won. Our team and I built the app, and my manager said it was a great success, but the first launch failed twice. We cut errors by 40 percent for all of our users.';

describe('word-category signals on an answer with known counts', () => {
  const doc = docFromText(ANSWER);

  it('has the 37 words the counts below are divided by', () => {
    expect(doc.wordCount).toBe(37);
  });

  it('counts 32 distinct words (37 less the second I, we, our, and, the)', () => {
    expect(uniqueWords.compute(doc, context).value).toBe(32);
  });

  it('counts I-words (I, I, my: 3 of 37) and we-words (we, Our, We, our: 4 of 37) per 100 words', () => {
    const singular = firstPersonSingularPer100.compute(doc, context);
    expect(singular.value).toBe(8.11);
    expect(singular.evidence.map((e) => e.label)).toEqual(['I', 'I', 'I']);
    expect(singular.evidence[0]?.quote).toBe('I think we won');
    expect(firstPersonPluralPer100.compute(doc, context).value).toBe(10.81);
  });

  it('counts positive words (won, great, success) and negative words (failed, cut, errors) from the VADER lexicon', () => {
    const positive = positiveWordsPer100.compute(doc, context);
    expect(positive.value).toBe(8.11);
    expect(positive.evidence.map((e) => e.label)).toEqual(['valence +2.7', 'valence +3.1', 'valence +2.7']);
    const negative = negativeWordsPer100.compute(doc, context);
    expect(negative.value).toBe(8.11);
    expect(negative.evidence.map((e) => e.label)).toEqual(['valence -2.3', 'valence -1.1', 'valence -1.4']);
  });

  it('counts numbers (first, twice, 40, percent), quantifiers (all) and articles (the, a, the)', () => {
    const numbers = numberWordsPer100.compute(doc, context);
    expect(numbers.value).toBe(10.81);
    expect(numbers.evidence.map((e) => e.label)).toEqual(['first', 'twice', '40', 'percent']);
    expect(quantifierWordsPer100.compute(doc, context).value).toBe(2.7);
    expect(articlesPer100.compute(doc, context).value).toBe(8.11);
  });
});

describe('word-category details', () => {
  it('reads words as said: discourse words VADER rates are not emotion, and negation is not applied', () => {
    expect(vaderLexicon().get('yeah')).toBeGreaterThan(0);
    const talk = docFromText('Yeah, I like it, well okay, sure, thanks.');
    expect(positiveWordsPer100.compute(talk, context).value).toBe(0);
    expect(wordValence('like')).toBe(0);
    // "not happy" is one positive word said, whatever the sentence means.
    expect(positiveWordsPer100.compute(docFromText('I was not happy.'), context).value).toBe(25);
  });

  it('counts "Im" written without an apostrophe and "I\'m", but not the country "US"', () => {
    const doc = docFromText("Im sure I'm right, and the US helped us.");
    const refs = firstPersonWords(doc);
    expect(refs.singular.map((i) => doc.tokens[i]?.text)).toEqual(['Im', "I'm"]);
    expect(refs.plural.map((i) => doc.tokens[i]?.text)).toEqual(['us']);
  });

  it('counts unique words case-insensitively and gives no value for an empty answer', () => {
    expect(uniqueWords.compute(docFromText('We won. We WON again.'), context).value).toBe(3);
    for (const signal of [uniqueWords, firstPersonSingularPer100, positiveWordsPer100, articlesPer100]) {
      expect(signal.compute(docFromText('...'), context)).toMatchObject({
        value: null,
        reason: 'empty answer',
      });
    }
  });
});
