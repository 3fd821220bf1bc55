import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeProsody } from '../prosody/index.js';
import { JFK, librivoxClips, pcmOf, SPEECH_DATA } from '../stt/test-helpers.js';
import { need, requires } from '../../../test-helpers.js';
import {
  findFilledPauses,
  type FilledPause,
  type FilledPauseInput,
  type FilledPauseOptions,
} from './filled-pauses.js';
import { CEPSTRA, type EnvelopeTrack, SpectralEnvelopeAccumulator } from './spectral-envelope.js';

const AMI_SOURCE1 = path.join(SPEECH_DATA, 'meeting-ami', 'sources', 'source1.wav');
const AMI_SOURCE3 = path.join(SPEECH_DATA, 'meeting-ami', 'sources', 'source3.wav');

/** The detector on a whole recording, the envelope pushed in one-second chunks as readRecording does. */
function filledPausesIn(samples: Float32Array, options: FilledPauseOptions = {}): FilledPause[] {
  return findFilledPauses(detectorInput(samples), options);
}

function detectorInput(samples: Float32Array): FilledPauseInput {
  const summary = analyzeProsody(samples, 16000);
  const envelope = new SpectralEnvelopeAccumulator(16000);
  for (let i = 0; i < samples.length; i += 16000) envelope.push(samples.subarray(i, i + 16000));
  const grid = (times: Float64Array) => ({ start: times[0]!, step: times[1]! - times[0]! });
  return {
    pitch: { ...grid(summary.frames.pitch.times), f0: summary.frames.pitch.f0 },
    intensity: { ...grid(summary.frames.intensity.times), db: summary.frames.intensity.db },
    silenceThresholdDb: summary.intensity.silenceThresholdDb,
    envelope: envelope.finish(),
  };
}

/** The envelope track's frames whose centre lies in [a, b] seconds. */
function framesIn(envelope: EnvelopeTrack, a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < envelope.frames; i++) {
    const t = envelope.firstTime + i * envelope.step;
    if (t >= a && t <= b) out.push(i);
  }
  return out;
}
const median = (values: number[]): number => [...values].sort((x, y) => x - y)[values.length >> 1]!;

describe('SpectralEnvelopeAccumulator', () => {
  it('gives the same cepstra whatever the chunk size', () => {
    const samples = Float32Array.from(
      { length: 16000 },
      (_, i) => Math.sin(i / 7) * 0.3 + Math.sin(i / 3) * 0.1,
    );
    const whole = new SpectralEnvelopeAccumulator(16000);
    whole.push(samples);
    const chunked = new SpectralEnvelopeAccumulator(16000);
    for (let i = 0; i < samples.length; i += 1237) chunked.push(samples.subarray(i, i + 1237));
    const a = whole.finish();
    const b = chunked.finish();
    expect(a.frames).toBe(98);
    expect(b.cepstra.length).toBe(a.frames * CEPSTRA);
    expect(Array.from(b.cepstra)).toEqual(Array.from(a.cepstra));
    expect(Array.from(b.periodicity)).toEqual(Array.from(a.periodicity));
    expect(Array.from(b.highOverLowDb)).toEqual(Array.from(a.highOverLowDb));
  });

  it('calls a steady tone periodic and white noise not', () => {
    let seed = 7;
    const noise = Float32Array.from({ length: 16000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 30 - 1;
    });
    // A 150 Hz voice-like tone: fundamental and two weaker harmonics.
    const tone = Float32Array.from({ length: 16000 }, (_, i) => {
      const w = (2 * Math.PI * 150 * i) / 16000;
      return 0.3 * Math.sin(w) + 0.1 * Math.sin(2 * w) + 0.05 * Math.sin(3 * w);
    });
    const track = (samples: Float32Array) => {
      const acc = new SpectralEnvelopeAccumulator(16000);
      acc.push(samples);
      return acc.finish();
    };
    const t = track(tone);
    const n = track(noise);
    const all = (e: EnvelopeTrack) => framesIn(e, 0.1, 0.9);
    expect(median(all(t).map((i) => t.periodicity[i]!))).toBeGreaterThan(0.95);
    expect(median(all(n).map((i) => n.periodicity[i]!))).toBeLessThan(0.6);
    // All of the tone lies under 500 Hz; white noise is flat, so 1–4 kHz outweighs 0–500 Hz.
    expect(median(all(t).map((i) => t.highOverLowDb[i]!))).toBeLessThan(-40);
    expect(median(all(n).map((i) => n.highOverLowDb[i]!))).toBeGreaterThan(5);
  });
});

requires(
  need.tool('ffmpeg'),
  need.sharedData('speech/meeting-ami/sources'),
  need.sharedData('speech/librivox'),
).describe(
  'findFilledPauses on real speech',
  () => {
    // AMI ES2004a, speaker B's headset: "Yeah. Um. When they're … what you're doing, um." Both ums
    // stand between pauses (5.6–6.0 s and 29.4–29.7 s, as the RTTM turns and the recogniser show).
    it('hears both of speaker B’s ums in a real meeting, with their times', () => {
      const found = filledPausesIn(pcmOf(AMI_SOURCE1));
      const near = (a: number, b: number) => found.filter((p) => p.start < b && p.end > a);
      expect(near(5.4, 6.1)).toHaveLength(1);
      expect(near(29.2, 29.9)).toHaveLength(1);
      // Measured: 2 (bench/fillers.mjs); room for one more, not for a flood.
      expect(found.length).toBeLessThanOrEqual(3);
      for (const p of found) expect(p.end - p.start).toBeGreaterThanOrEqual(0.25);
    });

    it('hears none in fluent read speech (jfk.flac and five LibriVox clips)', () => {
      const clips = [JFK, ...librivoxClips().map((c) => c.file)];
      expect(clips.length).toBe(6);
      const found = clips.flatMap((file) =>
        filledPausesIn(pcmOf(file)).map((p) => `${path.basename(file)}@${p.start}`),
      );
      // Measured: none; one is allowed as margin.
      expect(found.length, found.join(', ')).toBeLessThanOrEqual(1);
    });

    // AMI ES2004a, speaker D's headset (tuning track): "Mm." at 25.6–25.85 s and "Mm-hmm." at
    // 27.35–27.65 s, both quiet hums that Praat's pitch tracker calls unvoiced.
    it('measures a quiet hum as a periodic nasal murmur, and an open vowel as not nasal', () => {
      const input = detectorInput(pcmOf(AMI_SOURCE3));
      const e = input.envelope;
      const mm = framesIn(e, 25.61, 25.81);
      expect(median(mm.map((i) => e.periodicity[i]!))).toBeGreaterThan(0.9);
      expect(median(mm.map((i) => e.highOverLowDb[i]!))).toBeLessThan(-30);
      const b = detectorInput(pcmOf(AMI_SOURCE1)).envelope;
      // The vowel of B's um at 5.6 s, then its nasal close.
      expect(median(framesIn(b, 5.56, 5.7).map((i) => b.highOverLowDb[i]!))).toBeGreaterThan(-30);
      expect(median(framesIn(b, 5.74, 5.96).map((i) => b.highOverLowDb[i]!))).toBeLessThan(-30);
    });

    it('hears speaker D’s quiet "mm" as a filled pause, but not her two-part "mm-hmm"s', () => {
      const found = filledPausesIn(pcmOf(AMI_SOURCE3));
      const mm = found.filter((p) => p.start < 25.9 && p.end > 25.5);
      expect(
        mm.map((p) => p.sound),
        JSON.stringify(found),
      ).toEqual(['mm']);
      expect(found.filter((p) => p.start < 22.7 && p.end > 22.3)).toEqual([]);
      // The track opens inside her word "and": no silence is heard before its nasal, so no "mm".
      expect(found.filter((p) => p.start < 0.3)).toEqual([]);
      expect(
        found.filter((p) => p.start < 27.7 && p.end > 27.3),
        JSON.stringify(found),
      ).toEqual([]);
    });

    it('tells the um that closes into a nasal from a held vowel', () => {
      const found = filledPausesIn(pcmOf(AMI_SOURCE1));
      const um = found.find((p) => p.start < 6.1 && p.end > 5.4);
      expect(um?.sound).toBe('um');
    });

    it('needs silence before as well as after by default: a word lengthened straight after a breath is not a filled pause', () => {
      // B's lengthened "when" (7.6 s) runs straight on from breath into speech: no silence before it.
      const samples = pcmOf(AMI_SOURCE1);
      const both = filledPausesIn(samples);
      const after = filledPausesIn(samples, { silenceBefore: false });
      expect(after.length).toBeGreaterThan(both.length);
      expect(both.filter((p) => p.start > 7 && p.start < 8.2)).toEqual([]);
    });
  },
  180_000,
);
