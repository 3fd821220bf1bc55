/**
 * The server answers while it analyses: `GET /api/v1/health` during the analysis of a transcript
 * at the size limit, against the same request on the idle server in the same test. Analysis runs
 * in the worker thread (`startWorkerThread`, loading the built dist/ entry: `npm test` builds first).
 */
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INPUT_LIMITS, writeTranscriptText } from '../pipeline/index.js';
import { hiringFixture, longTranscript, tempDir } from '../pipeline/test-helpers.js';
import { openStore, type Store, type StoreOptions } from '../store/index.js';
import { postgresTestSchema } from '../store/test-helpers.js';
import { buildApp } from './app.js';
import { testConfig } from './app.suite.js';
import { analysisTask, startWorkerThread, type WorkerLogger } from './worker/index.js';
import { waitForTask } from './worker/worker.suite.js';

const quiet: WorkerLogger = { info: () => undefined, error: () => undefined };
/** Generous for a loaded 2-core machine: a frozen server takes seconds, i.e. thousands of times idle. */
const MAX_RATIO = 50;
const MAX_BUSY_MS = 2000;

async function latencies(url: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    times.push(performance.now() - start);
    expect(response.status).toBe(200);
    await new Promise((r) => setTimeout(r, 25));
  }
  return times;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function describeHealth(name: string, options: StoreOptions): void {
  describe(`GET /health while a maximal transcript is analysed (${name})`, () => {
    const media = tempDir('candor-health-media-');
    const mediaDir = path.join(media.dir, 'media');
    let store: Store;
    let url = '';
    let close = async () => undefined as void;

    beforeAll(async () => {
      store = await openStore(options);
      const app = await buildApp({ store, config: { ...testConfig, mediaDir } });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/api/v1/health`;
      close = async () => {
        await app.close();
        await store.close();
        media.cleanup();
      };
    });
    afterAll(() => close());

    it('answers promptly: busy/idle latency ratio and absolute time bounded', async () => {
      const hiring = await hiringFixture(store, `health-${name}-${Date.now()}`);
      const interview = await store.interviews.create({
        workspaceId: hiring.workspaceId,
        applicationId: hiring.applicationId,
        kind: 'live',
      });
      const text = longTranscript(DEFAULT_INPUT_LIMITS.transcriptBytes);
      await writeTranscriptText(mediaDir, interview, text);

      await latencies(url, 5); // warm-up: connection, JIT, route
      const idle = await latencies(url, 20);

      const worker = startWorkerThread({
        store: options,
        queue: store.queue,
        config: { mediaDir },
        pollMs: 20,
        logger: quiet,
      });
      try {
        const queued = await store.queue.enqueue(analysisTask(interview));
        await waitForTask(store, queued.id, ['running', 'done', 'failed']);
        const busy = await latencies(url, 20);
        // The measurement counts only if the analysis was still running all along.
        expect((await store.queue.get(queued.id)).status).toBe('running');
        const ratio = median(busy) / Math.max(median(idle), 1);
        expect(
          ratio,
          `busy ${median(busy).toFixed(1)} ms vs idle ${median(idle).toFixed(1)} ms`,
        ).toBeLessThan(MAX_RATIO);
        expect(Math.max(...busy)).toBeLessThan(MAX_BUSY_MS);

        const { task } = await waitForTask(store, queued.id, ['done', 'failed'], 170_000);
        expect(task).toMatchObject({ status: 'done', attempts: 1 });
      } finally {
        await worker.stop();
      }
    }, 240_000);
  });
}

const sqliteDir = tempDir('candor-health-db-');
afterAll(() => sqliteDir.cleanup());
describeHealth('sqlite', { dataDir: sqliteDir.dir });

const databaseUrl = process.env.TEST_DATABASE_URL;
const { schema, drop } = postgresTestSchema('candor_health_test', databaseUrl);
describe.skipIf(!databaseUrl)('PostgreSQL (TEST_DATABASE_URL)', () => {
  afterAll(drop);
  describeHealth('postgres', { dataDir: os.tmpdir(), databaseUrl, schema });
});
