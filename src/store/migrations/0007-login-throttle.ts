import type { Kysely } from 'kysely';

/**
 * Failed sign-ins per account (`login_throttle`), so a lockout holds across restarts and across
 * servers sharing one database. `key` is the SHA-256 of workspace and email: the table never
 * holds an address someone typed, and an email without an account is counted like any other.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('first_failure_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_throttle_updated_idx')
    .on('login_throttle')
    .column('updated_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('login_throttle').execute();
}
