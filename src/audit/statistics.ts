/**
 * The statistics of an adverse-impact audit, as pure functions over counts and scores: Fisher's
 * exact test, the two-proportion z-test, the choice between them, the median, and the
 * standardised mean difference (Cohen's d).
 */

/** A 2×2 table of counts: rows are two groups, columns are [selected, not selected]. */
export type TwoByTwo = readonly [readonly [number, number], readonly [number, number]];

const logFactorials: number[] = [0];

/** ln(n!), from a table grown on demand (exact sums, no approximation). */
function logFactorial(n: number): number {
  for (let k = logFactorials.length; k <= n; k++) logFactorials.push(logFactorials[k - 1]! + Math.log(k));
  return logFactorials[n]!;
}

/** ln of the hypergeometric probability of `x` in the top-left cell with the table's margins. */
function logHypergeometric(x: number, row1: number, row2: number, col1: number): number {
  const n = row1 + row2;
  return (
    logFactorial(row1) -
    logFactorial(x) -
    logFactorial(row1 - x) +
    logFactorial(row2) -
    logFactorial(col1 - x) -
    logFactorial(row2 - col1 + x) -
    (logFactorial(n) - logFactorial(col1) - logFactorial(n - col1))
  );
}

/**
 * Fisher's exact test, two-sided: the probability, with the table's margins fixed, of a table at
 * most as probable as the one observed (the definition R's `fisher.test` uses, with its relative
 * tolerance of 1e-7 for ties).
 *
 * @example fisherExact([[3, 1], [1, 3]]) // 0.4857… (Fisher's lady tasting tea)
 */
export function fisherExact(table: TwoByTwo): number {
  const [[a, b], [c, d]] = table;
  const row1 = a + b;
  const row2 = c + d;
  const col1 = a + c;
  const low = Math.max(0, col1 - row2);
  const high = Math.min(row1, col1);
  const observed = logHypergeometric(a, row1, row2, col1);
  const cutoff = observed + Math.log1p(1e-7);
  let p = 0;
  for (let x = low; x <= high; x++) {
    const lp = logHypergeometric(x, row1, row2, col1);
    if (lp <= cutoff) p += Math.exp(lp);
  }
  return Math.min(1, p);
}

/**
 * erfc(x) with fractional error below 1.2e-7 (Press et al., Numerical Recipes, 2nd ed., §6.2,
 * `erfcc`: a Chebyshev fit).
 */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** The standard normal distribution function Φ(z). @example normalCdf(1.96) // 0.975 */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/**
 * The two-proportion z-test with the pooled proportion, two-sided. Returns z (first row's rate
 * minus the second's, in standard errors) and p; p is 1 when both rates are 0 or both 1.
 *
 * @example twoProportionZTest([[80, 40], [12, 28]]) // { z: 3.99…, p: 0.0000660… }
 */
export function twoProportionZTest(table: TwoByTwo): { z: number; p: number } {
  const [[a, b], [c, d]] = table;
  const n1 = a + b;
  const n2 = c + d;
  const pooled = (a + c) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0 || n1 === 0 || n2 === 0) return { z: 0, p: 1 };
  const z = (a / n1 - c / n2) / se;
  return { z, p: 2 * (1 - normalCdf(Math.abs(z))) };
}

/** Which test decided a comparison's p. */
export type SignificanceTest = 'fisher-exact' | 'two-proportion-z';

/** The smallest count a 2×2 table would have in each cell if the rows did not differ. */
export function smallestExpectedCount(table: TwoByTwo): number {
  const [[a, b], [c, d]] = table;
  const n = a + b + c + d;
  if (n === 0) return 0;
  const rows = [a + b, c + d];
  const cols = [a + c, b + d];
  return Math.min(...rows.flatMap((r) => cols.map((k) => (r * k) / n)));
}

/**
 * Whether two groups' rates differ beyond chance: Fisher's exact test when any expected cell count
 * is under 5 (where the normal approximation of the z-test fails; Cochran 1954), else the
 * two-proportion z-test.
 *
 * @example compareRates([[3, 1], [1, 3]]) // { test: 'fisher-exact', p: 0.4857… }
 */
export function compareRates(table: TwoByTwo): { test: SignificanceTest; p: number } {
  if (smallestExpectedCount(table) < 5) return { test: 'fisher-exact', p: fisherExact(table) };
  return { test: 'two-proportion-z', p: twoProportionZTest(table).p };
}

/** The median of numbers (mean of the middle two for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function meanAndVariance(values: readonly number[]): { mean: number; variance: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
}

/**
 * Cohen's d: the difference of two groups' mean scores over their pooled standard deviation
 * (Cohen 1988, eq. 2.3.2). Negative when the first group scores lower. Null when either group has
 * fewer than two scores or every score is the same.
 *
 * @example cohensD([1, 2, 3], [3, 4, 5]) // -2
 */
export function cohensD(group: readonly number[], reference: readonly number[]): number | null {
  if (group.length < 2 || reference.length < 2) return null;
  const g = meanAndVariance(group);
  const r = meanAndVariance(reference);
  const pooled = Math.sqrt(
    ((group.length - 1) * g.variance + (reference.length - 1) * r.variance) /
      (group.length + reference.length - 2),
  );
  if (pooled === 0) return null;
  return (g.mean - r.mean) / pooled;
}
