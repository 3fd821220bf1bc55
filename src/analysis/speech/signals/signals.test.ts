import { describe, expect, it } from 'vitest';
import type { Response, Segment } from '../../../domain/index.js';
import { longestPauseSeconds, meanPauseSeconds, pauseRatio, responseLatencySeconds } from './timing.js';
import {
  articulationRate,
  pitchMeanHz,
  pitchRangeSemitones,
  pitchSpreadSemitones,
  syllableRate,
} from './voice.js';
import type { VoiceTrack } from './voice-track.js';

function response(segments: readonly Segment[], prompt: readonly Segment[] = []): Response {
  return {
    index: 0,
    question: null,
    questionText: null,
    questionSource: 'none',
    matchScore: null,
    segments,
    prompt,
  };
}

const words = [
  { text: 'I', start: 1.0, end: 1.2 },
  { text: 'rebuilt', start: 1.25, end: 1.7 },
  { text: 'the', start: 2.7, end: 2.8 }, // a 1.0 s pause before "the"
  { text: 'queue', start: 2.85, end: 3.2 },
  { text: 'quickly', start: 3.5, end: 4.0 }, // a 0.3 s pause
];
const timed = response(
  [{ speaker: 'Ana', start: 1.0, end: 4.0, text: 'I rebuilt the queue quickly', words }],
  [{ speaker: 'Bo', start: 0, end: 0.6, text: 'What did you change first?' }],
);

describe('timing signals', () => {
  it('finds pauses of at least 250 ms between timed words', () => {
    const ratio = pauseRatio.compute(timed, { voice: null });
    expect(ratio.value).toBeCloseTo(1.3 / 3, 2);
    expect(ratio.evidence[0]).toMatchObject({ quote: '1 s pause', start: 1.7, end: 2.7 });
    expect(longestPauseSeconds.compute(timed, { voice: null }).value).toBe(1);
    expect(meanPauseSeconds.compute(timed, { voice: null }).value).toBe(0.65);
  });

  it('needs word times or a recording: caption cues are not pauses', () => {
    const cues = response([
      { speaker: 'Ana', start: 0, end: 2, text: 'One.' },
      { speaker: 'Ana', start: 5, end: 7, text: 'Two.' },
    ]);
    expect(pauseRatio.compute(cues, { voice: null })).toMatchObject({
      value: null,
      reason: 'needs a recording or word times',
    });
  });

  it('measures the gap from the end of the question to the start of the answer', () => {
    const latency = responseLatencySeconds.compute(timed, { voice: null });
    expect(latency.value).toBe(0.4);
    expect(latency.evidence.map((e) => e.label)).toEqual(['question ends', 'answer starts 0.4 s later']);
    expect(responseLatencySeconds.compute(response(timed.segments), { voice: null }).reason).toBe(
      'no interviewer turn before the answer',
    );
  });
});

describe('voice signals', () => {
  // 2 s of voiced frames at 10 ms: pitch glides from 100 Hz up one octave (12 semitones).
  const n = 200;
  const f0 = Float32Array.from({ length: n }, (_, i) => 100 * 2 ** (i / (n - 1)));
  const voice: VoiceTrack = {
    pitch: { start: 1, step: 0.01, f0 },
    intensity: { start: 1, step: 0.01, db: new Float32Array(n).fill(60) },
    pauses: [{ start: 2.0, end: 2.5 }],
    syllables: [1.1, 1.3, 1.5, 1.7, 2.6, 2.8],
  };
  const answer = response([{ speaker: 'Ana', start: 1, end: 3, text: 'a glide' }]);

  it('measures the mean pitch in Hz', () => {
    // Mean of 100·2^x over x in [0, 1] is 100 / ln 2.
    expect(pitchMeanHz.compute(answer, { voice }).value).toBeCloseTo(100 / Math.LN2, 0);
  });

  it('measures the pitch range and spread in semitones', () => {
    expect(pitchRangeSemitones.compute(answer, { voice }).value).toBeCloseTo(0.9 * 12, 0);
    expect(pitchSpreadSemitones.compute(answer, { voice }).value).toBeCloseTo(12 / Math.sqrt(12), 0);
  });

  it('counts syllable nuclei per second, with and without the pauses', () => {
    expect(syllableRate.compute(answer, { voice }).value).toBe(3);
    expect(articulationRate.compute(answer, { voice }).value).toBe(4);
  });

  it('says why a voice signal has no value without a recording', () => {
    expect(pitchRangeSemitones.compute(answer, { voice: null })).toMatchObject({
      value: null,
      reason: 'no recording (voice signals need audio or video)',
    });
  });
});
