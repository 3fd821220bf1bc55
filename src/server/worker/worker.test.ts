import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe } from 'vitest';
import { closeSharedDecoder } from '../../analysis/speech/stt/index.js';
import { openStore } from '../../store/index.js';
import { postgresTestSchema } from '../../store/test-helpers.js';
import { describeWorker } from './worker.suite.js';
import { need, requires } from '../../test-helpers.js';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-worker-db-'));
afterAll(async () => {
  await closeSharedDecoder();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

describe('SQLite', () => {
  describeWorker('sqlite', () => openStore({ dataDir: tempDir }));
});

const databaseUrl = process.env.TEST_DATABASE_URL;
const { schema, drop } = postgresTestSchema('candor_worker_test', databaseUrl);

requires(need.database()).describe('PostgreSQL (TEST_DATABASE_URL)', () => {
  afterAll(drop);
  describeWorker('postgres', () => openStore({ dataDir: tempDir, databaseUrl, schema }));
});
