import { describe, expect, it } from 'vitest';
import { CandorError } from '../../../core/index.js';
import { docFromText } from '../test-helpers.js';
import { PhraseMatcher } from './phrase-matcher.js';

const labels = (m: PhraseMatcher, text: string): string[] => m.match(docFromText(text)).map((x) => x.label);

describe('PhraseMatcher', () => {
  it('matches lower-cased word sequences and reports exact character spans', () => {
    const m = new PhraseMatcher(['as a result', 'because']);
    const doc = docFromText('As a result we won, BECAUSE we planned.');
    const found = m.match(doc);
    expect(found.map((x) => x.label)).toEqual(['as a result', 'because']);
    expect(found.map((x) => doc.text.slice(x.start, x.end))).toEqual(['As a result', 'BECAUSE']);
  });

  it('prefers the longest phrase at a position and does not count its parts again', () => {
    const m = new PhraseMatcher(['not sure', "I'm not sure", 'sure']);
    expect(labels(m, "I'm not sure it works.")).toEqual(["I'm not sure"]);
    expect(labels(m, 'We are not sure.')).toEqual(['not sure']);
  });

  it('matches any inflection with ~lemma and exact forms otherwise', () => {
    const m = new PhraseMatcher(['~listen', 'adapted']);
    expect(labels(m, 'I listened, she listens, they will listen; we adapted but never adapt.')).toEqual([
      'listen',
      'listen',
      'listen',
      'adapted',
    ]);
  });

  it('splits contractions and hyphens in phrases the way answers are tokenised', () => {
    const m = new PhraseMatcher(["when that didn't work", 'trade-off']);
    expect(labels(m, "When that didn't work we accepted a trade-off.")).toEqual([
      "when that didn't work",
      'trade-off',
    ]);
    // Curly apostrophes in the answer match straight ones in the lexicon.
    expect(labels(m, 'When that didn’t work we moved on.')).toEqual(["when that didn't work"]);
  });

  it('bridges a short gap inside one sentence, never across sentences', () => {
    const m = new PhraseMatcher(['if ... then', '~reduce ... by']);
    expect(labels(m, 'If the cache misses then we reload. We reduced the p95 latency by 40%.')).toEqual([
      'if … then',
      'reduce … by',
    ]);
    expect(labels(m, 'If it rains. Then we stay.')).toEqual([]);
    // Beyond the gap limit the phrase does not match.
    expect(
      labels(new PhraseMatcher(['if ... then'], { maxGap: 2 }), 'If this long clause runs on then no.'),
    ).toEqual([]);
  });

  it('rejects a lexicon phrase that starts or ends with a gap, naming it', () => {
    expect(() => new PhraseMatcher(['... then'])).toThrow(CandorError);
    expect(() => new PhraseMatcher(['ok', 'if ...'])).toThrow(/phrase 2 "if \.\.\."/);
  });
});
