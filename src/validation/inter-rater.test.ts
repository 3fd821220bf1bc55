import { describe, expect, it } from 'vitest';
import { CandorError } from '../core/index.js';
import { iccTwoWayRandom, krippendorffAlphaInterval } from './inter-rater.js';

/** Shrout & Fleiss (1979), Table 2: 6 targets rated by 4 judges. */
const SHROUT_FLEISS = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers
 * (A–D) × 12 units with missing data, here transposed to units × observers.
 */
const O = null;
const KRIPPENDORFF_OBSERVERS = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, O, O, O],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, O, 3],
  [O, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, O],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, O],
];
const KRIPPENDORFF_UNITS = KRIPPENDORFF_OBSERVERS[0]!.map((_, unit) =>
  KRIPPENDORFF_OBSERVERS.map((observer) => observer[unit]!),
);

/**
 * Independent check: alpha from the coincidence matrix, as Krippendorff (2011) computes it
 * step by step (o_ck = Σ_u pairs(c,k in u) / (m_u − 1); D_e from the marginals n_c).
 */
function alphaFromCoincidences(units: readonly (readonly (number | null)[])[]): number {
  const coincidences = new Map<string, number>();
  for (const unit of units) {
    const values = unit.filter((v): v is number => v !== null);
    if (values.length < 2) continue;
    values.forEach((c, i) =>
      values.forEach((k, j) => {
        if (i === j) return;
        const key = `${c}|${k}`;
        coincidences.set(key, (coincidences.get(key) ?? 0) + 1 / (values.length - 1));
      }),
    );
  }
  const marginals = new Map<number, number>();
  let observed = 0;
  let n = 0;
  for (const [key, count] of coincidences) {
    const [c, k] = key.split('|').map(Number) as [number, number];
    marginals.set(c, (marginals.get(c) ?? 0) + count);
    observed += count * (c - k) ** 2;
    n += count;
  }
  let expected = 0;
  for (const [c, nc] of marginals) for (const [k, nk] of marginals) expected += nc * nk * (c - k) ** 2;
  return 1 - ((n - 1) * observed) / expected;
}

describe('iccTwoWayRandom', () => {
  it('matches Shrout & Fleiss (1979): ICC(2,1) = 0.29, ICC(2,4) = 0.62', () => {
    const icc = iccTwoWayRandom(SHROUT_FLEISS);
    expect(icc.single).toBeCloseTo(0.29, 2);
    expect(icc.average).toBeCloseTo(0.62, 2);
    expect(icc).toMatchObject({ targets: 6, raters: 4 });
    // Their ANOVA table: BMS = 11.24, JMS = 32.49, EMS = 1.02.
    expect(icc.targetsMeanSquare).toBeCloseTo(11.24, 2);
    expect(icc.ratersMeanSquare).toBeCloseTo(32.49, 2);
    expect(icc.errorMeanSquare).toBeCloseTo(1.02, 2);
  });

  it('is 1 when raters agree exactly and targets differ', () => {
    const icc = iccTwoWayRandom([
      [1, 1],
      [2, 2],
      [5, 5],
    ]);
    expect(icc.single).toBeCloseTo(1, 10);
    expect(icc.average).toBeCloseTo(1, 10);
  });

  it('refuses one rater, one target, missing ratings and no variance, saying why', () => {
    expect(() => iccTwoWayRandom([[1], [2], [3]])).toThrow(/at least 2 raters, got 1/);
    expect(() => iccTwoWayRandom([[1, 2]])).toThrow(/at least 2 rated targets, got 1/);
    expect(() =>
      iccTwoWayRandom([
        [1, 2],
        [3, Number.NaN],
      ]),
    ).toThrow(/target 1 by rater 1 is missing/);
    expect(() => iccTwoWayRandom([[1, 2], [3]])).toThrow(/target 1 has 1 ratings, expected 2/);
    expect(() => iccTwoWayRandom(Array.from({ length: 7 }, () => [0.1, 0.1, 0.1]))).toThrow(/no variance/);
    expect(() => krippendorffAlphaInterval(Array.from({ length: 7 }, () => [0.1, 0.1, 0.1]))).toThrow(
      /no variance/,
    );
    const flat = (): unknown =>
      iccTwoWayRandom([
        [4, 4],
        [4, 4],
      ]);
    expect(flat).toThrow(CandorError);
    expect(flat).toThrow(/ICC\(2,k\) cannot be computed: every rating is the same value/);
  });
});

describe('krippendorffAlphaInterval', () => {
  it("matches Krippendorff's (2011) worked example with missing data: interval alpha = 0.849", () => {
    expect(krippendorffAlphaInterval(KRIPPENDORFF_UNITS)).toBeCloseTo(0.849, 3);
  });

  it('agrees with the coincidence-matrix computation on irregular data', () => {
    const units = [
      [1.5, 2, null, 4],
      [3, null, 3.5, null],
      [null, 7, 6, 6.5],
      [2, 2, 2, null],
      [5, null, null, null],
      [0, 1, 0.5, 2],
    ];
    expect(krippendorffAlphaInterval(units)).toBeCloseTo(alphaFromCoincidences(units), 12);
    expect(alphaFromCoincidences(KRIPPENDORFF_UNITS)).toBeCloseTo(0.849, 3);
  });

  it('is 1 for perfect agreement and below 0 for systematic disagreement', () => {
    expect(
      krippendorffAlphaInterval([
        [1, 1],
        [2, 2],
        [3, null, 3],
      ]),
    ).toBe(1);
    expect(
      krippendorffAlphaInterval([
        [1, 3],
        [3, 1],
      ]),
    ).toBeLessThan(0);
  });

  it('refuses one rater, too few pairable units and no variance, saying why', () => {
    expect(() => krippendorffAlphaInterval([[1], [2]])).toThrow(/at least 2 raters, got 1/);
    expect(() =>
      krippendorffAlphaInterval([
        [1, 2],
        [3, null],
        [null, 4],
      ]),
    ).toThrow(/at least 2 units rated by 2 or more raters, got 1/);
    expect(() =>
      krippendorffAlphaInterval([
        [2, 2],
        [2, 2, null],
      ]),
    ).toThrow(/Krippendorff's alpha cannot be computed: every pairable rating is the same value/);
  });
});
