/**
 * Agreement between a model's scores and people's ratings: Pearson r, Spearman rho and mean
 * absolute error. Each throws a VALIDATION_FAILED CandorError, saying why, where it is undefined.
 */
import { CandorError } from '../core/index.js';

function undefinedStatistic(statistic: string, reason: string, details: Record<string, unknown> = {}) {
  return new CandorError('VALIDATION_FAILED', `${statistic} cannot be computed: ${reason}`, {
    statistic,
    ...details,
  });
}

function checkPairs(statistic: string, x: readonly number[], y: readonly number[], minimum: number): void {
  if (x.length !== y.length) {
    throw undefinedStatistic(statistic, `the two series differ in length (${x.length} and ${y.length})`);
  }
  if (x.length < minimum) {
    throw undefinedStatistic(statistic, `needs at least ${minimum} pairs, got ${x.length}`, {
      pairs: x.length,
    });
  }
  const bad = [...x, ...y].findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) {
    const index = bad % x.length;
    throw undefinedStatistic(
      statistic,
      `value ${index} of the ${bad < x.length ? 'first' : 'second'} series is not a number`,
      {
        index,
      },
    );
  }
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/**
 * Pearson product-moment correlation. Needs 3 or more pairs (with 2, r is always ±1) and some
 * variance in both series. `statistic` names it in error messages (Spearman passes its own name).
 *
 * @example pearson([1, 2, 3, 4], [2, 4, 5, 9]) // ≈ 0.96
 */
export function pearson(x: readonly number[], y: readonly number[], statistic = 'Pearson r'): number {
  checkPairs(statistic, x, y, 3);
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  x.forEach((xi, i) => {
    const dx = xi - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  });
  // Constancy is tested on the values, not as sxx === 0: the mean of equal decimals can differ
  // from them in the last bit, leaving a tiny nonzero sum of squares.
  const constantX = x.every((v) => v === x[0]);
  if (constantX || y.every((v) => v === y[0])) {
    throw undefinedStatistic(statistic, `the ${constantX ? 'first' : 'second'} series has no variance`, {
      pairs: x.length,
    });
  }
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Ranks from 1, tied values getting the average of the ranks they span.
 *
 * @example averageRanks([10, 20, 20, 30]) // [1, 2.5, 2.5, 4]
 */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end++;
    const rank = (start + end) / 2 + 1;
    for (let i = start; i <= end; i++) ranks[order[i]!.index] = rank;
    start = end + 1;
  }
  return ranks;
}

/**
 * Spearman rank correlation: Pearson r of the average ranks, so ties are handled exactly
 * (not with the 1 − 6Σd²/(n(n²−1)) shortcut, which is only right without ties).
 *
 * @example spearman([1, 2, 2, 3], [1, 3, 2, 4]) // 3/√10 ≈ 0.949
 */
export function spearman(x: readonly number[], y: readonly number[]): number {
  checkPairs('Spearman rho', x, y, 3);
  return pearson(averageRanks(x), averageRanks(y), 'Spearman rho');
}

/**
 * Mean absolute error between predictions and ratings, in the ratings' unit.
 *
 * @example meanAbsoluteError([3, 4, 5], [3, 5, 3]) // 1
 */
export function meanAbsoluteError(predicted: readonly number[], actual: readonly number[]): number {
  checkPairs('mean absolute error', predicted, actual, 1);
  return predicted.reduce((sum, p, i) => sum + Math.abs(p - actual[i]!), 0) / predicted.length;
}
