import { describe, expect, it } from 'vitest';
import {
  cohensD,
  compareRates,
  fisherExact,
  median,
  normalCdf,
  smallestExpectedCount,
  twoProportionZTest,
} from './statistics.js';

describe('Fisher exact test', () => {
  it("gives the textbook p of Fisher's lady tasting tea: [[3,1],[1,3]] → 0.4857 (two-sided)", () => {
    // Fisher (1935), The Design of Experiments §2; two-sided p = 34/70 = 0.4857.
    expect(
      fisherExact([
        [3, 1],
        [1, 3],
      ]),
    ).toBeCloseTo(34 / 70, 10);
  });

  it('gives 1/70 × 2 for the most extreme tea table, and 1 for a table with no difference', () => {
    expect(
      fisherExact([
        [4, 0],
        [0, 4],
      ]),
    ).toBeCloseTo(2 / 70, 10);
    expect(
      fisherExact([
        [2, 2],
        [2, 2],
      ]),
    ).toBeCloseTo(1, 10);
  });

  it("matches R's fisher.test for an unbalanced table: [[1,9],[11,3]] → 0.002759", () => {
    // The worked example of Wikipedia's "Fisher's exact test" (men and women dieting), p = 0.002759;
    // R's fisher.test(matrix(c(1, 11, 9, 3), 2)) gives the same.
    expect(
      fisherExact([
        [1, 9],
        [11, 3],
      ]),
    ).toBeCloseTo(0.002759456, 8);
  });
});

describe('two-proportion z-test and the choice of test', () => {
  it('computes z from the pooled proportion', () => {
    // 48/80 vs 12/40: pooled 0.5, se = sqrt(0.25 × (1/80 + 1/40)) = 0.0968; z = 0.3 / 0.0968 = 3.098.
    const { z, p } = twoProportionZTest([
      [48, 32],
      [12, 28],
    ]);
    expect(z).toBeCloseTo(0.3 / Math.sqrt(0.25 * (1 / 80 + 1 / 40)), 10);
    expect(p).toBeCloseTo(2 * (1 - normalCdf(z)), 12);
    expect(p).toBeCloseTo(0.00195, 4);
  });

  it('Φ is accurate to 1e-7 at the usual quantiles', () => {
    expect(normalCdf(1.959963985)).toBeCloseTo(0.975, 7);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(-2.575829304)).toBeCloseTo(0.005, 7);
  });

  it('uses Fisher when an expected count is under 5, the z-test otherwise', () => {
    expect(
      smallestExpectedCount([
        [3, 1],
        [1, 3],
      ]),
    ).toBe(2);
    expect(
      compareRates([
        [3, 1],
        [1, 3],
      ]).test,
    ).toBe('fisher-exact');
    expect(
      compareRates([
        [48, 32],
        [12, 28],
      ]).test,
    ).toBe('two-proportion-z');
  });
});

describe('median and standardised mean difference', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("computes Cohen's d with the pooled standard deviation", () => {
    // Means 2 and 4, each sd 1: d = (2 − 4) / 1.
    expect(cohensD([1, 2, 3], [3, 4, 5])).toBe(-2);
    // Unequal sizes: variances 1 (n 3) and 10 (n 5), pooled sqrt((2·1 + 4·10) / 6) = sqrt(7).
    expect(cohensD([1, 2, 3], [1, 3, 5, 7, 9])).toBeCloseTo((2 - 5) / Math.sqrt(7), 12);
    expect(cohensD([1], [1, 2])).toBeNull();
    expect(cohensD([2, 2], [2, 2])).toBeNull();
  });
});
