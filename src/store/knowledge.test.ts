import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from './index.js';
import { describeKnowledge } from './knowledge.suite.js';
import { postgresTestSchema } from './test-helpers.js';
import { need, requires } from '../test-helpers.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-knowledge-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describeKnowledge('SQLite', () => openStore({ dataDir }));

const databaseUrl = process.env.TEST_DATABASE_URL;
const { schema, drop } = postgresTestSchema('candor_knowledge', databaseUrl);

requires(need.database()).describe('PostgreSQL (TEST_DATABASE_URL)', () => {
  afterAll(drop);
  describeKnowledge('PostgreSQL', () => openStore({ dataDir, databaseUrl, schema }));
});
