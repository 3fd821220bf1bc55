import type { Kysely } from 'kysely';

/**
 * Saved searches of the knowledge base (issue 16, part 3): a person's named query with its
 * filters, to run again from the search page. Each belongs to the user who saved it; names are
 * unique per user ignoring case (`name_key`). `filters` is JSON: `{ "kind": "customer", … }`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('saved_search')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    /** The name trimmed and lower-cased, unique per user. */
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    /** JSON object of filter name → value (strings). */
    .addColumn('filters', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('saved_search_name_unique', ['user_id', 'name_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('saved_search').execute();
}
