/**
 * The heart of the prosody module: our pitch and intensity against Praat's own, frame by frame, on
 * real recordings. Praat reads a 16-bit 16 kHz WAV that ffmpeg made; we read the very same samples.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { analyzeIntensity } from './intensity.js';
import { analyzePitch } from './pitch.js';
import {
  agreement,
  librivoxClips,
  readWav16,
  runPraat,
  SPEECH_DIR,
  toWav,
  type Agreement,
} from './test-helpers.js';
import { need, requires } from '../../../test-helpers.js';

const runIt = requires(
  need.tool('praat'),
  need.tool('ffmpeg'),
  need.sharedData('speech/jfk.flac'),
  need.sharedData('speech/librivox'),
).it;

function compare(file: string, rate = 16000): Agreement & { wav: string } {
  const wav = toWav(file, rate);
  const { samples, sampleRate } = readWav16(wav);
  const praat = runPraat(wav);
  rmSync(path.dirname(wav), { recursive: true, force: true });
  const pitch = analyzePitch(samples, sampleRate);
  const intensity = analyzeIntensity(samples, sampleRate);
  expect(pitch.f0.length, 'pitch frame count').toBe(praat.f0.length);
  expect(intensity.db.length, 'intensity frame count').toBe(praat.intensity.length);
  expect(pitch.times[0]).toBeCloseTo(praat.pitchTimes[0]!, 6);
  expect(intensity.times[0]).toBeCloseTo(praat.intensityTimes[0]!, 6);
  return { ...agreement({ f0: pitch.f0, intensity: intensity.db }, praat), wav };
}

function expectGoals(a: Agreement, label: string): void {
  expect(a.voicingAgreement, `${label}: voicing agreement`).toBeGreaterThanOrEqual(0.9);
  expect(a.grossPitchError, `${label}: gross pitch error`).toBeLessThanOrEqual(0.05);
  expect(a.medianSemitones, `${label}: median |Δf0| (semitones)`).toBeLessThanOrEqual(0.5);
  expect(a.medianIntensityDb, `${label}: median |Δ intensity| (dB)`).toBeLessThanOrEqual(1);
}

describe('agreement with Praat 6.3 (To Pitch (ac), To Intensity; defaults)', () => {
  runIt(
    `jfk.flac: voicing ≥ 90 %, gross errors ≤ 5 %, median Δf0 ≤ 0.5 st, median Δ intensity ≤ 1 dB`,
    () => {
      const a = compare(path.join(SPEECH_DIR, 'jfk.flac'));
      expect(a.bothVoiced).toBeGreaterThan(300);
      expectGoals(a, 'jfk');
    },
  );

  runIt(`jfk.flac at 8 kHz and 44.1 kHz too (the analysis follows the sampling period)`, () => {
    for (const rate of [8000, 44100])
      expectGoals(compare(path.join(SPEECH_DIR, 'jfk.flac'), rate), `jfk @ ${rate} Hz`);
  });

  runIt(`every LibriVox clip meets the same goals`, () => {
    for (const clip of librivoxClips()) expectGoals(compare(clip.file), path.basename(clip.file));
  });
});
