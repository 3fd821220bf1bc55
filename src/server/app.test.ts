import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe } from 'vitest';
import { openStore } from '../store/index.js';
import { describeApp } from './app.suite.js';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-server-'));

describe('SQLite', () => {
  afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));
  describeApp('sqlite', () => openStore({ dataDir: tempDir }));
});

const databaseUrl = process.env.TEST_DATABASE_URL;
const schema = `candor_server_test_${process.pid}_${Date.now()}`;

describe.skipIf(!databaseUrl)('PostgreSQL (TEST_DATABASE_URL)', () => {
  afterAll(async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(`drop schema if exists "${schema}" cascade`);
    } finally {
      await client.end();
    }
  });
  describeApp('postgres', () => openStore({ dataDir: tempDir, databaseUrl, schema }));
});
