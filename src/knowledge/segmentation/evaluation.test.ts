import { describe, expect, it } from 'vitest';
import { defaultWindow, massesOf, pk, windowDiff } from './evaluation.js';

// Hand-worked from the definitions. Units 0..N−1; a window of k units probes units i and i + k,
// i = 0..N−k−1 (N − k probes). Pk (Beeferman et al. 1999) errs where reference and hypothesis
// disagree on "same section?"; WindowDiff (Pevzner & Hearst 2002) errs where they put a different
// number of boundaries between the two probes.
describe('Pk and WindowDiff', () => {
  it('are 0 for a perfect segmentation', () => {
    const reference = [4, 3, 5, 2];
    expect(pk(reference, reference)).toBe(0);
    expect(windowDiff(reference, reference)).toBe(0);
    expect(pk(reference, [...reference], 1)).toBe(0);
  });

  it('count one error of four for a missed boundary seen by one probe (k = 1)', () => {
    // [3, 2]: the boundary is between units 2 and 3; only probe (2, 3) straddles it.
    expect(pk([3, 2], [5], 1)).toBe(0.25);
    expect(windowDiff([3, 2], [5], 1)).toBe(0.25);
  });

  it('count two errors of three for the same miss with k = 2', () => {
    // probes (0,2), (1,3), (2,4): the last two straddle the boundary.
    expect(pk([3, 2], [5], 2)).toBeCloseTo(2 / 3, 12);
    expect(windowDiff([3, 2], [5], 2)).toBeCloseTo(2 / 3, 12);
  });

  it('penalise a near miss less than a miss far away', () => {
    // boundary one unit early: probes (0,2) and (2,4) disagree, (1,3) agrees.
    expect(pk([3, 2], [2, 3], 2)).toBeCloseTo(2 / 3, 12);
    // 10 units, 8 probes: a one-unit slip costs 2 probes; a slip of k or more costs 2k (a miss
    // plus a false alarm), here 4.
    expect(pk([5, 5], [4, 6], 2)).toBe(2 / 8);
    expect(pk([5, 5], [8, 2], 2)).toBe(4 / 8);
  });

  it('differ where Pk cannot see a missing boundary inside a window and WindowDiff can', () => {
    // reference boundaries after units 1 and 2; hypothesis only after unit 1; k = 2.
    // probe (1,3): both say "different section" (Pk right) but count 2 vs 1 (WindowDiff wrong).
    expect(pk([2, 1, 2], [2, 3], 2)).toBeCloseTo(1 / 3, 12);
    expect(windowDiff([2, 1, 2], [2, 3], 2)).toBeCloseTo(2 / 3, 12);
  });

  it('are 1 when every unit is its own section and the hypothesis has none', () => {
    expect(pk([1, 1, 1, 1], [4], 1)).toBe(1);
    expect(windowDiff([1, 1, 1, 1], [4], 1)).toBe(1);
  });

  it('take k as half the mean reference section length (Pevzner & Hearst 2002)', () => {
    expect(defaultWindow([3, 2])).toBe(1); // 2.5 / 2 = 1.25
    expect(defaultWindow([10, 10, 20])).toBe(7); // 13.3 / 2 = 6.7
    expect(pk([10, 10, 20], [10, 10, 20])).toBe(0);
  });

  it('refuse segmentations of different lengths and treat one unit as trivially right', () => {
    expect(() => pk([3, 2], [4])).toThrow(RangeError);
    expect(pk([1], [1])).toBe(0);
    expect(windowDiff([1], [1])).toBe(0);
  });
});

describe('massesOf', () => {
  it('turns section starts into section lengths, ignoring 0, duplicates and out-of-range starts', () => {
    expect(massesOf(5, [0, 3])).toEqual([3, 2]);
    expect(massesOf(10, [7, 0, 2, 2, 12])).toEqual([2, 5, 3]);
    expect(massesOf(4, [])).toEqual([4]);
  });
});
