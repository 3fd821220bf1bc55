import { describe, expect, it } from 'vitest';
import { discoveries, isSpike, poissonUpperTail } from './spikes.js';

describe('poissonUpperTail', () => {
  it('matches the Poisson distribution summed by hand', () => {
    // P(X ≥ 5 | λ = 1) = 1 − e^−1 (1 + 1 + 1/2 + 1/6 + 1/24)
    expect(poissonUpperTail(5, 1)).toBeCloseTo(1 - Math.exp(-1) * (1 + 1 + 1 / 2 + 1 / 6 + 1 / 24), 12);
    // P(X ≥ 1 | λ = 2) = 1 − e^−2
    expect(poissonUpperTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 12);
    expect(poissonUpperTail(0, 3)).toBe(1);
  });

  it('stays accurate far in the tail and for large means', () => {
    // 1 − Σ_{i<60} e^−30 30^i / i! with 60-digit decimals (Python's decimal) = 9.2518688049150570e-7
    expect(poissonUpperTail(60, 30) / 9.251868804915057e-7).toBeCloseTo(1, 10);
    expect(poissonUpperTail(2000, 1000)).toBeGreaterThan(0);
    expect(poissonUpperTail(2000, 1000)).toBeLessThan(1e-100);
    expect(poissonUpperTail(1000, 1000)).toBeCloseTo(0.5042052441802155, 8); // same way
  });

  it('is zero for any count when the mean is zero', () => {
    expect(poissonUpperTail(1, 0)).toBe(0);
  });

  it('rejects a negative or fractional count', () => {
    expect(() => poissonUpperTail(-1, 1)).toThrow(/whole number/);
    expect(() => poissonUpperTail(1.5, 1)).toThrow(/whole number/);
  });
});

describe('discoveries (Benjamini–Hochberg)', () => {
  it('rejects up to the largest p-value under its step k·q/m', () => {
    expect(discoveries([0.001, 0.04, 0.2], 0.05)).toEqual([true, false, false]);
    // 0.03 > 1 × 0.05 / 3 but ≤ 2 × 0.05 / 3, so both smallest go: the step-up takes every p below the cut.
    expect(discoveries([0.03, 0.2, 0.01], 0.05)).toEqual([true, false, true]);
    expect(discoveries([0.02, 0.03, 0.04, 0.05], 0.05)).toEqual([true, true, true, true]);
    expect(discoveries([], 0.05)).toEqual([]);
  });
});

describe('isSpike', () => {
  it('flags a week far above a steady baseline', () => {
    const verdict = isSpike(9, [1, 0, 2, 1, 0, 1, 1, 2]);
    expect(verdict?.spike).toBe(true);
    expect(verdict?.baselineMean).toBe(1);
    expect(verdict?.pValue).toBeLessThan(1e-5);
  });

  it('does not flag an ordinary week of a busy label', () => {
    // λ = 20; 26 mentions has p ≈ 0.11
    expect(isSpike(26, [20, 18, 22, 21, 19, 20, 20, 20])?.spike).toBe(false);
  });

  it('needs the minimum count even when the baseline is silent', () => {
    expect(isSpike(4, [0, 0, 0, 0, 0, 0, 0, 0])?.spike).toBe(false);
    expect(isSpike(5, [0, 0, 0, 0, 0, 0, 0, 0])?.spike).toBe(true);
  });

  it('uses only the last baseline weeks and gives no verdict on too short a past', () => {
    // An old busy stretch beyond the 8 baseline weeks does not hide a spike.
    expect(isSpike(8, [40, 40, 40, 1, 1, 0, 1, 1, 0, 1, 1])?.baselineMean).toBe(0.75);
    expect(isSpike(30, [1, 1, 1])).toBeNull();
  });
});
