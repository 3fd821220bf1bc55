import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { openStore } from './index.js';
import { addTranscript, describeSearch } from './search.suite.js';
import { postgresTestSchema } from './test-helpers.js';
import { need, requires } from '../test-helpers.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-search-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describeSearch('SQLite', () => openStore({ dataDir }));

it('leaves the SQLite FTS5 index equal to the segments after edits and deletes', async () => {
  const store = await openStore({ dataDir: path.join(dataDir, 'integrity') });
  try {
    const ws = await store.workspaces.ensure({ slug: 'integrity', name: 'Integrity' });
    const lines = [['Candidate', 'We shipped the release on time.']] as const;
    const first = await addTranscript(store, {
      workspaceId: ws.id,
      kind: 'live',
      occurredAt: '2026-01-01T00:00:00.000Z',
      lines,
    });
    await addTranscript(store, {
      workspaceId: ws.id,
      kind: 'live',
      occurredAt: '2026-01-02T00:00:00.000Z',
      lines,
    });
    await store.db.updateTable('transcript_segment').set({ text: 'We missed the release.' }).execute();
    await store.interviews.delete(first);
    // 'integrity-check' with rank 1 compares the index with the content table
    // (https://www.sqlite.org/fts5.html#the_integrity_check_command); it throws on a difference.
    await sql`insert into transcript_segment_fts (transcript_segment_fts, rank) values ('integrity-check', 1)`.execute(
      store.db,
    );
    const { rows } = await sql<{
      n: number;
    }>`select count(*) as n from transcript_segment_fts where transcript_segment_fts match 'missed'`.execute(
      store.db,
    );
    expect(rows[0]?.n).toBe(1);
  } finally {
    await store.close();
  }
});

const databaseUrl = process.env.TEST_DATABASE_URL;
const { schema, drop } = postgresTestSchema('candor_search', databaseUrl);

requires(need.database()).describe('PostgreSQL (TEST_DATABASE_URL)', () => {
  afterAll(drop);
  describeSearch('PostgreSQL', () => openStore({ dataDir, databaseUrl, schema }));
});
