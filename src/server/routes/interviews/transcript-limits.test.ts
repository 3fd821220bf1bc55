/**
 * POST /interviews/:id/transcript refuses input over its limit (docs/limits.md) with 413
 * FILE_TOO_LARGE naming the size and the limit, and keeps what was stored; on SQLite and, when
 * TEST_DATABASE_URL is set, on PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTranscriptText } from '../../../pipeline/index.js';
import { longTranscript, priyaText } from '../../../pipeline/test-helpers.js';
import { openStore, type Store } from '../../../store/index.js';
import { postgresTestSchema } from '../../../store/test-helpers.js';
import { liveAndPracticeInterviews, routeFixture, type Caller, type RouteFixture } from './test-fixture.js';
import { need, requires } from '../../../test-helpers.js';

const limits = { transcriptBytes: 16 * 1024, typedAnswerChars: 100 };

function describeLimits(name: string, open: () => Promise<Store>): void {
  describe(`transcript limits on ${name}`, () => {
    let fx: RouteFixture;
    let interviewId = '';
    let practiceId = '';
    const send = (caller: Caller, id: string, payload: object) =>
      fx.as(caller, { method: 'POST', url: `/api/v1/interviews/${id}/transcript`, payload });

    beforeAll(async () => {
      fx = await routeFixture(open, 'limits', { inputLimits: limits });
      ({ interviewId, practiceId } = await liveAndPracticeInterviews(fx));
    });
    afterAll(() => fx.close());

    it('refuses a transcript over the byte limit with 413, keeping the one stored', async () => {
      expect(
        (await send('recruiter', interviewId, { content: priyaText(), fileName: 'priya.vtt' })).statusCode,
      ).toBe(201);
      const big = longTranscript(20 * 1024);
      const res = await send('recruiter', interviewId, { content: big, fileName: 'long.vtt' });
      expect(res.statusCode).toBe(413);
      const { error } = res.json<{ error: { code: string; message: string; details: object } }>();
      expect(error).toMatchObject({
        code: 'FILE_TOO_LARGE',
        details: { file: 'long.vtt', size: Buffer.byteLength(big), limit: 16 * 1024 },
      });
      expect(error.message).toMatch(
        /^long\.vtt is [\d.]+ KB \(\d+ bytes\); the transcript limit is 16 KB \(setting CANDOR_TRANSCRIPT_LIMIT_KB\)$/,
      );
      const interview = await fx.store.interviews.get(interviewId);
      expect(interview.sourceFile).toBe('priya.vtt');
      expect(await readTranscriptText(fx.config.mediaDir, interview)).toBe(priyaText());
    });

    it('limits a typed answer by characters, with or without a file name on a practice', async () => {
      const opening = 'I listened first, then I wrote down what we agreed — café, naïve, 😀. ';
      const answer = opening + 'x'.repeat(100 - [...opening].length);
      expect([...answer]).toHaveLength(100);
      expect(
        (await send('candidate', practiceId, { content: answer, fileName: 'answer.txt' })).statusCode,
      ).toBe(201);

      const tooLong = `${answer}y`;
      for (const payload of [{ content: tooLong, fileName: 'answer.txt' }, { content: tooLong }]) {
        const res = await send('candidate', practiceId, payload);
        expect(res.statusCode).toBe(413);
        expect(res.json()).toMatchObject({
          error: {
            code: 'FILE_TOO_LARGE',
            message:
              'the typed answer is 101 characters; the limit is 100 (setting CANDOR_TYPED_ANSWER_LIMIT_CHARS)',
            details: { size: 101, limit: 100 },
          },
        });
      }
      const practice = await fx.store.interviews.get(practiceId);
      expect(await readTranscriptText(fx.config.mediaDir, practice)).toBe(answer);
    });
  });
}

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-limits-'));
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));
describeLimits('sqlite', () => openStore({ dataDir: tempDir }));

const databaseUrl = process.env.TEST_DATABASE_URL;
const { schema, drop } = postgresTestSchema('candor_limits_test', databaseUrl);
requires(need.database()).describe('PostgreSQL (TEST_DATABASE_URL)', () => {
  afterAll(drop);
  describeLimits('postgres', () => openStore({ dataDir: tempDir, databaseUrl, schema }));
});
