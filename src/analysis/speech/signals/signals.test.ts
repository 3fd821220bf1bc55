import { describe, expect, it } from 'vitest';
import type { Response, Segment } from '../../../domain/index.js';
import {
  answerPauses,
  longestPauseSeconds,
  meanPauseSeconds,
  pauseRatio,
  responseLatencySeconds,
} from './timing.js';
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

describe('answerPauses', () => {
  // Voice pauses of a recording: 0–1 leading silence, then pauses at 2.0, 3.1, 5.2, 7.0 and 9.6.
  const track = (pauses: { start: number; end: number }[]): VoiceTrack => ({
    pitch: { start: 0, step: 0.01, f0: new Float32Array(1000) },
    intensity: { start: 0, step: 0.01, db: new Float32Array(1000) },
    pauses,
    syllables: [],
  });
  const voice = track([
    { start: 0, end: 1 },
    { start: 2.0, end: 2.4 }, // inside the first utterance
    { start: 3.1, end: 3.6 }, // between the first and second utterance
    { start: 5.2, end: 5.5 }, // right after the interviewer's "mm-hmm": a turn gap
    { start: 7.0, end: 7.3 }, // inside the third utterance
    { start: 9.6, end: 10 }, // after the answer
  ]);
  const answer = response([
    { speaker: 'Ana', start: 1.0, end: 3.1, text: 'First I measured the queue.' },
    { speaker: 'Ana', start: 3.6, end: 4.8, text: 'Then I rebuilt it.' },
    { speaker: 'Ana', start: 5.5, end: 9.6, text: 'And it held the load.' },
  ]);
  const mmHmm = [{ start: 4.8, end: 5.2 }];

  it('counts a pause between two recognised utterances, not only inside one', () => {
    const found = answerPauses(answer, { voice })!;
    expect(found.pauses).toEqual([
      { start: 2.0, end: 2.4 },
      { start: 3.1, end: 3.6 },
      { start: 5.2, end: 5.5 },
      { start: 7.0, end: 7.3 },
    ]);
    expect(found.seconds).toBeCloseTo(8.6, 6);
    expect(pauseRatio.compute(answer, { voice }).value).toBeCloseTo(1.5 / 8.6, 2);
    expect(longestPauseSeconds.compute(answer, { voice }).value).toBe(0.5);
  });

  it('leaves out a gap next to another speaker’s turn, and the time that speaker talks', () => {
    const found = answerPauses(answer, { voice, otherTalk: mmHmm })!;
    expect(found.pauses).toEqual([
      { start: 2.0, end: 2.4 },
      { start: 3.1, end: 3.6 },
      { start: 7.0, end: 7.3 },
    ]);
    // 8.6 s from the first to the last word, less 0.4 s of "mm-hmm" and the 0.3 s turn gap.
    expect(found.seconds).toBeCloseTo(7.9, 6);
    expect(pauseRatio.compute(answer, { voice, otherTalk: mmHmm }).value).toBeCloseTo(1.2 / 7.9, 2);
  });

  it('leaves out a silence during which another speaker talks', () => {
    const found = answerPauses(answer, { voice, otherTalk: [{ start: 3.2, end: 3.4 }] })!;
    expect(found.pauses.map((p) => p.start)).toEqual([2.0, 5.2, 7.0]);
  });

  it('finds gaps between the timed words of two segments, but not one bordering another turn', () => {
    const two = response([
      {
        speaker: 'Ana',
        start: 1,
        end: 2,
        text: 'I did',
        words: [
          { text: 'I', start: 1, end: 1.4 },
          { text: 'did', start: 1.5, end: 2 },
        ],
      },
      {
        speaker: 'Ana',
        start: 2.6,
        end: 3.5,
        text: 'it then',
        words: [
          { text: 'it', start: 2.6, end: 3 },
          { text: 'then', start: 3.1, end: 3.5 },
        ],
      },
      { speaker: 'Ana', start: 4.4, end: 5, text: 'yes', words: [{ text: 'yes', start: 4.4, end: 5 }] },
    ]);
    expect(answerPauses(two, { voice: null })?.pauses).toEqual([
      { start: 2, end: 2.6 },
      { start: 3.5, end: 4.4 },
    ]);
    const interrupted = answerPauses(two, { voice: null, otherTalk: [{ start: 3.6, end: 4.0 }] });
    expect(interrupted?.pauses).toEqual([{ start: 2, end: 2.6 }]);
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

  it('divides the syllables by the answer time, pauses between utterances included', () => {
    // Two utterances, 1–2 s and 2.5–3 s: the 0.5 s pause between them is answer time too.
    const split = response([
      { speaker: 'Ana', start: 1, end: 2, text: 'a' },
      { speaker: 'Ana', start: 2.5, end: 3, text: 'glide' },
    ]);
    expect(syllableRate.compute(split, { voice }).value).toBe(3);
    // Another speaker talking in that gap is not the answer's time: 6 syllables in 1.5 s.
    const interrupted = { voice, otherTalk: [{ start: 2, end: 2.5 }] };
    expect(syllableRate.compute(split, interrupted).value).toBe(4);
  });

  it('says why a voice signal has no value without a recording', () => {
    expect(pitchRangeSemitones.compute(answer, { voice: null })).toMatchObject({
      value: null,
      reason: 'no recording (voice signals need audio or video)',
    });
  });
});
