/** POST /interviews/:id/transcript and POST /interviews/:id/analyze; registered by `interviews.test.ts`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTranscriptText } from '../../../pipeline/index.js';
import { priyaText } from '../../../pipeline/test-helpers.js';
import type { Store } from '../../../store/index.js';
import {
  codeOf,
  liveAndPracticeInterviews,
  multipart,
  routeFixture,
  toneWav,
  type Caller,
  type RouteFixture,
} from './test-fixture.js';

/** @example describeTranscriptsAndAnalysis('sqlite', () => openStore({ dataDir })) */
export function describeTranscriptsAndAnalysis(name: string, open: () => Promise<Store>): void {
  describe(`transcripts and analysis requests on ${name}`, () => {
    let fx: RouteFixture;
    let interviewId = '';
    let practiceId = '';

    beforeAll(async () => {
      fx = await routeFixture(open, 'transcripts');
      ({ interviewId, practiceId } = await liveAndPracticeInterviews(fx));
    });
    afterAll(() => fx.close());

    const send = (caller: Caller | null, payload: object, id = interviewId) =>
      fx.as(caller, { method: 'POST', url: `/api/v1/interviews/${id}/transcript`, payload });
    const analyze = (caller: Caller | null, id = interviewId) =>
      fx.as(caller, { method: 'POST', url: `/api/v1/interviews/${id}/analyze` });

    it('POST /analyze answers 409 while there is nothing to analyse', async () => {
      const res = await analyze('recruiter');
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ error: { code: 'CONFLICT', details: { id: interviewId } } });
    });

    it('stores a transcript and records its name and format on the interview', async () => {
      const res = await send('recruiter', { content: priyaText(), fileName: 'C:\\calls\\priya-strong.vtt' });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        interview: { id: interviewId, sourceFile: 'priya-strong.vtt', format: 'vtt' },
      });
      const interview = await fx.store.interviews.get(interviewId);
      expect(await readTranscriptText(fx.config.mediaDir, interview)).toBe(priyaText());
    });

    it('refuses a malformed transcript with 422 naming the line, keeping the one before', async () => {
      const res = await send('recruiter', {
        content:
          'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nAna: Hello.\n\n00:00:04.000 -> 00:00:05.000\nBen: Hi.\n',
        fileName: 'broken.vtt',
      });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        error: { code: 'TRANSCRIPT_INVALID', details: { line: 6, file: 'broken.vtt' } },
      });
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(/^line 6: /);
      const interview = await fx.store.interviews.get(interviewId);
      expect(interview).toMatchObject({ sourceFile: 'priya-strong.vtt', format: 'vtt' });
      expect(await readTranscriptText(fx.config.mediaDir, interview)).toBe(priyaText());
    });

    it('answers 422 for an empty transcript or typed answer, saying it is empty', async () => {
      const res = await send('recruiter', { content: '' });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        error: { code: 'TRANSCRIPT_INVALID', message: 'the answer is empty', details: { fileType: 'empty' } },
      });
      const blank = await send('recruiter', { content: '  \n', fileName: 'call.srt' });
      expect(blank.json<{ error: { message: string } }>().error.message).toMatch(
        /^call\.srt is empty: Candor accepts/,
      );
    });

    it('checks who sends transcripts: 401, 403 for other roles, 404 across workspaces', async () => {
      const body = { content: 'Ana: Hello there, this is a short answer.' };
      expect((await send(null, body)).statusCode).toBe(401);
      expect((await send('hiring_manager', body)).statusCode).toBe(403);
      expect((await send('advisor', body)).statusCode).toBe(403);
      expect((await send('candidate', body)).statusCode).toBe(404);
      expect(codeOf(await send('outsider', body))).toBe('NOT_FOUND');
    });

    it('takes typed answers on a practice interview from its student only', async () => {
      const typed = { content: 'We disagreed about the release date, so I called Sam and listened first.' };
      const own = await send('candidate', typed, practiceId);
      expect(own.statusCode).toBe(201);
      expect(own.json()).toMatchObject({ interview: { sourceFile: 'typed-answer.txt', format: 'text' } });
      expect((await send('student2', typed, practiceId)).statusCode).toBe(404);
      expect((await send('admin', typed, practiceId)).statusCode).toBe(403);
    });

    it('POST /analyze queues one analysis task and answers the same task while it waits', async () => {
      const res = await analyze('recruiter');
      expect(res.statusCode).toBe(202);
      const task = res.json<{ id: string }>();
      expect(task).toMatchObject({
        kind: 'analyze-interview',
        status: 'queued',
        attempts: 0,
        maxAttempts: 3,
        result: null,
        lastError: null,
      });
      const again = await analyze('admin');
      expect(again.json<{ id: string }>().id).toBe(task.id);
      const detail = await fx.as('hiring_manager', {
        method: 'GET',
        url: `/api/v1/interviews/${interviewId}`,
      });
      expect(detail.json<{ tasks: { id: string }[] }>().tasks.map((t) => t.id)).toEqual([task.id]);
    });

    it('POST /analyze: 401, 403 for other roles, 404 across workspaces; a student analyses their practice', async () => {
      expect((await analyze(null)).statusCode).toBe(401);
      expect((await analyze('hiring_manager')).statusCode).toBe(403);
      expect((await analyze('advisor')).statusCode).toBe(403);
      expect((await analyze('outsider')).statusCode).toBe(404);
      expect((await analyze('candidate', practiceId)).statusCode).toBe(202);
      expect((await analyze('student2', practiceId)).statusCode).toBe(404);
      expect((await analyze('recruiter', practiceId)).statusCode).toBe(404);
    });

    it('lists recordings with offsets back to back once a transcript covers them', async () => {
      const created = await fx.as('recruiter', {
        method: 'POST',
        url: '/api/v1/interviews',
        payload: { applicationId: fx.hiring.applicationId, kind: 'async' },
      });
      const id = created.json<{ id: string }>().id;
      const upload = (seconds: number) =>
        fx.as('recruiter', {
          method: 'POST',
          url: `/api/v1/interviews/${id}/media`,
          ...multipart([{ name: 'file', filename: 'a.wav', data: toneWav(seconds) }]),
        });
      await upload(1);
      await upload(0.5);
      const offsets = async () =>
        (await fx.as('recruiter', { method: 'GET', url: `/api/v1/interviews/${id}` })).json<{
          media: { offsetSeconds: number; durationSeconds: number | null }[];
        }>().media;
      expect((await offsets()).map((m) => m.offsetSeconds)).toEqual([0, 0]);
      await send('recruiter', { content: priyaText(), fileName: 'call.vtt' }, id);
      const [a, b] = await offsets();
      expect(a?.offsetSeconds).toBe(0);
      expect(b?.offsetSeconds).toBe(a?.durationSeconds ?? 0);
    });
  });
}
