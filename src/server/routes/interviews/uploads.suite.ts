/** POST /interviews/:id/media and GET /media/:id; registered by `interviews.test.ts`. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveMediaPath } from '../../../pipeline/index.js';
import type { Store } from '../../../store/index.js';
import {
  codeOf,
  multipart,
  routeFixture,
  toneWav,
  type Caller,
  type FormPart,
  type RouteFixture,
} from './test-fixture.js';
import { hasSpeechTools, speechTools } from '../../../pipeline/test-helpers.js';

interface MediaBody {
  id: string;
  position: number;
  questionId: string | null;
  questionText: string | null;
  fileName: string;
  contentType: string;
  bytes: number;
  durationSeconds: number | null;
  offsetSeconds: number;
  url: string;
}

const LIMIT = 200 * 1024;
/** 3 seconds, so a 4-second tone is over it and under the byte limit. */
const RECORDING_LIMIT_MINUTES = 0.05;

/** @example describeUploads('sqlite', () => openStore({ dataDir })) */
export function describeUploads(name: string, open: () => Promise<Store>): void {
  describe(`media uploads on ${name}`, () => {
    let fx: RouteFixture;
    let interviewId = '';
    let first: MediaBody;
    const wav = toneWav(1);

    beforeAll(async () => {
      fx = await routeFixture(open, 'uploads', {
        uploadLimitBytes: LIMIT,
        recordingLimitMinutes: RECORDING_LIMIT_MINUTES,
      });
      const interview = await fx.store.interviews.create({
        workspaceId: fx.hiring.workspaceId,
        applicationId: fx.hiring.applicationId,
        kind: 'async',
      });
      interviewId = interview.id;
    });
    afterAll(() => fx.close());

    const upload = (caller: Caller | null, parts: readonly FormPart[], id = interviewId) =>
      fx.as(caller, { method: 'POST', url: `/api/v1/interviews/${id}/media`, ...multipart(parts) });
    const file = (data: Buffer, filename = 'answer.webm'): FormPart => ({ name: 'file', filename, data });
    /** Everything on disk and in the database for the interview, to prove a failure changed nothing. */
    const snapshot = async () => {
      const folder = path.join(fx.config.mediaDir, fx.hiring.workspaceId, interviewId);
      const incoming = path.join(fx.config.mediaDir, '.incoming');
      return {
        rows: (await fx.store.media.listByInterview(interviewId)).map((m) => m.id),
        files: existsSync(folder) ? readdirSync(folder).sort() : [],
        incoming: existsSync(incoming) ? readdirSync(incoming) : [],
      };
    };

    it('stores a recording: type sniffed from the bytes, hashed, placed, listed on the interview', async () => {
      const res = await upload('recruiter', [
        { name: 'questionId', value: 'conflict-remote' },
        file(wav, 'answer.mp3'),
      ]);
      expect(res.statusCode).toBe(201);
      first = res.json<MediaBody>();
      expect(first).toMatchObject({
        interviewId,
        position: 0,
        questionId: 'conflict-remote',
        questionText: 'Describe a time you resolved a conflict with a colleague while working remotely.',
        fileName: 'answer.mp3',
        contentType: 'audio/wav',
        bytes: wav.length,
        offsetSeconds: 0,
        url: `/api/v1/media/${first.id}`,
      });
      if (hasSpeechTools) expect(first.durationSeconds).toBeCloseTo(1, 1);
      const row = await fx.store.media.get(first.id);
      const stored = readFileSync(resolveMediaPath(fx.config.mediaDir, row.storagePath));
      expect(stored.equals(wav)).toBe(true);
      expect(row.sha256).toBe(createHash('sha256').update(wav).digest('hex'));
      expect((await snapshot()).incoming).toEqual([]);
      const detail = await fx.as('hiring_manager', {
        method: 'GET',
        url: `/api/v1/interviews/${interviewId}`,
      });
      expect(detail.json<{ media: MediaBody[] }>().media).toEqual([first]);
    });

    it('puts the next answer at the next position, and refuses a gap or an unknown question', async () => {
      const second = await upload('admin', [file(wav, 'two.wav')]);
      expect(second.statusCode).toBe(201);
      expect(second.json()).toMatchObject({ position: 1, questionId: null });
      const before = await snapshot();
      const gap = await upload('recruiter', [{ name: 'position', value: '5' }, file(wav)]);
      expect(gap.statusCode).toBe(400);
      expect(gap.json()).toMatchObject({
        error: { code: 'VALIDATION_FAILED', details: { field: 'position', next: 2 } },
      });
      const notNumber = await upload('recruiter', [{ name: 'position', value: 'first' }, file(wav)]);
      expect(notNumber.json()).toMatchObject({ error: { details: { field: 'position' } } });
      const unknown = await upload('recruiter', [{ name: 'questionId', value: 'nope' }, file(wav)]);
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json()).toMatchObject({ error: { details: { field: 'questionId' } } });
      const noFile = await upload('recruiter', [{ name: 'questionId', value: 'conflict-remote' }]);
      expect(noFile.statusCode).toBe(400);
      expect(await snapshot()).toEqual(before);
    });

    it('answers 413 FILE_TOO_LARGE over the limit, keeping nothing of it and everything before', async () => {
      const before = await snapshot();
      const res = await upload('recruiter', [file(toneWav(10))]);
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ error: { code: 'FILE_TOO_LARGE', details: { limit: LIMIT } } });
      expect(await snapshot()).toEqual(before);
      const earlier = await fx.store.media.get(first.id);
      expect(readFileSync(resolveMediaPath(fx.config.mediaDir, earlier.storagePath)).equals(wav)).toBe(true);
    });

    it('answers 422 MEDIA_UNREADABLE for a text file named .webm and for an empty file', async () => {
      const before = await snapshot();
      const text = await upload('recruiter', [
        file(Buffer.from('Interviewer: hello\n'.repeat(20)), 'answer.webm'),
      ]);
      expect(text.statusCode).toBe(422);
      expect(text.json()).toMatchObject({ error: { code: 'MEDIA_UNREADABLE' } });
      expect(text.json<{ error: { message: string } }>().error.message).toBe(
        'answer.webm is text (a transcript?), not a recording: upload it as a transcript',
      );
      const empty = await upload('recruiter', [file(Buffer.alloc(0), 'empty.wav')]);
      expect(empty.statusCode).toBe(422);
      expect(await snapshot()).toEqual(before);
    });

    speechTools.it('answers 422 for a file with a recording header but broken content', async () => {
      const before = await snapshot();
      const broken = Buffer.concat([wav.subarray(0, 12), Buffer.alloc(2000, 0xff)]);
      const res = await upload('recruiter', [file(broken, 'broken.wav')]);
      expect(res.statusCode).toBe(422);
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(/^broken\.wav: /);
      expect(await snapshot()).toEqual(before);
    });

    it('answers 400 for an upload cut off mid-file, and for a body that is not multipart', async () => {
      const before = await snapshot();
      const { payload, headers } = multipart([file(wav)]);
      const cut = await fx.as('recruiter', {
        method: 'POST',
        url: `/api/v1/interviews/${interviewId}/media`,
        headers,
        payload: payload.subarray(0, Math.floor(payload.length / 2)),
      });
      expect(cut.statusCode).toBe(400);
      expect(cut.json()).toMatchObject({
        error: { code: 'VALIDATION_FAILED', message: 'body: the upload ended before the file was complete' },
      });
      const json = await fx.as('recruiter', {
        method: 'POST',
        url: `/api/v1/interviews/${interviewId}/media`,
        payload: {},
      });
      expect(json.statusCode).toBe(400);
      expect(await snapshot()).toEqual(before);
    });

    it('replaces the recording of an answer uploaded again to its position', async () => {
      const again = await upload('recruiter', [
        { name: 'position', value: '0' },
        file(toneWav(0.5), 'retake.wav'),
      ]);
      expect(again.statusCode).toBe(201);
      expect(again.json()).toMatchObject({ position: 0, fileName: 'retake.wav' });
      const rows = await fx.store.media.listByInterview(interviewId);
      expect(rows.map((m) => m.position)).toEqual([0, 1]);
      expect(rows.map((m) => m.id)).not.toContain(first.id);
      expect((await snapshot()).files).toHaveLength(2);
    });

    it('keeps all of 20 parallel uploads to one interview, each at its own position', async () => {
      const interview = await fx.store.interviews.create({
        workspaceId: fx.hiring.workspaceId,
        applicationId: fx.hiring.applicationId,
        kind: 'async',
      });
      const sent = Array.from({ length: 20 }, (_, i) =>
        upload(i % 2 === 0 ? 'recruiter' : 'admin', [file(wav, `answer-${i}.wav`)], interview.id),
      );
      const answers = await Promise.all(sent);
      expect(answers.map((res) => res.statusCode)).toEqual(answers.map(() => 201));
      const rows = await fx.store.media.listByInterview(interview.id);
      expect(rows).toHaveLength(20);
      expect(rows.map((m) => m.position)).toEqual(Array.from({ length: 20 }, (_, i) => i));
      expect(new Set(rows.map((m) => m.id))).toEqual(new Set(answers.map((res) => res.json<MediaBody>().id)));
      expect(rows.map((m) => m.fileName).sort()).toEqual(
        Array.from({ length: 20 }, (_, i) => `answer-${i}.wav`).sort(),
      );
      const folder = path.join(fx.config.mediaDir, fx.hiring.workspaceId, interview.id);
      expect(readdirSync(folder)).toHaveLength(20);

      // Replacing by position replaces that recording and no other, also amid parallel appends.
      const target = rows[5]!;
      const [replaced, ...appended] = await Promise.all([
        upload(
          'recruiter',
          [{ name: 'position', value: '5' }, file(toneWav(0.5), 'retake.wav')],
          interview.id,
        ),
        ...[0, 1, 2].map((i) => upload('admin', [file(wav, `late-${i}.wav`)], interview.id)),
      ]);
      expect(replaced.statusCode).toBe(201);
      expect(replaced.json()).toMatchObject({ position: 5, fileName: 'retake.wav' });
      expect(appended.map((res) => res.statusCode)).toEqual([201, 201, 201]);
      const after = await fx.store.media.listByInterview(interview.id);
      expect(after.map((m) => m.position)).toEqual(Array.from({ length: 23 }, (_, i) => i));
      expect(after.map((m) => m.id)).not.toContain(target.id);
      const others = (list: typeof rows) => list.filter((m) => m.position !== 5 && m.position < 20);
      expect(others(after)).toEqual(others(rows));
      expect(existsSync(resolveMediaPath(fx.config.mediaDir, target.storagePath))).toBe(false);
      expect(readdirSync(folder)).toHaveLength(23);
    });

    it('refuses with 413 a recording longer than the limit, naming the file, its length and the limit', async () => {
      const before = await snapshot();
      const res = await upload('recruiter', [{ name: 'position', value: '0' }, file(toneWav(4), 'long.wav')]);
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({
        error: {
          code: 'FILE_TOO_LARGE',
          message: `long.wav: the recording is 0:04 long, over the ${RECORDING_LIMIT_MINUTES}-minute limit (CANDOR_RECORDING_LIMIT_MINUTES)`,
          details: {
            file: 'long.wav',
            limitMinutes: RECORDING_LIMIT_MINUTES,
            setting: 'CANDOR_RECORDING_LIMIT_MINUTES',
          },
        },
      });
      expect(
        res.json<{ error: { details: { durationSeconds: number } } }>().error.details.durationSeconds,
      ).toBeCloseTo(4, 1);
      // The recording it would have replaced is still there, file and row.
      expect(await snapshot()).toEqual(before);
      const kept = (await fx.store.media.listByInterview(interviewId)).find((m) => m.position === 0)!;
      expect(existsSync(resolveMediaPath(fx.config.mediaDir, kept.storagePath))).toBe(true);
      const under = await upload('recruiter', [file(toneWav(2.5), 'short.wav')]);
      expect(under.statusCode).toBe(201);
    });

    it('checks who uploads: 401, 403 for other roles and CSRF, 404 across workspaces and for candidates', async () => {
      expect((await upload(null, [file(wav)])).statusCode).toBe(401);
      expect((await upload('hiring_manager', [file(wav)])).statusCode).toBe(403);
      expect((await upload('advisor', [file(wav)])).statusCode).toBe(403);
      expect((await upload('candidate', [file(wav)])).statusCode).toBe(404);
      const foreign = await upload('outsider', [file(wav)]);
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json()).toMatchObject({ error: { message: `interview ${interviewId} not found` } });
      const login = await fx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: {
          email: fx.users.recruiter.email,
          password: 'correct horse battery staple',
          workspace: (await fx.store.workspaces.get(fx.hiring.workspaceId)).slug,
        },
      });
      const cookie = login.cookies.find((c) => c.name === 'candor_session');
      const { payload, headers } = multipart([file(wav)]);
      const noCsrf = await fx.app.inject({
        method: 'POST',
        url: `/api/v1/interviews/${interviewId}/media`,
        payload,
        headers: { ...headers, cookie: `candor_session=${cookie?.value ?? ''}` },
      });
      expect(noCsrf.statusCode).toBe(403);
      expect(noCsrf.json()).toMatchObject({ error: { details: { header: 'x-csrf-token' } } });
    });

    it('lets a student upload to their own practice only, for the practised question', async () => {
      const started = await fx.as('candidate', {
        method: 'POST',
        url: '/api/v1/practice',
        payload: { questionSetId: 'default', questionId: 'difficult-problem' },
      });
      const practiceId = started.json<{ id: string }>().id;
      const own = await upload('candidate', [file(wav)], practiceId);
      expect(own.statusCode).toBe(201);
      expect(own.json()).toMatchObject({ position: 0, questionId: 'difficult-problem' });
      expect((await upload('student2', [file(wav)], practiceId)).statusCode).toBe(404);
      expect((await upload('recruiter', [file(wav)], practiceId)).statusCode).toBe(404);
      expect((await upload('outsiderStudent', [file(wav)], practiceId)).statusCode).toBe(404);
    });

    it('GET /media/:id serves the bytes whole, or a range with 206 and Content-Range', async () => {
      const [media] = await fx.store.media.listByInterview(interviewId);
      const bytes = readFileSync(resolveMediaPath(fx.config.mediaDir, media!.storagePath));
      const url = `/api/v1/media/${media!.id}`;
      const whole = await fx.as('hiring_manager', { method: 'GET', url });
      expect(whole.statusCode).toBe(200);
      expect(whole.headers).toMatchObject({
        'accept-ranges': 'bytes',
        'content-type': 'audio/wav',
        'content-length': String(bytes.length),
      });
      expect(whole.rawPayload.equals(bytes)).toBe(true);
      const part = await fx.as('recruiter', { method: 'GET', url, headers: { range: 'bytes=100-199' } });
      expect(part.statusCode).toBe(206);
      expect(part.headers['content-range']).toBe(`bytes 100-199/${bytes.length}`);
      expect(part.headers['content-length']).toBe('100');
      expect(part.rawPayload.equals(bytes.subarray(100, 200))).toBe(true);
      const tail = await fx.as('recruiter', { method: 'GET', url, headers: { range: 'bytes=-10' } });
      expect(tail.rawPayload.equals(bytes.subarray(bytes.length - 10))).toBe(true);
      const open = await fx.as('recruiter', {
        method: 'GET',
        url,
        headers: { range: `bytes=${bytes.length - 4}-` },
      });
      expect(open.headers['content-range']).toBe(
        `bytes ${bytes.length - 4}-${bytes.length - 1}/${bytes.length}`,
      );
      const outside = await fx.as('recruiter', {
        method: 'GET',
        url,
        headers: { range: `bytes=${bytes.length}-` },
      });
      expect(outside.statusCode).toBe(416);
      expect(outside.headers['content-range']).toBe(`bytes */${bytes.length}`);
    });

    it('GET /media/:id: 401, 404 for roles that may not see the interview, as across workspaces', async () => {
      const [media] = await fx.store.media.listByInterview(interviewId);
      const url = `/api/v1/media/${media!.id}`;
      expect((await fx.as(null, { method: 'GET', url })).statusCode).toBe(401);
      expect((await fx.as('advisor', { method: 'GET', url })).statusCode).toBe(404);
      expect((await fx.as('candidate', { method: 'GET', url })).statusCode).toBe(404);
      const foreign = await fx.as('outsider', { method: 'GET', url });
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json()).toMatchObject({ error: { message: `media ${media!.id} not found` } });
      expect(codeOf(await fx.as('recruiter', { method: 'GET', url: '/api/v1/media/media_missing' }))).toBe(
        'NOT_FOUND',
      );
    });
  });
}
