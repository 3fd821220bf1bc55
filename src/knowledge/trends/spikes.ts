/**
 * Spike alerts: a label mentioned far more in the last complete week than in its own recent
 * past. The model: a label's weekly mentions are Poisson with the mean of its baseline weeks; the
 * week is a spike when a count at least as high is that unlikely (upper tail p < 0.01) and is not
 * tiny. The same test that outbreak detection runs on weekly case counts against the same weeks of
 * past years (Farrington, Andrews, Beale & Catchpole 1996, "A statistical algorithm for the early
 * detection of outbreaks of infectious disease", J. R. Stat. Soc. A 159:547–563, which also raises
 * no alarm on fewer than 5 recent reports), here against the weeks just before. A workspace tests
 * every label each week, so the spikes of one week are also held to a false discovery rate of 5 %
 * across its labels (Benjamini & Hochberg 1995, "Controlling the false discovery rate: a practical
 * and powerful approach to multiple testing", J. R. Stat. Soc. B 57:289–300).
 */

/** What makes a week a spike. */
export interface SpikeRule {
  /** Weeks before the tested week that make its baseline. */
  readonly baselineWeeks: number;
  /** Fewer baseline weeks with data than this: no verdict (a new workspace has no past). */
  readonly minBaselineWeeks: number;
  /** Upper-tail probability under the baseline's Poisson below which the week is a spike. */
  readonly pValue: number;
  /** Mentions the week needs at least, whatever the baseline (Farrington et al. 1996: 5). */
  readonly minMentions: number;
  /**
   * Across the labels tested in one week, the expected share of false alerts among the alerts
   * (Benjamini & Hochberg 1995); see `discoveries`.
   */
  readonly falseDiscoveryRate: number;
}

export const DEFAULT_SPIKE_RULE: SpikeRule = {
  baselineWeeks: 8,
  minBaselineWeeks: 4,
  pValue: 0.01,
  minMentions: 5,
  falseDiscoveryRate: 0.05,
};

/**
 * Which of these p-values (one per hypothesis tested) the Benjamini–Hochberg step-up procedure
 * rejects at false discovery rate `q`: those at or below the largest p₍ₖ₎ with p₍ₖ₎ ≤ k·q/m, m
 * the number of p-values.
 * @example discoveries([0.001, 0.04, 0.2], 0.05) // [true, false, false] (0.04 > 2 × 0.05 / 3)
 */
export function discoveries(pValues: readonly number[], q: number): boolean[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  let cut = -Infinity;
  order.forEach(({ p }, k) => {
    if (p <= ((k + 1) * q) / m) cut = p;
  });
  return pValues.map((p) => p <= cut);
}

export interface SpikeVerdict {
  readonly spike: boolean;
  /** Mentions in the tested week. */
  readonly mentions: number;
  /** Mean weekly mentions of the baseline weeks. */
  readonly baselineMean: number;
  /** P(X ≥ mentions) for X ~ Poisson(baselineMean). */
  readonly pValue: number;
}

/**
 * P(X ≥ k) for X ~ Poisson(mean), summed in log space from k upward, so large counts neither
 * overflow nor lose the tail to 1 − (almost 1).
 * @example poissonUpperTail(5, 1) // 0.00366 (= 1 − P(X ≤ 4))
 */
export function poissonUpperTail(k: number, mean: number): number {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a whole number ≥ 0, got ${k}`);
  if (!(mean >= 0)) throw new RangeError(`mean must be ≥ 0, got ${mean}`);
  if (k === 0) return 1;
  if (mean === 0) return 0;
  if (k <= mean) {
    // Below the mean the tail is large: 1 − P(X < k), each term e^(−λ) λ^i / i! from its logarithm
    // (e^−λ alone underflows to 0 past λ ≈ 745).
    let logTerm = -mean;
    let below = 0;
    for (let i = 0; i < k; i++) {
      below += Math.exp(logTerm);
      logTerm += Math.log(mean) - Math.log(i + 1);
    }
    return Math.min(1, Math.max(0, 1 - below));
  }
  let logTerm = -mean + k * Math.log(mean) - logFactorial(k);
  let sum = 0;
  for (let i = k; ; i++) {
    const term = Math.exp(logTerm);
    sum += term;
    if (term < sum * 1e-15 || i > k + 10_000) break;
    logTerm += Math.log(mean) - Math.log(i + 1);
  }
  return Math.min(1, sum);
}

function logFactorial(n: number): number {
  let sum = 0;
  for (let i = 2; i <= n; i++) sum += Math.log(i);
  return sum;
}

/**
 * Whether a week's mentions are a spike against its baseline weeks (oldest first, zeros included;
 * only the last `rule.baselineWeeks` are used).
 * @example isSpike(9, [1, 0, 2, 1, 0, 1, 1, 2]) // { spike: true, mentions: 9, baselineMean: 1, pValue: 1.1e-6 }
 */
export function isSpike(
  mentions: number,
  baseline: readonly number[],
  rule: SpikeRule = DEFAULT_SPIKE_RULE,
): SpikeVerdict | null {
  const weeks = baseline.slice(-rule.baselineWeeks);
  if (weeks.length < rule.minBaselineWeeks) return null;
  const baselineMean = weeks.reduce((a, b) => a + b, 0) / weeks.length;
  const pValue = poissonUpperTail(mentions, baselineMean);
  return {
    spike: mentions >= rule.minMentions && pValue < rule.pValue,
    mentions,
    baselineMean,
    pValue,
  };
}
