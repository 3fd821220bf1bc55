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

it('keeps the filter facets in the SQLite index in step with tags, accounts and deletions', async () => {
  const store = await openStore({ dataDir: path.join(dataDir, 'facets') });
  try {
    const ws = await store.workspaces.ensure({ slug: 'facets', name: 'Facets' });
    const transcript = (account: string) =>
      addTranscript(store, {
        workspaceId: ws.id,
        kind: 'customer',
        account,
        occurredAt: '2026-01-01T00:00:00.000Z',
        lines: [
          ['Customer', 'The invoice was wrong twice.'],
          ['Manager', 'We fixed the invoice template.'],
        ],
      });
    const acme = await transcript('Acme Corp');
    const globex = await transcript('Globex');
    const draft = (kind: 'topic' | 'competitor', label: string) => ({
      kind,
      label,
      refId: null,
      quote: 'invoice',
      speaker: 'Customer',
      startS: 0,
      endS: 8,
      segmentPosition: 0,
      endPosition: null,
      sentiment: null,
      detail: null,
    });
    const found = async (filters: Parameters<typeof store.search.search>[2]) =>
      (await store.search.search(ws.id, 'invoice', filters)).interviews.map((h) => h.interviewId);
    const integrity = () =>
      sql`insert into transcript_segment_fts (transcript_segment_fts, rank) values ('integrity-check', 1)`.execute(
        store.db,
      );

    await store.knowledge.replaceTags(acme, [draft('topic', 'Billing'), draft('competitor', 'Initech')]);
    expect(await found({ topic: 'billing' })).toEqual([acme]);
    expect(await found({ competitor: 'INITECH' })).toEqual([acme]);
    expect(await found({ account: 'acme corp', speaker: 'manager' })).toEqual([acme]);
    await integrity();

    // Tags replaced: the old topic no longer finds the interview, the new one does.
    await store.knowledge.replaceTags(acme, [draft('topic', 'Onboarding')]);
    await store.knowledge.replaceTags(globex, [draft('topic', 'Billing')]);
    expect(await found({ topic: 'billing' })).toEqual([globex]);
    expect(await found({ topic: 'onboarding' })).toEqual([acme]);
    expect(await found({ competitor: 'initech' })).toEqual([]);
    await integrity();

    // An interview deleted with its tags and segments leaves nothing behind in the index.
    await store.interviews.delete(globex);
    expect(await found({ topic: 'billing' })).toEqual([]);
    const { rows } = await sql<{ n: number }>`select count(*) as n from transcript_segment_fts
      where transcript_segment_fts match 'invoice'`.execute(store.db);
    expect(rows[0]?.n).toBe(2);
    await integrity();
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
