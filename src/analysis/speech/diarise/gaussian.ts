/**
 * Sufficient statistics of a full-covariance Gaussian over feature frames (count, sum, sum of outer
 * products), the log-determinant of its maximum-likelihood covariance, and the Bayesian information
 * criterion that compares one Gaussian for two stretches of speech with one Gaussian each
 * (Chen & Gopalakrishnan 1998, "Speaker, environment and channel change detection and clustering
 * via the Bayesian information criterion", DARPA Broadcast News Workshop):
 *
 *   ΔBIC = N/2·log|Σ| − N₁/2·log|Σ₁| − N₂/2·log|Σ₂| − λ·½·(d + d(d+1)/2)·log N
 *
 * ΔBIC > 0 says two models explain the frames better than one even after paying for the extra
 * parameters: a different speaker. λ = 1 is the criterion itself, not a tuned value. N counts
 * independent observations (see {@link independentShare}).
 */

/** Numbers per frame in a statistics vector: 1 (count) + d (sum) + d(d+1)/2 (upper triangle of Σxxᵀ). */
export const statsLength = (d: number): number => 1 + d + (d * (d + 1)) / 2;

/** Adds frame `x` (d values from `offset`) to the statistics `s` (at `at`). */
export function addFrame(s: Float64Array, at: number, x: ArrayLike<number>, offset: number, d: number): void {
  s[at] = s[at]! + 1;
  let k = at + 1 + d;
  for (let i = 0; i < d; i++) {
    const xi = x[offset + i]!;
    s[at + 1 + i] = s[at + 1 + i]! + xi;
    for (let j = i; j < d; j++) s[k] = s[k++]! + xi * x[offset + j]!;
  }
}

/**
 * log|Σ| of the ML covariance of statistics `s` (at `at`, or the difference `s[at] − minus[mAt]` when
 * `minus` is given: a stretch between two prefix sums). A ridge of 1e-6 × the mean variance keeps a
 * degenerate stretch (digital silence, too few frames) finite. `work` holds d² numbers.
 */
export function logDetCovariance(
  d: number,
  work: Float64Array,
  s: Float64Array,
  at: number,
  minus?: Float64Array,
  mAt = 0,
): number {
  const get = (k: number): number => s[at + k]! - (minus ? minus[mAt + k]! : 0);
  const n = get(0);
  if (n <= 0) return 0;
  let k = 1 + d;
  let trace = 0;
  for (let i = 0; i < d; i++) {
    const mi = get(1 + i) / n;
    for (let j = i; j < d; j++) {
      const c = get(k++) / n - mi * (get(1 + j) / n);
      work[i * d + j] = c;
      work[j * d + i] = c;
      if (i === j) trace += c;
    }
  }
  const ridge = Math.max((1e-6 * trace) / d, 1e-12);
  for (let i = 0; i < d; i++) work[i * d + i] = work[i * d + i]! + ridge;
  return choleskyLogDet(work, d);
}

/** log-determinant of a symmetric positive-definite d×d matrix (in place, Cholesky). */
export function choleskyLogDet(a: Float64Array, d: number): number {
  let logDet = 0;
  for (let j = 0; j < d; j++) {
    let diag = a[j * d + j]!;
    for (let k = 0; k < j; k++) diag -= a[j * d + k]! * a[j * d + k]!;
    if (diag <= 0) diag = 1e-300;
    const l = Math.sqrt(diag);
    a[j * d + j] = l;
    logDet += 2 * Math.log(l);
    for (let i = j + 1; i < d; i++) {
      let v = a[i * d + j]!;
      for (let k = 0; k < j; k++) v -= a[i * d + k]! * a[j * d + k]!;
      a[i * d + j] = v / l;
    }
  }
  return logDet;
}

/** The BIC penalty for one extra full-covariance Gaussian over N frames of dimension d, λ = 1. */
export const bicPenalty = (d: number, n: number): number => 0.5 * (d + (d * (d + 1)) / 2) * Math.log(n);

/**
 * ΔBIC of two stretches given their counts and log-determinants and those of their union.
 * @example deltaBic({ n: 300, logDet: 1.2 }, { n: 200, logDet: 0.4 }, { n: 100, logDet: 0.1 }, 12, 1)
 */
export function deltaBic(
  union: { n: number; logDet: number },
  left: { n: number; logDet: number },
  right: { n: number; logDet: number },
  d: number,
  lambda: number,
  independence = 1,
): number {
  return (
    0.5 * independence * (union.n * union.logDet - left.n * left.logDet - right.n * right.logDet) -
    lambda * bicPenalty(d, independence * union.n)
  );
}

/**
 * The share of frames that are independent observations: BIC assumes independent samples, but a
 * 25 ms window every 10 ms puts each sample in 2.5 frames, so N frames hold about N·step/window
 * independent observations. Both the likelihood and the penalty count those.
 * @example independentShare(0.01, 0.025) // 0.4
 */
export const independentShare = (stepSeconds: number, windowSeconds: number): number =>
  Math.min(1, stepSeconds / windowSeconds);
