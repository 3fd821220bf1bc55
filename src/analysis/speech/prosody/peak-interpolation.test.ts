import { describe, expect, it } from 'vitest';
import { improveMaximum, interpolateSinc, minimizeBrent } from './peak-interpolation.js';

/** A slowly varying band-limited curve sampled at integers 1 … n (stored 0-based). */
function sampled(n: number, f: (x: number) => number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => f(i + 1));
}

describe('interpolateSinc', () => {
  const curve = (x: number) => Math.cos((2 * Math.PI * x) / 40) + 0.3 * Math.sin((2 * Math.PI * x) / 23);
  const y = sampled(400, curve);

  it('passes through the samples', () => {
    expect(interpolateSinc(y, 400, 200, 70)).toBe(y[199]);
  });

  it('reconstructs a band-limited curve between samples (depths 30, 70 and 700)', () => {
    for (const depth of [30, 70, 700]) {
      for (const x of [150.25, 200.5, 233.9]) {
        expect(interpolateSinc(y, 400, x, depth)).toBeCloseTo(curve(x), 3);
      }
    }
  });

  it('extrapolates as a constant outside the samples', () => {
    expect(interpolateSinc(y, 400, 0.5, 70)).toBe(y[0]);
    expect(interpolateSinc(y, 400, 401, 70)).toBe(y[399]);
  });
});

describe('minimizeBrent and improveMaximum', () => {
  it('finds the minimum of a parabola', () => {
    const value = new Float64Array(1);
    const x = minimizeBrent((t) => (t - 1.234) ** 2 + 5, 0, 3, 1e-10, value);
    expect(x).toBeCloseTo(1.234, 6);
    expect(value[0]).toBeCloseTo(5, 10);
  });

  it('finds a peak between samples to a small fraction of a sample', () => {
    const peak = 100.37;
    const y = sampled(300, (x) => Math.cos((2 * Math.PI * (x - peak)) / 20));
    const position = new Float64Array(1);
    const height = improveMaximum(y, 300, 100, 70, position);
    expect(position[0]).toBeCloseTo(peak, 4);
    expect(height).toBeCloseTo(1, 4);
  });
});
