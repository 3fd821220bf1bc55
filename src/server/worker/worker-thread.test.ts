/**
 * The analysis worker in its thread (the built dist/ entry; `npm test` builds first), on SQLite
 * and, when TEST_DATABASE_URL is set, on PostgreSQL: it analyses, a thread that dies has its task
 * retried exactly once and is restarted, and stopping while it is busy ends cleanly.
 */
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTranscriptText } from '../../pipeline/index.js';
import {
  hiringFixture,
  longTranscript,
  priyaText,
  tempDir,
  type HiringFixture,
} from '../../pipeline/test-helpers.js';
import { openStore, type Store, type StoreOptions } from '../../store/index.js';
import { postgresTestSchema } from '../../store/test-helpers.js';
import { analysisTask } from './task-kinds.js';
import { startWorkerThread, type WorkerThread } from './worker-thread.js';
import type { WorkerLogger } from './worker.js';
import { waitForTask } from './worker.suite.js';

const quiet: WorkerLogger = { info: () => undefined, error: () => undefined };

function describeThread(name: string, options: StoreOptions): void {
  describe(`analysis thread on ${name}`, () => {
    const media = tempDir('candor-thread-media-');
    const mediaDir = path.join(media.dir, 'media');
    let store: Store;
    let hiring: HiringFixture;
    const threads: WorkerThread[] = [];
    const start = (
      extra: { restartDelayMs?: number; stopGraceMs?: number; onTaskStart?: (id: string) => void } = {},
    ) => {
      const thread = startWorkerThread({
        store: options,
        queue: store.queue,
        config: { mediaDir },
        pollMs: 20,
        retryDelayMs: 0,
        logger: quiet,
        ...extra,
      });
      threads.push(thread);
      return thread;
    };
    const interviewWith = async (text: string) => {
      const interview = await store.interviews.create({
        workspaceId: hiring.workspaceId,
        applicationId: hiring.applicationId,
        kind: 'live',
      });
      await writeTranscriptText(mediaDir, interview, text);
      return interview;
    };

    beforeAll(async () => {
      store = await openStore(options);
      hiring = await hiringFixture(store, `thread-${name}-${Date.now()}`);
    });
    afterAll(async () => {
      await Promise.all(threads.map((t) => t.stop()));
      await store.close();
      media.cleanup();
    });

    it('analyses a queued interview in the thread', async () => {
      const interview = await interviewWith(priyaText());
      const queued = await store.queue.enqueue(analysisTask(interview));
      const thread = start();
      const { task } = await waitForTask(store, queued.id, ['done', 'failed'], 120_000);
      await thread.stop();
      const scorecard = await store.scorecards.latestForInterview(interview.id);
      expect(task).toMatchObject({ status: 'done', attempts: 1, result: { scorecardId: scorecard?.id } });
    }, 120_000);

    it('retries the task of a thread that died exactly once, in a restarted thread', async () => {
      const interview = await interviewWith(longTranscript(256 * 1024));
      const queued = await store.queue.enqueue(analysisTask(interview));
      let crashed: Promise<void> | undefined;
      // Dies as soon as it has claimed the task, as a thread running out of memory would.
      const thread = start({ restartDelayMs: 50, onTaskStart: () => void (crashed ??= thread.crash()) });
      await waitForTask(store, queued.id, (t) => t.lastError !== null);
      await crashed;
      expect((await store.queue.get(queued.id)).lastError).toMatch(/analysis thread stopped/);
      const { task } = await waitForTask(store, queued.id, ['done', 'failed'], 120_000);
      await thread.stop();
      expect(task).toMatchObject({ status: 'done', attempts: 2, lastError: null });
      expect(thread.starts).toBe(2);
      expect(await store.scorecards.listForInterview(interview.id)).toHaveLength(1);
    }, 120_000);

    it('stops while busy: the task goes back to the queue unstarted and the thread ends', async () => {
      const interview = await interviewWith(longTranscript(1024 * 1024));
      const queued = await store.queue.enqueue(analysisTask(interview));
      const thread = start({ stopGraceMs: 200 });
      await waitForTask(store, queued.id, ['running']);
      await thread.stop();
      expect(await store.queue.get(queued.id)).toMatchObject({
        status: 'queued',
        attempts: 0,
        lockedBy: null,
      });
      expect(thread.workerId).toBe('');
    }, 60_000);
  });
}

const sqliteDir = tempDir('candor-thread-db-');
afterAll(() => sqliteDir.cleanup());
describeThread('sqlite', { dataDir: sqliteDir.dir });

const databaseUrl = process.env.TEST_DATABASE_URL;
const { schema, drop } = postgresTestSchema('candor_thread_test', databaseUrl);
describe.skipIf(!databaseUrl)('PostgreSQL (TEST_DATABASE_URL)', () => {
  afterAll(drop);
  describeThread('postgres', { dataDir: os.tmpdir(), databaseUrl, schema });
});
