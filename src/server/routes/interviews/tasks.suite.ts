/** GET /tasks/:id, GET /tasks/:id/events, and the whole path to a scorecard; registered by `interviews.test.ts`. */
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNAL_CATALOGUE } from '../../../analysis/index.js';
import { analyzeTranscript, loadFramework, loadQuestionSet } from '../../../assessment/index.js';
import { engineVersion } from '../../../core/index.js';
import { parseTranscript } from '../../../ingest/index.js';
import { defaultAnalyzer } from '../../../pipeline/index.js';
import { addRecording, makeJfkOgg, PRIYA_VTT, speechTools, tempDir } from '../../../pipeline/test-helpers.js';
import { jobProfile, type Store } from '../../../store/index.js';
import { buildApp } from '../../app.js';
import { analysisTask, speakersOf, startWorker } from '../../worker/index.js';
import { multipart, routeFixture, type Caller, type RouteFixture } from './test-fixture.js';
import type { TaskJson } from './schemas.js';

const quiet = { info: () => undefined, error: () => undefined };
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The `task` events of a text/event-stream body, in order. */
function taskEvents(body: string): TaskJson[] {
  return body
    .split('\n\n')
    .filter((block) => block.startsWith('event: task\n'))
    .map(
      (block) =>
        JSON.parse(
          block
            .split('\n')
            .find((l) => l.startsWith('data: '))!
            .slice(6),
        ) as TaskJson,
    );
}

/** @example describeTasks('sqlite', () => openStore({ dataDir })) */
export function describeTasks(name: string, open: () => Promise<Store>): void {
  describe(`tasks, their event stream and the path to a scorecard on ${name}`, () => {
    let fx: RouteFixture;
    beforeAll(async () => {
      fx = await routeFixture(open, 'tasks');
    });
    afterAll(() => fx.close());

    const newInterview = async (kind: 'live' | 'async' = 'live') =>
      (
        await fx.as('recruiter', {
          method: 'POST',
          url: '/api/v1/interviews',
          payload: { applicationId: fx.hiring.applicationId, kind },
        })
      ).json<{ id: string }>().id;
    const queued = async () =>
      fx.store.queue.enqueue(analysisTask(await fx.store.interviews.get(await newInterview())));
    /** Claims `id` for `workerId`, finishing any older task the claim hands out first. */
    const claimThis = async (id: string, workerId: string) => {
      for (let t = await fx.store.queue.claim(workerId, ['analyze-interview'], 60_000); t;) {
        if (t.id === id) return;
        await fx.store.queue.complete(t.id, workerId, null);
        t = await fx.store.queue.claim(workerId, ['analyze-interview'], 60_000);
      }
      throw new Error(`task ${id} was not claimable`);
    };
    const getTask = (caller: Caller | null, id: string) =>
      fx.as(caller, { method: 'GET', url: `/api/v1/tasks/${id}` });

    it('GET /tasks/:id shows a task to whoever may see its interview', async () => {
      const task = await queued();
      const res = await getTask('hiring_manager', task.id);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        id: task.id,
        kind: 'analyze-interview',
        status: 'queued',
        attempts: 0,
        maxAttempts: 3,
        progress: { stage: 'queued', fraction: null },
        result: null,
        lastError: null,
        createdAt: task.createdAt,
        updatedAt: task.updatedAt,
      });
      expect((await getTask(null, task.id)).statusCode).toBe(401);
      expect((await getTask('advisor', task.id)).statusCode).toBe(404);
      const asCandidate = await getTask('candidate', task.id);
      expect(asCandidate.statusCode).toBe(404);
      expect(asCandidate.json()).toMatchObject({ error: { message: `task ${task.id} not found` } });
      const foreign = await getTask('outsider', task.id);
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json()).toEqual({
        error: {
          code: 'NOT_FOUND',
          message: `task ${task.id} not found`,
          details: { entity: 'task', id: task.id },
        },
      });
    });

    it('GET /tasks/:id/events streams every change of the task and ends when it is done', async () => {
      const task = await queued();
      const stream = fx.as('recruiter', { method: 'GET', url: `/api/v1/tasks/${task.id}/events` });
      // Another process's worker, as far as the stream can tell: it only sees the database.
      await pause(400);
      await claimThis(task.id, 'elsewhere');
      await pause(400);
      await fx.store.queue.heartbeat(task.id, 'elsewhere', 60_000, { stage: 'scoring', fraction: 0.8 });
      await pause(400);
      await fx.store.queue.complete(task.id, 'elsewhere', { scorecardId: 'sc_streamed' });
      const res = await stream;
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
      expect(res.headers['cache-control']).toBe('no-cache');
      const events = taskEvents(res.body);
      expect(events.map((e) => [e.status, e.progress?.stage])).toEqual([
        ['queued', 'queued'],
        ['running', 'started'],
        ['running', 'scoring'],
        ['done', 'done'],
      ]);
      expect(events.at(-1)?.result).toEqual({ scorecardId: 'sc_streamed' });
    });

    it('GET /tasks/:id/events over a real socket: the first event comes at once, a client that leaves stops the polling', async () => {
      const task = await queued();
      const token = (await fx.store.users.createApiToken(fx.users.recruiter.id, 'sse')).token;
      const server = await buildApp({ store: fx.store, config: fx.config });
      const address = await server.listen({ port: 0, host: '127.0.0.1' });
      let reads = 0;
      const queue = fx.store.queue;
      const get = queue.get.bind(queue);
      Object.assign(queue, { get: (id: string) => ((reads += id === task.id ? 1 : 0), get(id)) });
      // node:http, one connection: fetch's pool may open a spare socket that would hold up close().
      const request = http.get(`${address}/api/v1/tasks/${task.id}/events`, {
        headers: { authorization: `Bearer ${token}` },
        agent: false,
      });
      try {
        const res = await new Promise<http.IncomingMessage>((resolve, reject) =>
          request.once('response', resolve).once('error', reject),
        );
        expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
        let text = '';
        res.setEncoding('utf8');
        for await (const chunk of res) {
          text += String(chunk);
          if (/event: task\n[^]*?\n\n/.test(text)) break;
        }
        expect(taskEvents(text)).toMatchObject([{ id: task.id, status: 'queued' }]);
        request.destroy();
        await pause(400);
        const after = reads;
        await pause(600);
        expect(reads).toBe(after);
      } finally {
        request.destroy();
        Object.assign(queue, { get });
        await server.close();
      }
    });

    it('GET /tasks/:id/events: one event for a finished task; 401, 404 for whoever may not see it', async () => {
      const task = await queued();
      await claimThis(task.id, 'w');
      await fx.store.queue.fail(task.id, 'w', 'line 3: expected "-->"', { retryDelayMs: 0, permanent: true });
      const url = `/api/v1/tasks/${task.id}/events`;
      const res = await fx.as('admin', { method: 'GET', url });
      expect(taskEvents(res.body)).toMatchObject([{ status: 'failed', lastError: 'line 3: expected "-->"' }]);
      expect((await fx.as(null, { method: 'GET', url })).statusCode).toBe(401);
      expect((await fx.as('advisor', { method: 'GET', url })).statusCode).toBe(404);
      expect((await fx.as('outsider', { method: 'GET', url })).statusCode).toBe(404);
    });

    it('POST /interviews/:id/analyze takes a speaker count for one recording and refuses bad ones clearly', async () => {
      const dir = tempDir('candor-speakers-');
      try {
        const interview = await fx.store.interviews.get(await newInterview('async'));
        // Never decoded: the task is only queued here.
        const file = path.join(dir.dir, 'interview.ogg');
        writeFileSync(file, 'OggS stand-in');
        await addRecording(fx.store, fx.config.mediaDir, interview, file, { position: 0 });
        const analyze = (payload?: unknown) =>
          fx.as('recruiter', {
            method: 'POST',
            url: `/api/v1/interviews/${interview.id}/analyze`,
            ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
          });
        for (const bad of [0, -1, 'two', 2.5, 21, '2', null]) {
          const res = await analyze({ speakers: bad });
          expect(res.statusCode, `speakers: ${JSON.stringify(bad)}`).toBe(400);
          expect(res.json()).toMatchObject({
            error: {
              code: 'VALIDATION_FAILED',
              message: 'body.speakers: expected "auto" or a whole number of speakers from 1 to 20',
              details: { in: 'body', field: 'speakers' },
            },
          });
        }
        expect((await analyze({ speaker: 2 })).statusCode).toBe(400);
        expect(
          await fx.store.queue.listBySubject(interview.workspaceId, 'interviewId', interview.id),
        ).toEqual([]);

        const two = await analyze({ speakers: 2 });
        expect(two.statusCode).toBe(202);
        const queuedTask = await fx.store.queue.get(two.json<TaskJson>().id);
        expect(queuedTask.payload).toEqual({ interviewId: interview.id, speakers: 2 });
        expect(speakersOf(queuedTask)).toBe(2);
        await claimThis(queuedTask.id, 'speakers-test');
        await fx.store.queue.fail(queuedTask.id, 'speakers-test', 'not run here', {
          permanent: true,
          retryDelayMs: 0,
        });

        // No body keeps the default (auto for a recording answering no named question).
        const plain = await analyze();
        expect(plain.statusCode, plain.body).toBe(202);
        const plainTask = await fx.store.queue.get(plain.json<TaskJson>().id);
        expect(plainTask.payload).toEqual({ interviewId: interview.id });
        expect(speakersOf(plainTask)).toBeUndefined();

        // Several recordings are one answer each: a speaker count is refused, not ignored.
        const answers = await fx.store.interviews.get(await newInterview('async'));
        await addRecording(fx.store, fx.config.mediaDir, answers, file, { position: 0 });
        await addRecording(fx.store, fx.config.mediaDir, answers, file, { position: 1 });
        const several = await fx.as('recruiter', {
          method: 'POST',
          url: `/api/v1/interviews/${answers.id}/analyze`,
          payload: { speakers: 'auto' },
        });
        expect(several.statusCode).toBe(400);
        expect(several.json<{ error: { message: string } }>().error.message).toBe(
          'body.speakers: only an interview recorded as one track (a single recording, no transcript) is split into speakers; the interview has 2 recordings, one answer each',
        );
        // A transcript says who speaks.
        const withTranscript = await newInterview();
        await fx.as('recruiter', {
          method: 'POST',
          url: `/api/v1/interviews/${withTranscript}/transcript`,
          payload: { content: readFileSync(PRIYA_VTT, 'utf8'), fileName: 'priya-strong.vtt' },
        });
        const transcribed = await fx.as('recruiter', {
          method: 'POST',
          url: `/api/v1/interviews/${withTranscript}/analyze`,
          payload: { speakers: 1 },
        });
        expect(transcribed.statusCode).toBe(400);
        expect(transcribed.json<{ error: { message: string } }>().error.message).toMatch(
          /; the interview has a transcript, and a transcript says who speaks$/,
        );
      } finally {
        dir.cleanup();
      }
    });

    it('end to end: interview, transcript upload, analyze, worker, scorecard as analyzeTranscript gives', async () => {
      const id = await newInterview();
      const upload = await fx.as('recruiter', {
        method: 'POST',
        url: `/api/v1/interviews/${id}/transcript`,
        payload: { content: readFileSync(PRIYA_VTT, 'utf8'), fileName: 'priya-strong.vtt' },
      });
      expect(upload.statusCode).toBe(201);
      const queuedTask = (
        await fx.as('recruiter', { method: 'POST', url: `/api/v1/interviews/${id}/analyze` })
      ).json<TaskJson>();
      const events = fx.as('hiring_manager', { method: 'GET', url: `/api/v1/tasks/${queuedTask.id}/events` });
      const worker = startWorker({ store: fx.store, config: fx.config, pollMs: 20, logger: quiet });
      const streamed = taskEvents((await events).body);
      await worker.stop();
      expect(streamed.at(-1)).toMatchObject({ status: 'done', attempts: 1 });
      const task = (
        await fx.as('recruiter', { method: 'GET', url: `/api/v1/tasks/${queuedTask.id}` })
      ).json<TaskJson>();
      expect(task.status).toBe('done');
      const scorecardId = task.result?.scorecardId;
      expect(scorecardId).toMatch(/^sc/);
      const detail = await fx.as('recruiter', { method: 'GET', url: `/api/v1/interviews/${id}` });
      expect(detail.json()).toMatchObject({ scorecardId, tasks: [{ id: queuedTask.id, status: 'done' }] });

      const expected = analyzeTranscript(
        {
          transcript: parseTranscript(readFileSync(PRIYA_VTT, 'utf8'), { file: 'priya-strong.vtt' }),
          source: { file: 'priya-strong.vtt', sha256: null },
          framework: loadFramework('default', new Set(SIGNAL_CATALOGUE.map((s) => s.id))),
          job: jobProfile(await fx.store.jobs.get(fx.hiring.jobId)),
          questions: loadQuestionSet('default').questions,
        },
        defaultAnalyzer(),
        engineVersion(),
      );
      const stored = await fx.store.scorecards.get(scorecardId!);
      expect(expected.scorecard.overall.score).not.toBeNull();
      expect(stored.overallScore).toBe(expected.scorecard.overall.score);
      expect(stored.interviewId).toBe(id);
    }, 60_000);

    speechTools.describe('with a recorded answer (ffmpeg, pocketsphinx)', () => {
      const dir = tempDir('candor-e2e-ogg-');
      afterAll(dir.cleanup);

      it('end to end: upload a recording, analyze, worker recognises it, media play from 0', async () => {
        const id = await newInterview('async');
        const ogg = readFileSync(makeJfkOgg(dir.dir));
        const uploaded = await fx.as('recruiter', {
          method: 'POST',
          url: `/api/v1/interviews/${id}/media`,
          ...multipart([{ name: 'file', filename: 'jfk.ogg', data: ogg }]),
        });
        expect(uploaded.statusCode).toBe(201);
        expect(uploaded.json()).toMatchObject({ contentType: 'audio/ogg', offsetSeconds: 0 });
        const queuedTask = (
          await fx.as('recruiter', { method: 'POST', url: `/api/v1/interviews/${id}/analyze` })
        ).json<TaskJson>();
        const worker = startWorker({ store: fx.store, config: fx.config, pollMs: 20, logger: quiet });
        const events = taskEvents(
          (await fx.as('recruiter', { method: 'GET', url: `/api/v1/tasks/${queuedTask.id}/events` })).body,
        );
        await worker.stop();
        expect(events.at(-1)).toMatchObject({ status: 'done' });
        expect(events.map((e) => e.progress?.stage)).toContain('recognising speech');
        const analysis = await fx.store.analyses.get(id);
        expect(
          analysis.segments
            .map((s) => s.text)
            .join(' ')
            .toLowerCase(),
        ).toMatch(/country/);
      }, 120_000);
    });
  });
}
