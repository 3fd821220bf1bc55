import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from '../store/index.js';
import { postgresTestSchema } from '../store/test-helpers.js';
import { need, requires } from '../test-helpers.js';
import { describeJourney } from './journey.suite.js';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-journey-db-'));

requires(need.tool('radicale')).describe('SQLite', () => {
  afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));
  describeJourney('sqlite', (now) => openStore({ dataDir: tempDir, now }));
});

const databaseUrl = process.env.TEST_DATABASE_URL;
const { schema, drop } = postgresTestSchema('candor_journey_test', databaseUrl);

requires(need.tool('radicale'), need.database()).describe('PostgreSQL (TEST_DATABASE_URL)', () => {
  afterAll(drop);
  describeJourney('postgres', (now) => openStore({ dataDir: tempDir, databaseUrl, schema, now }));
});
