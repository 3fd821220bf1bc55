import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { describeBookings } from './bookings.suite.js';
import { openStore } from './index.js';
import { postgresTestSchema } from './test-helpers.js';
import { need, requires } from '../test-helpers.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-bookings-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describeBookings('SQLite', () => openStore({ dataDir }));

const databaseUrl = process.env.TEST_DATABASE_URL;
const { schema, drop } = postgresTestSchema('candor_bookings', databaseUrl);

requires(need.database()).describe('PostgreSQL (TEST_DATABASE_URL)', () => {
  afterAll(drop);
  describeBookings('PostgreSQL', () => openStore({ dataDir, databaseUrl, schema }));
});
