import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeProsody } from '../prosody/index.js';
import { JFK, librivoxClips, pcmOf, SPEECH_DATA } from '../stt/test-helpers.js';
import { need, requires } from '../../../test-helpers.js';
import { findFilledPauses, type FilledPause } from './filled-pauses.js';
import { CEPSTRA, SpectralEnvelopeAccumulator } from './spectral-envelope.js';

const AMI_SOURCE1 = path.join(SPEECH_DATA, 'meeting-ami', 'sources', 'source1.wav');

/** The detector on a whole recording, the envelope pushed in one-second chunks as readRecording does. */
function filledPausesIn(samples: Float32Array): FilledPause[] {
  const summary = analyzeProsody(samples, 16000);
  const envelope = new SpectralEnvelopeAccumulator(16000);
  for (let i = 0; i < samples.length; i += 16000) envelope.push(samples.subarray(i, i + 16000));
  const grid = (times: Float64Array) => ({ start: times[0]!, step: times[1]! - times[0]! });
  return findFilledPauses({
    pitch: { ...grid(summary.frames.pitch.times), f0: summary.frames.pitch.f0 },
    intensity: { ...grid(summary.frames.intensity.times), db: summary.frames.intensity.db },
    silenceThresholdDb: summary.intensity.silenceThresholdDb,
    envelope: envelope.finish(),
  });
}

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
  },
  180_000,
);
