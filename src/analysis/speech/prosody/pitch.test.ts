import { describe, expect, it } from 'vitest';
import { CandorError } from '../../../core/index.js';
import { analyzePitch, PitchAccumulator } from './pitch.js';
import { concat, glottalPulses, sine } from './test-helpers.js';

function voiced(f0: Float32Array): number[] {
  return Array.from(f0).filter((f) => f > 0);
}

describe('analyzePitch', () => {
  it('finds 200 Hz in a 200 Hz sine, within 1 % in every voiced frame', () => {
    const track = analyzePitch(sine(200, 1), 16000);
    const v = voiced(track.f0);
    expect(v.length).toBeGreaterThan(0.9 * track.f0.length);
    for (const f of v) expect(Math.abs(f / 200 - 1)).toBeLessThan(0.01);
  });

  it('finds 120 Hz in a train of glottal pulses, within 1 %', () => {
    const track = analyzePitch(glottalPulses(120, 1), 16000);
    const v = voiced(track.f0);
    expect(v.length).toBeGreaterThan(0.9 * track.f0.length);
    for (const f of v) expect(Math.abs(f / 120 - 1)).toBeLessThan(0.01);
  });

  it("places frames on Praat's centred 10 ms grid (floor 75 Hz → 40 ms window)", () => {
    // 1 s at 16 kHz: floor((1 − 0.04) / 0.01) + 1 = 97 frames, centred: first at 0.02 s.
    const track = analyzePitch(sine(200, 1), 16000);
    expect(track.f0.length).toBe(97);
    expect(track.firstTime).toBeCloseTo(0.02, 12);
    expect(track.times[96]).toBeCloseTo(0.98, 12);
  });

  it('gives no voiced frame in digital silence', () => {
    const track = analyzePitch(new Float32Array(16000), 16000);
    expect(track.f0.length).toBe(97);
    expect(voiced(track.f0)).toEqual([]);
  });

  it('turns voicing off where a tone stops (silence threshold)', () => {
    const track = analyzePitch(concat(sine(150, 0.5), new Float32Array(8000)), 16000);
    const at = (t: number) => track.f0[Math.round((t - track.firstTime) / track.timeStep)]!;
    expect(at(0.25)).toBeCloseTo(150, 0);
    expect(at(0.8)).toBe(0);
  });

  it('ignores pitch above the ceiling', () => {
    const track = analyzePitch(sine(300, 1), 16000, { ceiling: 250 });
    expect(voiced(track.f0).filter((f) => f > 250)).toEqual([]);
  });

  it('gives the same contour however the stream is chunked', () => {
    const samples = concat(glottalPulses(110, 0.7), new Float32Array(3000), sine(210, 0.6));
    const whole = analyzePitch(samples, 16000);
    const acc = new PitchAccumulator(16000, { totalSamples: samples.length });
    for (let i = 0; i < samples.length; i += 777) acc.push(samples.subarray(i, i + 777));
    const chunked = acc.finish();
    expect(chunked.f0).toEqual(whole.f0);
    expect(chunked.times).toEqual(whole.times);
  });

  it('rejects unusable input with a CandorError naming the field', () => {
    expect(() => analyzePitch([0, 1] as unknown as Float32Array, 16000)).toThrow(CandorError);
    expect(() => analyzePitch(new Float32Array(16000), 0)).toThrow(/sample rate/);
    expect(() => analyzePitch(new Float32Array(16000), 16000, { floor: 700 })).toThrow(/floor/);
    const withNaN = new Float32Array(16000);
    withNaN[123] = NaN;
    try {
      analyzePitch(withNaN, 16000);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CandorError);
      expect((error as CandorError).details).toMatchObject({ field: 'samples', index: 123 });
    }
  });
});
