import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe } from 'vitest';
import { openStore } from '../store/index.js';
import { postgresTestSchema } from '../store/test-helpers.js';
import { need, requires } from '../test-helpers.js';
import { describeOversight } from './oversight.suite.js';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-oversight-db-'));

describe('SQLite', () => {
  afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));
  describeOversight('sqlite', () => openStore({ dataDir: tempDir }));
});

const databaseUrl = process.env.TEST_DATABASE_URL;
const { schema, drop } = postgresTestSchema('candor_oversight_test', databaseUrl);

requires(need.database()).describe('PostgreSQL (TEST_DATABASE_URL)', () => {
  afterAll(drop);
  describeOversight('postgres', () => openStore({ dataDir: tempDir, databaseUrl, schema }));
});
