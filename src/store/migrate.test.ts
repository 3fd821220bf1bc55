import { Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { CandorError } from '../core/index.js';
import { createDialect } from './dialect.js';
import { migrateToLatest, runMigrations } from './migrate.js';
import { migrations } from './migrations/index.js';
import { ScorecardBody, scorecardJson } from '../domain/index.js';
import { sampleScorecardBody } from './store-fixtures.suite.js';

function memoryDb(): Kysely<unknown> {
  return new Kysely<unknown>({ dialect: createDialect({ kind: 'sqlite', file: ':memory:' }).dialect });
}

describe('migrateToLatest', () => {
  it('applies every migration once, in order, and nothing on the second run', async () => {
    const db = memoryDb();
    try {
      const first = await migrateToLatest(db);
      expect(first.map((r) => [r.migrationName, r.status])).toEqual([
        ['0001-initial', 'Success'],
        ['0002-accounts', 'Success'],
        ['0003-workflow', 'Success'],
        ['0004-upload-positions', 'Success'],
        ['0005-workspace-catalogue', 'Success'],
        ['0006-scorecard-summary', 'Success'],
        ['0007-login-throttle', 'Success'],
        ['0008-ratings', 'Success'],
        ['0009-models', 'Success'],
        ['0010-demographics', 'Success'],
        ['0011-fairness-alerts', 'Success'],
        ['0013-workspace-settings', 'Success'],
        ['0014-invitations', 'Success'],
        ['0015-messages', 'Success'],
        ['0016-bookings', 'Success'],
        ['0017-scheduling', 'Success'],
        ['0018-pulse', 'Success'],
        ['0019-micro-tasks', 'Success'],
        ['0020-agent-settings', 'Success'],
        ['0021-interview-metadata', 'Success'],
        ['0022-search', 'Success'],
        ['0023-knowledge-tags', 'Success'],
        ['0025-saved-searches', 'Success'],
        ['0026-search-facets', 'Success'],
      ]);
      expect(await migrateToLatest(db)).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it('names the migration that failed in a CandorError', async () => {
    const db = memoryDb();
    try {
      const broken = {
        ...migrations,
        '9999-broken': {
          up: (d: Kysely<unknown>) => sql`create table no_such_syntax (`.execute(d).then(() => undefined),
        },
      };
      const error = await runMigrations(db, broken).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CandorError);
      expect(error).toMatchObject({ code: 'INTERNAL', details: { migration: '9999-broken' } });
      expect((error as CandorError).message).toMatch(/^database migration 9999-broken failed: /);
      // The migration before it stays applied.
      expect(await runMigrations(db, migrations)).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it('can undo every migration, leaving no Candor table behind', async () => {
    const db = memoryDb();
    try {
      await migrateToLatest(db);
      for (const name of Object.keys(migrations).sort().reverse()) await migrations[name]!.down!(db);
      const tables = await db.introspection.getTables();
      expect(tables.map((t) => t.name)).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it('0006 summarises existing scorecards and rewrites their bodies with the response serializer', async () => {
    const db = memoryDb();
    try {
      const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0006'));
      await runMigrations(db, before);
      const at = '2025-03-01T00:00:00.000Z';
      await sql`insert into workspace (id, slug, name, created_at) values ('ws', 'ws', 'WS', ${at})`.execute(
        db,
      );
      await sql`insert into job (id, workspace_id, title, description, skills, created_at)
        values ('job', 'ws', 'SDR', '', '[]', ${at})`.execute(db);
      await sql`insert into candidate (id, workspace_id, name, created_at) values ('cand', 'ws', 'Ána Díaz', ${at})`.execute(
        db,
      );
      await sql`insert into application (id, candidate_id, job_id, created_at, updated_at)
        values ('app', 'cand', 'job', ${at}, ${at})`.execute(db);
      await sql`insert into interview (id, workspace_id, application_id, kind, created_at)
        values ('intv', 'ws', 'app', 'live', ${at})`.execute(db);
      // As the engine used to store it: JSON.stringify, its own key order, and a field the schema lacks.
      const sample = sampleScorecardBody(62);
      const old = { secret: 'not for clients', ...sample, overall: { confidence: 0.8, score: 62 } };
      await sql`insert into scorecard (id, interview_id, framework_id, framework_version, engine_version,
        overall_score, content_hash, body, created_at)
        values ('sc', 'intv', 'f', '1', '0', 62, 'h', ${JSON.stringify(old)}, ${at})`.execute(db);

      await migrateToLatest(db);
      const { rows } = await sql<{ body: string }>`select body from scorecard where id = 'sc'`.execute(db);
      expect(rows[0]?.body).toBe(scorecardJson(ScorecardBody.parse(old)));
      expect(rows[0]?.body).not.toContain('secret');
      const summary = await sql<Record<string, unknown>>`select * from scorecard_summary`.execute(db);
      expect(summary.rows).toEqual([
        expect.objectContaining({
          scorecard_id: 'sc',
          interview_id: 'intv',
          application_id: 'app',
          job_id: 'job',
          name_key: 'ana diaz',
          overall_score: 62,
          rank_score: 62,
          strengths: '["Communication"]',
          competencies: '[{"id":"communication","name":"Communication","score":62}]',
        }),
      ]);
    } finally {
      await db.destroy();
    }
  });
});
