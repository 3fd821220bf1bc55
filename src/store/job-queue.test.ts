import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe } from 'vitest';
import { openStore } from './index.js';
import { describeJobQueue } from './job-queue.suite.js';
import { postgresTestSchema } from './test-helpers.js';
import { need, requires } from '../test-helpers.js';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-queue-'));

describe('SQLite', () => {
  afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));
  describeJobQueue('sqlite', (now) => openStore({ dataDir: tempDir, now }));
});

const databaseUrl = process.env.TEST_DATABASE_URL;
const { schema, drop } = postgresTestSchema('candor_queue_test', databaseUrl);

requires(need.database()).describe('PostgreSQL (TEST_DATABASE_URL)', () => {
  afterAll(drop);
  describeJobQueue('postgres', (now) => openStore({ dataDir: tempDir, databaseUrl, schema, now }));
});
