import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from './index.js';
import { describeStore } from './store.suite.js';
import { postgresTestSchema } from './test-helpers.js';
import { need, requires } from '../test-helpers.js';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-store-'));
// A folder that does not exist yet: openStore must create it.
const dataDir = path.join(tempDir, 'data');

describe('SQLite', () => {
  afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

  describeStore('sqlite', () => openStore({ dataDir }));

  it('keeps the database at <dataDir>/candor.db', () => {
    expect(fs.existsSync(path.join(dataDir, 'candor.db'))).toBe(true);
  });
});

const databaseUrl = process.env.TEST_DATABASE_URL;
const { schema, drop } = postgresTestSchema('candor_test', databaseUrl);

requires(need.database()).describe('PostgreSQL (TEST_DATABASE_URL)', () => {
  afterAll(drop);

  describeStore('postgres', () => openStore({ dataDir, databaseUrl, schema }));

  it('works inside its own schema, migration bookkeeping included', async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ table_name: string }>(
        'select table_name from information_schema.tables where table_schema = $1 order by table_name',
        [schema],
      );
      const tables = rows.map((r) => r.table_name);
      expect(tables).toContain('kysely_migration');
      expect(tables).toContain('scorecard');
      expect(tables).toContain('app_user');
      expect(tables).toContain('task');
      expect(tables).toContain('candidate_demographics');
      expect(tables).toContain('scoring_model');
      expect(tables).toContain('fairness_alert');
      expect(tables).toContain('webhook_delivery');
      expect(tables).toContain('workspace_settings');
      expect(tables).toContain('activity');
      expect(tables).toContain('booking');
      expect(tables).toContain('message');
      expect(tables).toContain('agent_pause');
      expect(tables).toContain('interviewer_calendar');
      expect(tables).toContain('schedule_proposal');
      expect(tables).toContain('pulse_response');
      expect(tables).toContain('micro_task');
      expect(tables).toContain('micro_task_switch');
      expect(tables).toContain('agent_template');
      expect(tables).toContain('agent_cadence');
      expect(tables).toContain('knowledge_topic');
      expect(tables).toContain('knowledge_name');
      expect(tables).toContain('knowledge_tag');
      expect(tables).toContain('saved_search');
      expect(tables).toHaveLength(47);
    } finally {
      await client.end();
    }
  });
});
