import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeIntensity } from './intensity.js';
import { analyzePitch } from './pitch.js';
import {
  findPauses,
  interpolatedMaximum,
  pauseThreshold,
  quantile,
  silenceThreshold,
  voicedIntervals,
} from './pauses.js';
import { concat, decodeToFloat32, glottalPulses, readWav16, sine, SPEECH_DIR } from './test-helpers.js';
import { need, requires } from '../../../test-helpers.js';

const realIt = requires(
  need.tool('ffmpeg'),
  need.sharedData('speech/jfk.flac'),
  need.sharedData('speech/librivox'),
).it;

function pausesOf(samples: Float32Array) {
  return findPauses(analyzeIntensity(samples, 16000), samples.length / 16000).pauses;
}

describe('findPauses', () => {
  it('finds a 0.5 s silence between two tones, at the right place', () => {
    const pauses = pausesOf(concat(sine(220, 1, 0.1), new Float32Array(8000), sine(220, 1, 0.1)));
    expect(pauses).toHaveLength(1);
    expect(pauses[0]!.position).toBe('internal');
    expect(pauses[0]!.start).toBeCloseTo(1.0, 1);
    expect(pauses[0]!.end).toBeCloseTo(1.5, 1);
  });

  it('does not count a 150 ms gap as a pause', () => {
    expect(pausesOf(concat(sine(220, 1, 0.1), new Float32Array(2400), sine(220, 1, 0.1)))).toEqual([]);
  });

  it('keeps one pause when a 20 ms click interrupts the silence', () => {
    const silence = new Float32Array(6400);
    const samples = concat(sine(220, 1, 0.1), silence, sine(1000, 0.02, 0.1), silence, sine(220, 1, 0.1));
    const pauses = pausesOf(samples);
    expect(pauses).toHaveLength(1);
    expect(pauses[0]!.end - pauses[0]!.start).toBeGreaterThan(0.7);
  });

  it('keeps a pause that a click splits into two halves shorter than 250 ms (Praat: sounding first)', () => {
    const half = new Float32Array(0.18 * 16000);
    const samples = concat(sine(220, 1, 0.1), half, sine(1000, 0.03, 0.1), half, sine(220, 1, 0.1));
    const pauses = pausesOf(samples);
    expect(pauses).toHaveLength(1);
    expect(pauses[0]!.start).toBeCloseTo(1.0, 1);
    expect(pauses[0]!.end).toBeCloseTo(1.39, 1);
  });

  it('makes digital silence one long pause', () => {
    const pauses = pausesOf(new Float32Array(3 * 16000));
    expect(pauses).toEqual([{ start: 0, end: 3, position: 'leading' }]);
  });

  it('sets the pause threshold 25 dB below the interpolated maximum (Praat), never under the minimum or floor', () => {
    const db = Float32Array.from([40, 50, 60, 71, 70, 60, 50]);
    expect(interpolatedMaximum(db)).toBeCloseTo(71 + (0.5 * 5 ** 2) / 12, 6);
    expect(pauseThreshold(db)).toBeCloseTo(46 + (0.5 * 5 ** 2) / 12, 6);
    expect(pauseThreshold(Float32Array.from([60, 62, 61]))).toBe(60);
    expect(pauseThreshold(new Float32Array(50).fill(-300))).toBe(20);
  });

  it('sets the nuclei threshold 25 dB below the 0.99 quantile, never under the floor', () => {
    const db = Float32Array.from({ length: 100 }, (_, i) => 40 + i * 0.3);
    expect(silenceThreshold(db)).toBeCloseTo(quantile(Float64Array.from(db).sort(), 0.99) - 25, 5);
    expect(silenceThreshold(new Float32Array(50).fill(-300))).toBe(20);
  });

  realIt(`finds the pause inserted between two real utterances (LibriVox)`, () => {
    const dir = path.join(SPEECH_DIR, 'librivox');
    const first = readWav16(path.join(dir, 'sense_and_sensibility_01_austen_64kb-0880.wav')).samples;
    const second = readWav16(path.join(dir, 'sense_and_sensibility_01_austen_64kb-0930.wav')).samples;
    const gapStart = first.length / 16000;
    const pauses = pausesOf(concat(first, new Float32Array(0.7 * 16000), second));
    const gap = pauses.find((p) => p.position === 'internal' && p.start < gapStart + 0.7 && p.end > gapStart);
    expect(gap).toBeDefined();
    expect(gap!.start).toBeLessThanOrEqual(gapStart + 0.05);
    expect(gap!.end).toBeGreaterThanOrEqual(gapStart + 0.65);
  });

  realIt(`finds JFK's two rhetorical pauses, each where the intensity stays low`, () => {
    const samples = decodeToFloat32(path.join(SPEECH_DIR, 'jfk.flac'));
    const intensity = analyzeIntensity(samples, 16000);
    const { pauses, thresholdDb } = findPauses(intensity, samples.length / 16000);
    // "…my fellow Americans, [pause] ask not what your country can do for you, [pause] ask what you…"
    const long = pauses.filter((p) => p.position === 'internal' && p.end - p.start >= 0.5);
    expect(long.length).toBeGreaterThanOrEqual(2);
    for (const p of pauses) {
      const inside = Array.from(intensity.db).filter(
        (_, j) => intensity.times[j]! >= p.start && intensity.times[j]! < p.end,
      );
      const low = inside.filter((v) => v < thresholdDb).length;
      // Sounding blips shorter than 0.1 s inside a pause belong to it (Praat does the same).
      expect(low / inside.length).toBeGreaterThan(0.7);
    }
  });
});

describe('voicedIntervals', () => {
  it('returns the voiced stretch of a tone followed by silence', () => {
    const intervals = voicedIntervals(
      analyzePitch(concat(glottalPulses(120, 0.6), new Float32Array(8000)), 16000),
    );
    expect(intervals).toHaveLength(1);
    expect(intervals[0]!.start).toBeLessThan(0.05);
    expect(intervals[0]!.end).toBeCloseTo(0.6, 1);
  });
});
