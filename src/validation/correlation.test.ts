import { describe, expect, it } from 'vitest';
import { CandorError } from '../core/index.js';
import { averageRanks, meanAbsoluteError, pearson, spearman } from './correlation.js';

/** Anscombe (1973), "Graphs in Statistical Analysis": four sets, each with r = 0.816. */
const X123 = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
const ANSCOMBE: readonly (readonly [number[], number[]])[] = [
  [X123, [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68]],
  [X123, [9.14, 8.14, 8.74, 8.77, 9.26, 8.1, 6.13, 3.1, 9.13, 7.26, 4.74]],
  [X123, [7.46, 6.77, 12.74, 7.11, 7.81, 8.84, 6.08, 5.39, 8.15, 6.42, 5.73]],
  [
    [8, 8, 8, 8, 8, 8, 8, 19, 8, 8, 8],
    [6.58, 5.76, 7.71, 8.84, 8.47, 7.04, 5.25, 12.5, 5.56, 7.91, 6.89],
  ],
];

describe('pearson', () => {
  it.each(ANSCOMBE.map((set, i) => [i + 1, set] as const))(
    "gives r = 0.816 on Anscombe's set %i",
    (_, set) => {
      // Anscombe printed 0.816 for all four; the exact values are 0.8164, 0.8162, 0.8163 and 0.8165.
      expect(Math.abs(pearson(set[0], set[1]) - 0.816)).toBeLessThan(0.001);
    },
  );

  it('is ±1 for exact linear relations and symmetric in its arguments', () => {
    expect(pearson([1, 2, 3], [5, 7, 9])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [9, 7, 5])).toBeCloseTo(-1, 12);
    expect(pearson(ANSCOMBE[0]![1], X123)).toBeCloseTo(pearson(X123, ANSCOMBE[0]![1]), 12);
  });

  it('refuses constant series, too few pairs, unequal lengths and missing values', () => {
    const constant = (): unknown => pearson([1, 2, 3], [4, 4, 4]);
    expect(constant).toThrow(CandorError);
    expect(constant).toThrow(/Pearson r cannot be computed: the second series has no variance/);
    expect(() => pearson([1, 2, 3, 4, 5, 6, 7], Array(7).fill(0.1))).toThrow(/second series has no variance/);
    expect(() => pearson([1, 2], [3, 4])).toThrow(/at least 3 pairs, got 2/);
    expect(() => pearson([1, 2, 3], [3, 4])).toThrow(/differ in length \(3 and 2\)/);
    expect(() => pearson([1, 2, 3], [3, Number.NaN, 4])).toThrow(/value 1 of the second series/);
  });
});

describe('spearman', () => {
  it('gives average ranks to ties', () => {
    expect(averageRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(averageRanks([3, 1, 3, 3])).toEqual([3, 1, 3, 3]);
  });

  it('handles ties exactly: 3/√10 for [1,2,2,3] against [1,3,2,4] (ranks worked by hand)', () => {
    // Ranks x = [1, 2.5, 2.5, 4], y = [1, 3, 2, 4]: Σdxdy = 4.5, Σdx² = 4.5, Σdy² = 5.
    expect(spearman([1, 2, 2, 3], [1, 3, 2, 4])).toBeCloseTo(3 / Math.sqrt(10), 12);
  });

  it('is 1 for any monotone relation, where Pearson is not', () => {
    const x = [1, 2, 3, 4, 5, 6];
    const y = x.map((v) => Math.exp(v));
    expect(spearman(x, y)).toBeCloseTo(1, 12);
    expect(pearson(x, y)).toBeLessThan(0.95);
  });

  it('matches the no-ties shortcut 1 − 6Σd²/(n(n²−1)) when there are no ties', () => {
    const x = [86, 97, 99, 100, 101, 103, 106, 110, 112, 113];
    const y = [0, 20, 28, 27, 50, 29, 7, 17, 6, 12];
    const rx = averageRanks(x);
    const ry = averageRanks(y);
    const d2 = rx.reduce((sum, r, i) => sum + (r - ry[i]!) ** 2, 0);
    expect(spearman(x, y)).toBeCloseTo(1 - (6 * d2) / (10 * 99), 12);
    expect(spearman(x, y)).toBeCloseTo(-29 / 165, 12);
  });

  it('says Spearman rho when all ranks tie', () => {
    expect(() => spearman([1, 1, 1], [1, 2, 3])).toThrow(/Spearman rho cannot be computed: the first series/);
  });
});

describe('meanAbsoluteError', () => {
  it('averages absolute differences in the ratings unit', () => {
    expect(meanAbsoluteError([3, 4, 5], [3, 5, 3])).toBe(1);
    expect(meanAbsoluteError([2.5], [1])).toBe(1.5);
  });

  it('refuses empty and unequal series', () => {
    expect(() => meanAbsoluteError([], [])).toThrow(
      /mean absolute error cannot be computed: needs at least 1/,
    );
    expect(() => meanAbsoluteError([1], [1, 2])).toThrow(/differ in length/);
  });
});
