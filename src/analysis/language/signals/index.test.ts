import { describe, expect, it } from 'vitest';
import type { SignalValue } from '../../../domain/index.js';
import { MAX_EVIDENCE } from '../language-signal.js';
import { docFromSegments, docFromText } from '../test-helpers.js';
import { LEXICAL_SIGNALS } from './index.js';
import { cleanTurn, meetingTurns } from './real-data.suite.js';
import { need, requires } from '../../../test-helpers.js';

const context = { job: null, similarity: () => 0 };

const STAR_ANSWER = [
  {
    speaker: 'Candidate',
    start: 12.0,
    end: 19.5,
    text: 'Good question. Last year at Shopify our checkout service was failing for 3% of orders, um, during peak traffic.',
  },
  {
    speaker: 'Candidate',
    start: 19.5,
    end: 28.0,
    text: 'I think the the root cause was a lock, because two workers wrote the same row, so I profiled it with Datadog.',
  },
  {
    speaker: 'Candidate',
    start: 28.0,
    end: 37.2,
    text: 'We were — we decided to switch to a queue instead of retries, and I listened to the support team, who were frustrated.',
  },
  {
    speaker: 'Candidate',
    start: 37.2,
    end: 45.0,
    text: 'Our goal was to cut errors by half; we reduced them to 0.1% in two weeks and I learned a lot from it.',
  },
];

function checkValue(value: SignalValue, id: string, range: readonly [number, number]): void {
  expect(value.signal).toBe(id);
  expect(value.evidence.length).toBeLessThanOrEqual(MAX_EVIDENCE);
  if (value.value === null) {
    expect(value.reason, id).toBeTruthy();
  } else {
    expect(Number.isFinite(value.value), id).toBe(true);
    expect(value.value, id).toBeGreaterThanOrEqual(range[0]);
    expect(value.value, id).toBeLessThanOrEqual(range[1]);
    // Rounded to two decimals, so values compare byte for byte.
    expect(Math.round(value.value * 100) / 100, id).toBe(value.value);
  }
  for (const e of value.evidence) expect(e.quote.length, id).toBeGreaterThan(0);
}

describe('LEXICAL_SIGNALS', () => {
  it('lists the lexical signals in catalogue order with unique ids and a method and source each', () => {
    expect(LEXICAL_SIGNALS.map((s) => s.definition.id)).toEqual([
      'wordCount',
      'wordsPerMinute',
      'meanSentenceLength',
      'fillerWordsPer100',
      'hedgesPer100',
      'disfluenciesPer100',
      'readabilityGrade',
      'lexicalDiversityMtld',
      'specificityPer100',
      'personalExamples',
      'reasoningMarkersPer100',
      'goalMarkersPer100',
      'empathyMarkersPer100',
      'listeningMarkersPer100',
      'adaptabilityMarkersPer100',
      'sentimentMean',
      'ownershipShare',
      'uniqueWords',
      'firstPersonSingularPer100',
      'firstPersonPluralPer100',
      'positiveWordsPer100',
      'negativeWordsPer100',
      'numberWordsPer100',
      'quantifierWordsPer100',
      'articlesPer100',
    ]);
    for (const { definition } of LEXICAL_SIGNALS) {
      expect(definition.method.length, definition.id).toBeGreaterThan(40);
      expect(definition.source.length, definition.id).toBeGreaterThan(5);
      expect(definition.range[0], definition.id).toBeLessThan(definition.range[1]);
    }
  });

  it('measures a timed STAR answer: every value in range, rounded, with evidence carrying times', () => {
    const doc = docFromSegments(STAR_ANSWER);
    const values = new Map(LEXICAL_SIGNALS.map((s) => [s.definition.id, s.compute(doc, context)]));
    for (const s of LEXICAL_SIGNALS)
      checkValue(values.get(s.definition.id) as SignalValue, s.definition.id, s.definition.range);
    for (const id of [
      'fillerWordsPer100',
      'hedgesPer100',
      'disfluenciesPer100',
      'specificityPer100',
      'personalExamples',
      'reasoningMarkersPer100',
      'goalMarkersPer100',
      'empathyMarkersPer100',
      'listeningMarkersPer100',
      'adaptabilityMarkersPer100',
      'ownershipShare',
    ]) {
      const v = values.get(id) as SignalValue;
      expect(v.value, id).toBeGreaterThan(0);
      expect(v.evidence.length, id).toBeGreaterThan(0);
      for (const e of v.evidence) {
        expect(e.start, `${id}: ${e.quote}`).not.toBeNull();
        expect(e.start as number).toBeGreaterThanOrEqual(12);
        expect(e.end as number).toBeLessThanOrEqual(45);
      }
    }
    expect(values.get('wordsPerMinute')?.value).toBeGreaterThan(100);
    // The filler is quoted with the time of its own segment.
    expect(values.get('fillerWordsPer100')?.evidence[0]).toMatchObject({ label: 'um', start: 12, end: 19.5 });
  });

  it('is deterministic: the same answer gives identical values', () => {
    const a = LEXICAL_SIGNALS.map((s) => s.compute(docFromSegments(STAR_ANSWER), context));
    const b = LEXICAL_SIGNALS.map((s) => s.compute(docFromSegments(STAR_ANSWER), context));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('gives null with a reason, never an error, for an empty answer', () => {
    const doc = docFromText('');
    for (const s of LEXICAL_SIGNALS) {
      const v = s.compute(doc, context);
      if (s.definition.id === 'wordCount' || s.definition.id === 'personalExamples') expect(v.value).toBe(0);
      else {
        expect(v.value, s.definition.id).toBeNull();
        expect(typeof v.reason, s.definition.id).toBe('string');
      }
    }
  });

  requires(need.sharedData('meetings-qmsum/Product/ES2002a.json')).it(
    'runs on every turn of a real AMI meeting without error, values in range (Product/ES2002a.json)',
    () => {
      for (const turn of meetingTurns('Product/ES2002a.json')) {
        const doc = docFromText(cleanTurn(turn.content));
        for (const s of LEXICAL_SIGNALS)
          checkValue(s.compute(doc, context), s.definition.id, s.definition.range);
      }
    },
  );
});
