/**
 * Inter-rater reliability: how far people agree with each other on a target. It is the ceiling
 * any model trained on their ratings can reach, so it is reported beside every validation.
 */
import { CandorError } from '../core/index.js';

/** ICC(2,1) and ICC(2,k) with the ANOVA mean squares they were computed from. */
export interface IccResult {
  /** ICC(2,1): reliability of one rater's score. */
  readonly single: number;
  /** ICC(2,k): reliability of the mean of the k raters' scores. */
  readonly average: number;
  readonly targets: number;
  readonly raters: number;
  /** Between-targets mean square (BMS in Shrout & Fleiss 1979). */
  readonly targetsMeanSquare: number;
  /** Between-raters mean square (JMS). */
  readonly ratersMeanSquare: number;
  /** Residual mean square (EMS). */
  readonly errorMeanSquare: number;
}

function undefinedStatistic(
  statistic: string,
  reason: string,
  details: Record<string, unknown>,
): CandorError {
  return new CandorError('VALIDATION_FAILED', `${statistic} cannot be computed: ${reason}`, {
    statistic,
    ...details,
  });
}

/**
 * Intraclass correlation, two-way random effects, absolute agreement (Shrout & Fleiss 1979,
 * cases 2 and 2k), from a complete targets × raters matrix: every rater rated every target.
 *
 * @example iccTwoWayRandom([[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8]]).average
 */
export function iccTwoWayRandom(ratings: readonly (readonly number[])[]): IccResult {
  const statistic = 'ICC(2,k)';
  const n = ratings.length;
  const k = ratings[0]?.length ?? 0;
  if (n < 2) throw undefinedStatistic(statistic, `needs at least 2 rated targets, got ${n}`, { targets: n });
  if (k < 2) throw undefinedStatistic(statistic, `needs at least 2 raters, got ${k}`, { raters: k });
  ratings.forEach((row, target) => {
    if (row.length !== k) {
      throw undefinedStatistic(statistic, `target ${target} has ${row.length} ratings, expected ${k}`, {
        target,
      });
    }
    row.forEach((value, rater) => {
      if (!Number.isFinite(value)) {
        throw undefinedStatistic(statistic, `rating of target ${target} by rater ${rater} is missing`, {
          target,
          rater,
        });
      }
    });
  });

  const grand = ratings.flat().reduce((sum, v) => sum + v, 0) / (n * k);
  const rowMeans = ratings.map((row) => row.reduce((sum, v) => sum + v, 0) / k);
  const colMeans = Array.from({ length: k }, (_, j) => ratings.reduce((sum, row) => sum + row[j]!, 0) / n);
  const ssTotal = ratings.flat().reduce((sum, v) => sum + (v - grand) ** 2, 0);
  const ssRows = k * rowMeans.reduce((sum, m) => sum + (m - grand) ** 2, 0);
  const ssCols = n * colMeans.reduce((sum, m) => sum + (m - grand) ** 2, 0);
  const ssError = ssTotal - ssRows - ssCols;
  const first = ratings[0]![0]!;
  // Compared exactly, not as ssTotal === 0: the mean of equal decimals is not always that decimal.
  if (ratings.every((row) => row.every((v) => v === first))) {
    throw undefinedStatistic(statistic, 'every rating is the same value, so there is no variance', {
      targets: n,
      raters: k,
    });
  }

  const bms = ssRows / (n - 1);
  const jms = ssCols / (k - 1);
  const ems = Math.max(0, ssError) / ((n - 1) * (k - 1));
  // Shrout & Fleiss (1979), Table 1: ICC(2,1) and ICC(2,k).
  const single = (bms - ems) / (bms + (k - 1) * ems + (k * (jms - ems)) / n);
  const average = (bms - ems) / (bms + (jms - ems) / n);
  return {
    single,
    average,
    targets: n,
    raters: k,
    targetsMeanSquare: bms,
    ratersMeanSquare: jms,
    errorMeanSquare: ems,
  };
}

/** Sum over ordered pairs i ≠ j of (v_i − v_j)², in O(m) as 2m·Σ(v − mean)² (centred, for precision). */
function pairSquares(values: readonly number[]): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return 2 * values.length * values.reduce((s, v) => s + (v - mean) ** 2, 0);
}

/**
 * Krippendorff's alpha for interval data (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability"), from a units × raters matrix where `null` marks a rating not given.
 * Units with fewer than two ratings are not pairable and are left out, as the paper does.
 * alpha = 1 − D_o / D_e with squared differences as the distance.
 *
 * @example krippendorffAlphaInterval([[1, 1, null], [2, 3, 2], [4, 4, 5]])
 */
export function krippendorffAlphaInterval(ratings: readonly (readonly (number | null)[])[]): number {
  const statistic = "Krippendorff's alpha";
  const raters = Math.max(0, ...ratings.map((row) => row.length));
  if (raters < 2) throw undefinedStatistic(statistic, `needs at least 2 raters, got ${raters}`, { raters });
  ratings.forEach((row, unit) =>
    row.forEach((value, rater) => {
      if (value !== null && !Number.isFinite(value)) {
        throw undefinedStatistic(statistic, `rating of unit ${unit} by rater ${rater} is not a number`, {
          unit,
          rater,
        });
      }
    }),
  );
  const pairable = ratings
    .map((row) => row.filter((v): v is number => v !== null))
    .filter((values) => values.length >= 2);
  if (pairable.length < 2) {
    throw undefinedStatistic(
      statistic,
      `needs at least 2 units rated by 2 or more raters, got ${pairable.length}`,
      { pairableUnits: pairable.length },
    );
  }
  const all = pairable.flat();
  const n = all.length;
  const observed = pairable.reduce((sum, values) => sum + pairSquares(values) / (values.length - 1), 0) / n;
  const expected = pairSquares(all) / (n * (n - 1));
  if (all.every((v) => v === all[0])) {
    throw undefinedStatistic(statistic, 'every pairable rating is the same value, so there is no variance', {
      pairableUnits: pairable.length,
    });
  }
  return 1 - observed / expected;
}
