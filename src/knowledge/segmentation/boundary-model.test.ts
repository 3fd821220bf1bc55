import { describe, expect, it } from 'vitest';
import type { Segment } from '../../domain/index.js';
import { BOUNDARY_FEATURES, boundaryFeatures } from './boundary-features.js';
import { BOUNDARY_MODEL, boundaryScores, fitBoundaryModel, pickBoundaries } from './boundary-model.js';
import { conversationTokens } from './conversation-tokens.js';

describe('pickBoundaries', () => {
  // 10 turns of 10 words each: turn i starts at word 10·i, 100 words in all.
  const starts = Array.from({ length: 10 }, (_, i) => i * 10);

  it('keeps turns at or above the threshold, best first, never turn 0', () => {
    const scores = [9, 0, 0, 3, 0, 0, 2.5, 0, 0, 0];
    const cuts = pickBoundaries(scores, starts, 100, { threshold: 2, minSectionShare: 0.1 });
    expect(cuts.map((c) => c.segment)).toEqual([3, 6]);
    expect(cuts[0]?.depth).toBeCloseTo(1, 12);
    expect(cuts[1]?.depth).toBeCloseTo(0.5, 12);
  });

  it('drops a weaker turn that would leave a section shorter than the share of words', () => {
    const scores = [-Infinity, 0, 0, 3, 2.5, 0, 0, 0, 0, 2.8];
    // 30 % of 100 words: turn 4 is 10 words after turn 3, turn 9 leaves only 10 words after it.
    const cuts = pickBoundaries(scores, starts, 100, { threshold: 2, minSectionShare: 0.3 });
    expect(cuts.map((c) => c.segment)).toEqual([3]);
    const looser = pickBoundaries(scores, starts, 100, { threshold: 2, minSectionShare: 0.05 });
    expect(looser.map((c) => c.segment)).toEqual([3, 4, 9]);
  });
});

describe('fitBoundaryModel', () => {
  const d = BOUNDARY_FEATURES.length;
  // Three synthetic conversations of 60 turns; feature 2 is high exactly at the human starts,
  // every other feature is deterministic noise.
  const noise = (i: number, j: number): number => Math.sin(i * 12.9898 + j * 78.233) * 0.5;
  const conversation = (starts: number[]): { features: number[][]; starts: number[] } => ({
    starts,
    features: Array.from({ length: 60 }, (_, i) =>
      Array.from({ length: d }, (_, j) => (j === 2 ? (starts.includes(i) ? 3 : 0) : noise(i, j))),
    ),
  });

  it('learns which feature marks a boundary and scores those turns highest', () => {
    const model = fitBoundaryModel([conversation([20, 40]), conversation([15, 45]), conversation([30])], {
      tolerance: 0,
    });
    const strongest = model.weights.reduce(
      (best, w, j) => (Math.abs(w) > Math.abs(model.weights[best] ?? 0) ? j : best),
      0,
    );
    expect(strongest).toBe(2);
    expect(model.weights[2]).toBeGreaterThan(0);
    const held = conversation([25]);
    const scores = boundaryScores(held.features, model);
    expect(scores[0]).toBe(-Infinity);
    const best = scores.indexOf(Math.max(...scores));
    expect(best).toBe(25);
  });

  it('refuses rows of the wrong width and data with no boundary', () => {
    expect(() => fitBoundaryModel([{ features: [[1], [2]], starts: [1] }])).toThrow(
      /feature row 1 has 1 values/,
    );
    expect(() => fitBoundaryModel([{ features: conversation([]).features, starts: [] }])).toThrow(
      /both boundary and other turns/,
    );
  });
});

describe('boundaryFeatures', () => {
  const segments: Segment[] = [
    {
      speaker: 'Chair',
      start: null,
      end: null,
      text: 'Welcome. The budget for the remote is tight, the budget.',
    },
    { speaker: 'Ann', start: null, end: null, text: 'Budget, yes, the budget and the price.' },
    { speaker: 'Chair', start: null, end: null, text: 'Thank you.' },
    {
      speaker: 'Chair',
      start: null,
      end: null,
      text: 'Okay, so let us move on to the next item: the design.',
    },
    { speaker: 'Bob', start: null, end: null, text: 'The design should be curved, a curved banana design.' },
  ];
  const rows = boundaryFeatures(segments, conversationTokens(segments), null);
  const column = (name: (typeof BOUNDARY_FEATURES)[number]): number[] =>
    rows.map((r) => r[BOUNDARY_FEATURES.indexOf(name)] as number);

  it('gives one row per turn with one value per feature, all finite', () => {
    expect(rows).toHaveLength(segments.length);
    for (const r of rows) {
      expect(r).toHaveLength(BOUNDARY_FEATURES.length);
      for (const v of r) expect(Number.isFinite(v)).toBe(true);
    }
    expect(BOUNDARY_MODEL.weights).toHaveLength(BOUNDARY_FEATURES.length);
    expect(BOUNDARY_MODEL.means).toHaveLength(BOUNDARY_FEATURES.length);
  });

  it('reads cue phrases and the main speaker from the turns', () => {
    expect(column('startsOkay')).toEqual([0, 0, 0, 1, 0]);
    expect(column('previousThanks')).toEqual([0, 0, 0, 1, 0]);
    expect(column('startsThanks')).toEqual([0, 0, 1, 0, 0]);
    expect(column('movesOn')).toEqual([0, 0, 0, 1, 0]);
    expect(column('mainSpeaker')).toEqual([1, 0, 1, 1, 0]);
  });

  it('sees the topic change from budget to design as a dip in word overlap', () => {
    const lexical = column('lexical1000');
    // Across the start of turn 1 both sides share "budget"; across turn 3 (budget | design) nothing.
    expect(lexical[3]).toBeLessThan(lexical[1] as number);
    expect(lexical[3]).toBe(Math.min(...lexical.slice(1)));
  });
});
