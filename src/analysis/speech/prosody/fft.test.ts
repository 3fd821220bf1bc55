import { describe, expect, it } from 'vitest';
import { Autocorrelator } from './fft.js';

describe('Autocorrelator', () => {
  it('equals the direct sum Σ x[i]·x[i+τ] of a zero-padded frame', () => {
    const size = 1024;
    const used = 638;
    const frame = new Float64Array(size);
    let seed = 7;
    for (let i = 0; i < used; i++) {
      seed = (seed * 16807) % 2147483647;
      frame[i] = seed / 2147483647 - 0.5 + Math.sin(i / 9);
    }
    const out = new Float64Array(320);
    new Autocorrelator(size).compute(frame, out, 320);
    // The FFT result is unnormalised (scaled by half the size); compare shapes via lag 0.
    const scale = out[0]! / frame.reduce((s, x) => s + x * x, 0);
    for (const lag of [0, 1, 2, 37, 160, 213, 319]) {
      let direct = 0;
      for (let i = 0; i + lag < used; i++) direct += frame[i]! * frame[i + lag]!;
      expect(out[lag]! / scale).toBeCloseTo(direct, 8);
    }
  });

  it('rejects a size that is not a power of two', () => {
    expect(() => new Autocorrelator(1000)).toThrow(/power of two/);
  });
});
