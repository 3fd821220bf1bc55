/**
 * The worker on a real database: `worker.test.ts` runs these on SQLite and, when
 * TEST_DATABASE_URL is set, on PostgreSQL.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignalAnalyzer } from '../../analysis/index.js';
import { defaultAnalyzer, writeTranscriptText } from '../../pipeline/index.js';
import {
  addRecording,
  hiringFixture,
  makeJfkOgg,
  priyaText,
  speechTools,
  tempDir,
  type HiringFixture,
} from '../../pipeline/test-helpers.js';
import type { Store, TaskRecord, TaskStatus } from '../../store/index.js';
import { analysisTask } from './task-kinds.js';
import { startWorker, type Worker, type WorkerLogger } from './worker.js';

const quiet: WorkerLogger = { info: () => undefined, error: () => undefined };

/** Polls the task until it reaches one of `statuses` (or `until` holds), collecting every progress stage seen. */
export async function waitForTask(
  store: Store,
  id: string,
  statuses: readonly TaskStatus[] | ((task: TaskRecord) => boolean),
  timeoutMs = 60_000,
): Promise<{ task: TaskRecord; stages: string[] }> {
  const reached = typeof statuses === 'function' ? statuses : (t: TaskRecord) => statuses.includes(t.status);
  const stages: string[] = [];
  const until = Date.now() + timeoutMs;
  for (;;) {
    const task = await store.queue.get(id);
    const stage = task.progress?.stage;
    if (stage !== undefined && stages.at(-1) !== stage) stages.push(stage);
    if (reached(task)) return { task, stages };
    if (Date.now() > until) throw new Error(`task ${id} still ${task.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** @example describeWorker('sqlite', () => openStore({ dataDir })) */
export function describeWorker(name: string, open: () => Promise<Store>): void {
  describe(`analysis worker on ${name}`, () => {
    const data = tempDir('candor-worker-');
    const mediaDir = path.join(data.dir, 'media');
    const workers: Worker[] = [];
    let store: Store;
    let hiring: HiringFixture;
    const start = (options: Partial<Parameters<typeof startWorker>[0]> = {}) => {
      const worker = startWorker({ store, config: { mediaDir }, pollMs: 10, logger: quiet, ...options });
      workers.push(worker);
      return worker;
    };
    const interviewWith = async (transcript: string | null) => {
      const interview = await store.interviews.create({
        workspaceId: hiring.workspaceId,
        applicationId: hiring.applicationId,
        kind: 'live',
      });
      if (transcript !== null) await writeTranscriptText(mediaDir, interview, transcript);
      return interview;
    };

    beforeAll(async () => {
      store = await open();
      hiring = await hiringFixture(store, `worker-${name}-${Date.now()}`);
    });
    afterAll(async () => {
      await Promise.all(workers.map((w) => w.stop()));
      await store.close();
      data.cleanup();
    });

    it('analyses a queued interview and completes with its scorecard id', async () => {
      const interview = await interviewWith(priyaText());
      const queued = await store.queue.enqueue(analysisTask(interview));
      const worker = start();
      const { task } = await waitForTask(store, queued.id, ['done', 'failed']);
      await worker.stop();
      const scorecard = await store.scorecards.latestForInterview(interview.id);
      expect(task).toMatchObject({
        status: 'done',
        attempts: 1,
        lockedBy: null,
        lastError: null,
        progress: { stage: 'done', fraction: 1 },
        result: { scorecardId: scorecard?.id },
      });
    });

    it('fails bad input for good, with the parser message, after one attempt', async () => {
      const interview = await interviewWith('WEBVTT\n\n00:00:01.000 -> 00:00:02.000\nhello\n');
      const queued = await store.queue.enqueue(analysisTask(interview));
      const worker = start();
      const { task } = await waitForTask(store, queued.id, ['done', 'failed']);
      await worker.stop();
      expect(task).toMatchObject({ status: 'failed', attempts: 1, result: null });
      expect(task.lastError).toMatch(/^line 3: /);
      expect(await store.scorecards.latestForInterview(interview.id)).toBeNull();
    });

    it('retries any other error after a back-off, then completes', async () => {
      const interview = await interviewWith(priyaText());
      const queued = await store.queue.enqueue(analysisTask(interview));
      let calls = 0;
      const real = defaultAnalyzer();
      const flaky: SignalAnalyzer = {
        ...real,
        analyzeResponse: (...args) => {
          calls += 1;
          if (calls === 1) throw new Error('word vectors went missing');
          return real.analyzeResponse(...args);
        },
      };
      const before = Date.now();
      const worker = start({ analyzer: flaky, retryDelayMs: 1000 });
      const retried = await waitForTask(store, queued.id, (t) => t.lastError !== null);
      expect(retried.task).toMatchObject({
        status: 'queued',
        attempts: 1,
        lastError: 'word vectors went missing',
      });
      expect(Date.parse(retried.task.runAt)).toBeGreaterThanOrEqual(before + 1000);
      const { task } = await waitForTask(store, queued.id, ['done', 'failed']);
      await worker.stop();
      expect(task).toMatchObject({ status: 'done', attempts: 2, lastError: null });
    });

    it('takes over the task of a worker that died once its lease runs out', async () => {
      const interview = await interviewWith(priyaText());
      const queued = await store.queue.enqueue(analysisTask(interview));
      // A worker claims the task and dies: it never heartbeats, completes or fails.
      const dead = await store.queue.claim('dead-worker', ['analyze-interview'], 300);
      expect(dead?.id).toBe(queued.id);
      const worker = start({ workerId: 'survivor' });
      const { task } = await waitForTask(store, queued.id, ['done', 'failed']);
      await worker.stop();
      expect(task).toMatchObject({ status: 'done', attempts: 2 });
      expect(await store.scorecards.listForInterview(interview.id)).toHaveLength(1);
      expect(await store.queue.complete(queued.id, 'dead-worker', {})).toBe(false);
    });

    it('shares the queue between workers: every task runs once', async () => {
      const interviews = await Promise.all([1, 2, 3].map(() => interviewWith(priyaText())));
      const tasks = await Promise.all(interviews.map((i) => store.queue.enqueue(analysisTask(i))));
      const ran: string[] = [];
      const onTaskEnd = (t: TaskRecord) => ran.push(t.id);
      const pair = [start({ onTaskEnd }), start({ onTaskEnd })];
      for (const t of tasks)
        expect((await waitForTask(store, t.id, ['done', 'failed'])).task.status).toBe('done');
      await Promise.all(pair.map((w) => w.stop()));
      expect(ran.sort()).toEqual(tasks.map((t) => t.id).sort());
      for (const i of interviews) expect(await store.scorecards.listForInterview(i.id)).toHaveLength(1);
    });

    speechTools.describe('with recordings', () => {
      let ogg = '';
      beforeAll(() => {
        ogg = makeJfkOgg(data.dir);
      });

      it('heartbeats each stage while it decodes, recognises, measures, scores and saves', async () => {
        const interview = await interviewWith(null);
        await addRecording(store, mediaDir, interview, ogg, { position: 0 });
        const queued = await store.queue.enqueue(analysisTask(interview));
        const worker = start();
        const { task, stages } = await waitForTask(store, queued.id, ['done', 'failed'], 120_000);
        await worker.stop();
        expect(task.status).toBe('done');
        expect(stages).toContain('recognising speech');
        expect(stages.at(-1)).toBe('done');
      }, 120_000);

      it('gives the task in hand back to the queue when stopped', async () => {
        const interview = await interviewWith(null);
        await addRecording(store, mediaDir, interview, ogg, { position: 0 });
        const queued = await store.queue.enqueue(analysisTask(interview));
        // A recogniser that only ends when told to stop.
        const stuck = () =>
          Promise.resolve({
            name: 'stuck',
            transcribe: (_audio: AsyncIterable<Float32Array>, o?: { signal?: AbortSignal }) =>
              new Promise<never>((_resolve, reject) =>
                o?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
              ),
          });
        const worker = start({ recogniser: stuck });
        await waitForTask(store, queued.id, ['running']);
        await worker.stop();
        expect(await store.queue.get(queued.id)).toMatchObject({
          status: 'queued',
          attempts: 0,
          lockedBy: null,
        });

        // Taken again, then its lease lost to another worker: this one stops and writes nothing more.
        const outcomes: string[] = [];
        start({ recogniser: stuck, leaseMs: 300, onTaskEnd: (_t, outcome) => outcomes.push(outcome) });
        await waitForTask(store, queued.id, ['running']);
        await store.db.updateTable('task').set({ locked_by: 'thief' }).where('id', '=', queued.id).execute();
        for (let i = 0; i < 200 && outcomes.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
        expect(outcomes).toEqual(['lost']);
        expect(await store.queue.get(queued.id)).toMatchObject({
          status: 'running',
          lockedBy: 'thief',
          lastError: null,
        });
        await store.queue.complete(queued.id, 'thief', null);
      }, 60_000);
    });
  });
}
