import { describe, expect, it } from 'vitest';
import { analyzeIntensity, IntensityAccumulator } from './intensity.js';
import { concat, sine } from './test-helpers.js';

describe('analyzeIntensity', () => {
  it('reports a sine of amplitude A Pa as 10·log10((A²/2) / (2e-5)²) dB', () => {
    const track = analyzeIntensity(sine(440, 1, 0.1), 16000);
    const expected = 10 * Math.log10(0.1 ** 2 / 2 / 4e-10);
    for (const v of track.db) expect(v).toBeCloseTo(expected, 2);
  });

  it("uses Praat's grid: 8 ms steps, 64 ms window, centred", () => {
    // 1 s: floor((1 − 0.064) / 0.008) + 1 frames, where the division falls just below 117 in
    // floating point: Praat 6.3.07 gives 117 frames from 0.036 s for a 1 s sound, and so must we.
    const track = analyzeIntensity(sine(440, 1), 16000);
    expect(track.db.length).toBe(117);
    expect(track.times[0]).toBeCloseTo(0.036, 12);
    expect((track.times[0]! + track.times[116]!) / 2).toBeCloseTo(0.5, 12);
  });

  it('removes the mean pressure (a DC offset adds nothing)', () => {
    const tone = sine(300, 0.5, 0.05);
    const shifted = tone.map((x) => x + 0.3);
    const a = analyzeIntensity(tone, 16000).db;
    const b = analyzeIntensity(shifted, 16000).db;
    for (let j = 0; j < a.length; j++) expect(b[j]).toBeCloseTo(a[j]!, 2);
  });

  it('gives −300 dB for digital silence', () => {
    expect(new Set(analyzeIntensity(new Float32Array(8000), 16000).db)).toEqual(new Set([-300]));
  });

  it('gives the same contour however the stream is chunked', () => {
    const samples = concat(sine(200, 0.3, 0.2), new Float32Array(5000), sine(500, 0.4, 0.01));
    const whole = analyzeIntensity(samples, 16000);
    const acc = new IntensityAccumulator(16000, { totalSamples: samples.length });
    for (let i = 0; i < samples.length; i += 1001) acc.push(samples.subarray(i, i + 1001));
    expect(acc.finish().db).toEqual(whole.db);
  });
});
