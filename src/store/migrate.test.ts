import { Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { CandorError } from '../core/index.js';
import { createDialect } from './dialect.js';
import { migrateToLatest, runMigrations } from './migrate.js';
import { migrations } from './migrations/index.js';

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
        ['0007-login-throttle', 'Success'],
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
        '0009-broken': {
          up: (d: Kysely<unknown>) => sql`create table no_such_syntax (`.execute(d).then(() => undefined),
        },
      };
      const error = await runMigrations(db, broken).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CandorError);
      expect(error).toMatchObject({ code: 'INTERNAL', details: { migration: '0009-broken' } });
      expect((error as CandorError).message).toMatch(/^database migration 0009-broken failed: /);
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
});
