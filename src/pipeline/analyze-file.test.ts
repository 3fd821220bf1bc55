import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isCandorError } from '../core/index.js';
import { analyzeFile } from './analyze-file.js';
import { inputLimitsFromEnv } from './input-limits.js';
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
