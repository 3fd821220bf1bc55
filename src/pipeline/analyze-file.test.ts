import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isCandorError } from '../core/index.js';
import { analyzeFile } from './analyze-file.js';
import { inputLimitsFromEnv } from './input-limits.js';
import { need, requires, SHARED_DATA } from '../test-helpers.js';
import { longTranscript, PRIYA_VTT, tempDir } from './test-helpers.js';

const dir = tempDir('candor-analyze-file-');
afterAll(() => dir.cleanup());
const basis = { framework: 'default', questions: 'default' };

describe('analyzeFile', () => {
  it('scores a transcript file, the same bytes giving the same scorecard', async () => {
    const first = await analyzeFile(PRIYA_VTT, basis);
    const second = await analyzeFile(PRIYA_VTT, basis);
    expect(first.scorecard.overall.score).not.toBeNull();
    expect(JSON.stringify(second.scorecard)).toBe(JSON.stringify(first.scorecard));
  });

  it('refuses a transcript over CANDOR_TRANSCRIPT_LIMIT_KB, naming its size and the limit', async () => {
    const file = path.join(dir.dir, 'long.vtt');
    writeFileSync(file, longTranscript(40 * 1024));
    const limits = inputLimitsFromEnv({ CANDOR_TRANSCRIPT_LIMIT_KB: '32' });
    const error: unknown = await analyzeFile(file, { ...basis, limits }).catch((e: unknown) => e);
    expect(isCandorError(error) && error.code).toBe('FILE_TOO_LARGE');
    expect((error as Error).message).toMatch(
      /long\.vtt is [\d.]+ KB \(\d+ bytes\); the transcript limit is 32 KB \(setting CANDOR_TRANSCRIPT_LIMIT_KB\)$/,
    );
    await expect(
      analyzeFile(file, { ...basis, limits: { ...limits, transcriptBytes: 64 * 1024 } }),
    ).resolves.toBeDefined();
  });
});

const recordingIt = requires(need.tool('ffmpeg'), need.sharedData('speech/jfk.flac')).it;

describe('analyzeFile on a recording: voice measures', () => {
  // JFK's 11 s with a timed transcript (so no recogniser is needed): one answer from 0.3 s to 10.3 s.
  const jfkVtt = (): string => {
    const file = path.join(dir.dir, 'jfk.vtt');
    writeFileSync(
      file,
      'WEBVTT\n\n00:00.300 --> 00:10.300\nAnd so, my fellow Americans: ask not what your country can do for you, ask what you can do for your country.\n',
    );
    return file;
  };
  const jfk = path.join(SHARED_DATA, 'speech', 'jfk.flac');

  recordingIt(
    'lists pitch, pauses and loudness as measurements, scoring none of the voice ones',
    async () => {
      const { scorecard } = await analyzeFile(jfk, { ...basis, transcript: jfkVtt() });
      const m = new Map((scorecard.measurements ?? []).map((x) => [x.signal, x]));
      for (const signal of ['pitchMeanHz', 'pitchRangeSemitones', 'intensitySpreadDb']) {
        expect(m.get(signal)?.value, signal).toBeGreaterThan(0);
        expect(m.get(signal)?.scored, signal).toBe(false);
      }
      // JFK's rhetorical pauses (2.0–3.3 s, 4.3–5.4 s, …), inside the answer and quoted with their times.
      expect(m.get('pauseRatio')?.value).toBeGreaterThan(0.2);
      expect(m.get('longestPauseSeconds')?.value).toBeGreaterThan(1);
      expect(m.get('longestPauseSeconds')?.evidence[0]).toMatchObject({ label: 'pause' });
      expect(m.get('longestPauseSeconds')?.evidence[0]?.start).toBeGreaterThan(1.9);
      const voiceSignals = new Set([
        'pitchMeanHz',
        'pitchRangeSemitones',
        'pitchSpreadSemitones',
        'intensitySpreadDb',
        'articulationRate',
        'syllableRate',
      ]);
      for (const c of scorecard.competencies)
        for (const s of c.signals.filter((x) => voiceSignals.has(x.signal)))
          expect(s.credit, s.signal).toBeNull();
    },
  );

  recordingIt('scores the voice measures only when the workspace opts in', async () => {
    const { scorecard } = await analyzeFile(jfk, { ...basis, transcript: jfkVtt(), scoreVoice: true });
    const pitch = scorecard.measurements?.find((x) => x.signal === 'pitchRangeSemitones');
    expect(pitch).toMatchObject({ scored: true });
    expect(pitch?.note).toMatch(/^scored in /);
  });

  it('a transcript without a recording lists only the timing it measured, no voice', async () => {
    const { scorecard } = await analyzeFile(PRIYA_VTT, basis);
    expect(scorecard.measurements?.every((m) => m.value !== null) ?? true).toBe(true);
    expect(scorecard.measurements?.some((m) => m.signal === 'pitchMeanHz') ?? false).toBe(false);
  });
});

describe('inputLimitsFromEnv', () => {
  it('has documented defaults and refuses a bad value naming the setting', () => {
    expect(inputLimitsFromEnv({})).toEqual({ transcriptBytes: 1024 * 1024, typedAnswerChars: 20_000 });
    for (const [setting, value] of [
      ['CANDOR_TRANSCRIPT_LIMIT_KB', '1.5'],
      ['CANDOR_TYPED_ANSWER_LIMIT_CHARS', '0'],
    ] as const) {
      expect(() => inputLimitsFromEnv({ [setting]: value })).toThrow(
        expect.objectContaining({ code: 'CONFIG_INVALID', details: { setting } }),
      );
    }
  });
});
