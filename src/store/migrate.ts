import { Migrator, type Kysely, type Migration, type MigrationResult } from 'kysely';
import { CandorError } from '../core/index.js';
import { migrations } from './migrations/index.js';

export interface MigrateOptions {
  /** Schema for Kysely's own bookkeeping tables (PostgreSQL with a non-default schema). */
  readonly schema?: string | undefined;
}

/**
 * Brings the database up to the newest migration. Running it again does nothing.
 * Returns Kysely's result set (one entry per migration run now; empty when already current).
 *
 * @throws CandorError('INTERNAL', …, { migration }) naming the migration that failed.
 * @example const results = await migrateToLatest(db) // [{ migrationName: '0001-initial', direction: 'Up', status: 'Success' }]
 */
export function migrateToLatest<DB>(
  db: Kysely<DB>,
  options: MigrateOptions = {},
): Promise<MigrationResult[]> {
  return runMigrations(db, migrations, options);
}

/**
 * Runs a given set of migrations to the latest one; `migrateToLatest` with Candor's own set.
 * Exposed for tests that need a migration set of their own.
 *
 * @example await runMigrations(db, { '0001-initial': { up: async (db) => { … } } })
 */
export async function runMigrations<DB>(
  db: Kysely<DB>,
  set: Readonly<Record<string, Migration>>,
  options: MigrateOptions = {},
): Promise<MigrationResult[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve({ ...set }) },
    migrationTableSchema: options.schema,
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error === undefined) return [...results];
  const migration = results.find((result) => result.status === 'Error')?.migrationName ?? null;
  const reason = error instanceof Error ? error.message : 'unknown error (see cause)';
  throw new CandorError(
    'INTERNAL',
    migration === null
      ? `database setup failed before any migration ran: ${reason}`
      : `database migration ${migration} failed: ${reason}`,
    { migration },
    { cause: error },
  );
}
