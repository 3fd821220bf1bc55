import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CandorError } from '../../../core/index.js';
import { analyzePitch, PitchAccumulator } from './pitch.js';
import { analyzeProsody, ProsodyAccumulator } from './prosody.js';
import { concat, decodeToFloat32, glottalPulses, SPEECH_DIR } from './test-helpers.js';
import { need, requires } from '../../../test-helpers.js';

const realIt = requires(
  need.tool('ffmpeg'),
  need.sharedData('speech/jfk.flac'),
  need.sharedData('speech/librivox'),
).it;

/** Two "utterances" of glottal pulses at 110 and 140 Hz around a 0.6 s silence. */
function synthetic(): Float32Array {
  return concat(
    new Float32Array(3200),
    glottalPulses(110, 1.2),
    new Float32Array(9600),
    glottalPulses(140, 1),
  );
}

describe('analyzeProsody', () => {
  it('summarises pitch, pauses and voicing of a known signal', () => {
    const s = analyzeProsody(synthetic(), 16000);
    expect(s.durationSeconds).toBeCloseTo(3.0, 6);
    expect(s.pitch.p5Hz).toBeCloseTo(110, 0);
    expect(s.pitch.p95Hz).toBeCloseTo(140, 0);
    expect(s.pitch.rangeSemitones).toBeCloseTo(12 * Math.log2(140 / 110), 1);
    expect(s.voicedShare).toBeGreaterThan(0.6);
    expect(s.pauses.list.filter((p) => p.position === 'internal')).toHaveLength(1);
    const pause = s.pauses.list.find((p) => p.position === 'internal')!;
    expect(pause.start).toBeCloseTo(1.4, 1);
    expect(pause.end).toBeCloseTo(2.0, 1);
    expect(s.pauses.ratio).toBeCloseTo(s.pauses.totalSeconds / 3, 10);
    expect(s.phonationSeconds).toBeCloseTo(3 - s.pauses.totalSeconds, 10);
    expect(s.frames.pitch.f0).toBeInstanceOf(Float32Array);
    expect(s.frames.intensity.db.length).toBe(s.frames.intensity.times.length);
  });

  it('reports silence as unvoiced, with one pause over the whole signal', () => {
    const s = analyzeProsody(new Float32Array(2 * 16000), 16000);
    expect(s.voicedShare).toBe(0);
    expect(s.pitch.meanHz).toBeNull();
    expect(s.pauses.count).toBe(1);
    expect(s.pauses.longestSeconds).toBe(2);
    expect(s.pauses.ratio).toBe(1);
    expect(s.speakingRate.perMinute).toBe(0);
    expect(s.articulationRate.perMinute).toBeNull();
  });

  it('gives words per minute when word timings are given', () => {
    const words = Array.from({ length: 9 }, (_, i) => ({ start: 0.2 + i * 0.3, end: 0.4 + i * 0.3 }));
    const s = analyzeProsody(synthetic(), 16000, { words });
    expect(s.speakingRate).toEqual({ perMinute: (9 / 3) * 60, unit: 'words', basis: 'word timings' });
    expect(s.articulationRate.perMinute).toBeCloseTo((9 / s.phonationSeconds) * 60, 10);
  });

  it('rejects bad input with a CandorError that names the field', () => {
    const bad = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        expect(error).toBeInstanceOf(CandorError);
        return (error as CandorError).details;
      }
      throw new Error('expected a CandorError');
    };
    expect(
      bad(() =>
        analyzeProsody(synthetic(), 16000, {
          words: [
            { start: 0, end: 1 },
            { start: -1, end: 2 },
          ],
        }),
      ),
    ).toEqual({
      field: 'words[1].start',
    });
    expect(bad(() => analyzeProsody(new Float32Array(500), 16000))).toMatchObject({ field: 'samples' });
    expect(bad(() => analyzeProsody(new Float64Array(16000) as unknown as Float32Array, 16000))).toEqual({
      field: 'samples',
    });
    expect(bad(() => analyzeProsody(new Float32Array(16000), Number.NaN))).toEqual({ field: 'sampleRate' });
  });
});

describe('ProsodyAccumulator', () => {
  realIt(`gives exactly the one-shot result when fed 1 s chunks, or odd-sized ones (JFK)`, () => {
    const samples = decodeToFloat32(path.join(SPEECH_DIR, 'jfk.flac'));
    const whole = analyzeProsody(samples, 16000);
    for (const size of [16000, 4093]) {
      const acc = new ProsodyAccumulator(16000, { totalSamples: samples.length });
      for (let i = 0; i < samples.length; i += size) acc.push(samples.subarray(i, i + size));
      expect(acc.finish()).toEqual(whole);
    }
  });

  it('without the total length, anchors frames at the start (same as alignment "start")', () => {
    const samples = synthetic();
    const acc = new PitchAccumulator(16000);
    for (let i = 0; i < samples.length; i += 16000) acc.push(samples.subarray(i, i + 16000));
    const streamed = acc.finish();
    const anchored = analyzePitch(samples, 16000, { alignment: 'start' });
    expect(streamed.firstTime).toBe(0.02);
    expect(streamed.f0).toEqual(anchored.f0);
    // Same number of frames as Praat's centred grid, shifted by less than half a step.
    const centred = analyzePitch(samples, 16000);
    expect(streamed.f0.length).toBe(centred.f0.length);
    expect(Math.abs(streamed.firstTime - centred.firstTime)).toBeLessThan(0.005);
  });

  it('refuses samples after finish, a second finish, and a stream longer than announced', () => {
    const acc = new ProsodyAccumulator(16000, { totalSamples: 16000 });
    expect(() => acc.push(new Float32Array(20000))).toThrow(/more than the announced/);
    const done = new ProsodyAccumulator(16000);
    done.push(synthetic());
    done.finish();
    expect(() => done.push(new Float32Array(10))).toThrow(CandorError);
    expect(() => done.finish()).toThrow(/already/);
  });
});
