import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from './index.js';
import { describeKnowledgeTrends } from './knowledge-trends.suite.js';
import { postgresTestSchema } from './test-helpers.js';
import { need, requires } from '../test-helpers.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-trends-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

requires(need.sharedData('meetings-qmsum/Product')).describe('SQLite', () => {
  describeKnowledgeTrends('SQLite', () => openStore({ dataDir }));
});

const databaseUrl = process.env.TEST_DATABASE_URL;
const { schema, drop } = postgresTestSchema('candor_trends', databaseUrl);

requires(need.database(), need.sharedData('meetings-qmsum/Product')).describe(
  'PostgreSQL (TEST_DATABASE_URL)',
  () => {
    afterAll(drop);
    describeKnowledgeTrends('PostgreSQL', () => openStore({ dataDir, databaseUrl, schema }));
  },
);
