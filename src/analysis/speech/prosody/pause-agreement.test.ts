/**
 * Candor's pauses against Praat's silence detection on real recordings: `To Intensity: 100, 0, yes`
 * then `Intensity: To TextGrid (silences): -25, 0.25, 0.1` (threshold 25 dB below the maximum,
 * silences ≥ 0.25 s, sounding stretches ≥ 0.1 s), the procedure of De Jong & Wempe's (2009) script
 * with Praat's own threshold. Praat reads a 16-bit 16 kHz WAV that ffmpeg made; we read the same
 * samples. Tolerances: the same number of pauses, total pause time within 5 % (at least 50 ms), and
 * each pause matched one to one with both boundaries within 50 ms (a boundary differs by half an
 * 8 ms frame by convention: Praat puts it on the first frame of the new state, Candor between frames).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { analyzeIntensity } from './intensity.js';
import { findPauses } from './pauses.js';
import { librivoxClips, readWav16, runPraatSilences, SPEECH_DIR, toWav } from './test-helpers.js';
import { need, requires } from '../../../test-helpers.js';

const runIt = requires(
  need.tool('praat'),
  need.tool('ffmpeg'),
  need.sharedData('speech/jfk.flac'),
  need.sharedData('speech/librivox'),
  need.sharedData('speech/meeting-ami/sample.wav'),
  need.sharedData('speech/meeting-ami/mixture.wav'),
).it;

interface Span {
  start: number;
  end: number;
}

const BOUNDARY_SECONDS = 0.05;
/** Praat's intensity time step at a 100 Hz minimum pitch: 0.8 / 100 s. */
const STEP_SECONDS = 0.008;

interface Measured {
  candor: Span[];
  praat: Span[];
  praatSound: Span[];
  duration: number;
}

function total(spans: readonly Span[]): number {
  return spans.reduce((s, p) => s + (p.end - p.start), 0);
}

function measure(file: string): Measured {
  const wav = toWav(file);
  const { samples, sampleRate } = readWav16(wav);
  const praat = runPraatSilences(wav);
  rmSync(path.dirname(wav), { recursive: true, force: true });
  const duration = samples.length / sampleRate;
  const { pauses } = findPauses(analyzeIntensity(samples, sampleRate), duration);
  return {
    candor: pauses.map((p) => ({ start: p.start, end: p.end })),
    praat: praat.intensity,
    praatSound: praat.sound,
    duration,
  };
}

/**
 * Internal pauses (between stretches of speech) must agree in count, total and boundaries. A leading
 * or trailing silence is one frame step longer in Praat, whose boundary sits on the first sounding
 * frame where Candor's sits half a step earlier and Praat's runs from the signal's edge: so an edge
 * silence within one step of 0.25 s may be kept by one and not the other; the others must agree.
 */
function expectAgreement(file: string): Measured {
  const m = measure(file);
  const label = path.basename(file);
  const internal = (spans: Span[]): Span[] => spans.filter((p) => p.start > 0 && p.end < m.duration);
  const candor = internal(m.candor);
  const praat = internal(m.praat);
  expect(candor.length, `${label}: pause count (Praat ${JSON.stringify(praat)})`).toBe(praat.length);
  expect(Math.abs(total(candor) - total(praat)), `${label}: total pause time`).toBeLessThanOrEqual(
    Math.max(0.05, 0.05 * total(praat)),
  );
  praat.forEach((p, i) => {
    const c = candor[i]!;
    expect(Math.abs(c.start - p.start), `${label}: pause ${i} start (Praat ${p.start})`).toBeLessThanOrEqual(
      BOUNDARY_SECONDS,
    );
    expect(Math.abs(c.end - p.end), `${label}: pause ${i} end (Praat ${p.end})`).toBeLessThanOrEqual(
      BOUNDARY_SECONDS,
    );
  });
  const edges = (spans: Span[]): Span[] => spans.filter((p) => p.start === 0 || p.end >= m.duration - 1e-6);
  const clear = (p: Span): boolean => p.end - p.start >= 0.25 + STEP_SECONDS;
  for (const [mine, theirs, who] of [
    [edges(m.candor), edges(m.praat), 'Praat'],
    [edges(m.praat), edges(m.candor), 'Candor'],
  ] as const) {
    for (const p of mine.filter(clear)) {
      const match = theirs.find((q) => Math.abs(q.start - p.start) <= BOUNDARY_SECONDS);
      expect(match, `${label}: edge silence ${p.start}–${p.end} also in ${who}`).toBeDefined();
      expect(Math.abs(match!.end - p.end), `${label}: edge silence end`).toBeLessThanOrEqual(
        BOUNDARY_SECONDS,
      );
    }
  }
  return m;
}

describe('pauses agree with Praat 6.3 (To TextGrid (silences): 100 Hz, −25 dB, 0.25 s, 0.1 s)', () => {
  runIt('meeting-ami/sample.wav: the six pauses between and inside turns, and the leading silence', () => {
    const m = expectAgreement(path.join(SPEECH_DIR, 'meeting-ami', 'sample.wav'));
    const internal = m.candor.filter((p) => p.start > 0 && p.end < m.duration);
    expect(internal).toHaveLength(6);
    // The band-filtered route (Sound: To TextGrid (silences)) finds the same pauses on this file.
    expect(m.praatSound).toHaveLength(m.praat.length);
  });

  runIt('meeting-ami/mixture.wav: four speakers, 60 s, same count, total and boundaries', () => {
    const m = expectAgreement(path.join(SPEECH_DIR, 'meeting-ami', 'mixture.wav'));
    expect(m.candor.length).toBeGreaterThan(20);
  });

  runIt('jfk.flac: the rhetorical pauses, same count, total and boundaries', () => {
    expectAgreement(path.join(SPEECH_DIR, 'jfk.flac'));
  });

  runIt('every LibriVox clip: same count, total and boundaries', () => {
    for (const clip of librivoxClips()) expectAgreement(clip.file);
  });
});
