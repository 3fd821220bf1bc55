import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe } from 'vitest';
import { openStore } from '../../store/index.js';
import { postgresTestSchema } from '../../store/test-helpers.js';
import { describeIsolation } from './isolation.suite.js';
import { need, requires } from '../../test-helpers.js';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-isolation-'));
const mediaDir = path.join(tempDir, 'media');

describe('SQLite', () => {
  afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));
  describeIsolation('sqlite', () => openStore({ dataDir: tempDir }), mediaDir);
});

const databaseUrl = process.env.TEST_DATABASE_URL;
const { schema, drop } = postgresTestSchema('candor_isolation_test', databaseUrl);

requires(need.database()).describe('PostgreSQL (TEST_DATABASE_URL)', () => {
  afterAll(drop);
  describeIsolation('postgres', () => openStore({ dataDir: tempDir, databaseUrl, schema }), mediaDir);
});
