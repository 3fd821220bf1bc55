import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe } from 'vitest';
import { openStore } from '../../../store/index.js';
import { postgresTestSchema } from '../../../store/test-helpers.js';
import { need, requires } from '../../../test-helpers.js';
import { describeFairnessRoutes } from './fairness-routes.suite.js';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-fairness-routes-'));

describe('SQLite', () => {
  afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));
  describeFairnessRoutes('sqlite', (now) => openStore({ dataDir: tempDir, now }));
});

const databaseUrl = process.env.TEST_DATABASE_URL;
const { schema, drop } = postgresTestSchema('candor_fairness_routes_test', databaseUrl);

requires(need.database()).describe('PostgreSQL (TEST_DATABASE_URL)', () => {
  afterAll(drop);
  describeFairnessRoutes('postgres', (now) => openStore({ dataDir: tempDir, databaseUrl, schema, now }));
});
