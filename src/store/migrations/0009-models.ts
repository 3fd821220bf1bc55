import { sql, type Kysely } from 'kysely';

/**
 * `scoring_model`: the trained scoring models of a workspace, one row per (id, version), with the
 * model file as JSON text. At most one version of one model is active per (workspace, target):
 * a partial unique index (both databases accept `where` on an index) holds that, so two
 * activations at once cannot leave two active models.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('scoring_model')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('scoring_model_pkey', ['workspace_id', 'id', 'version'])
    .addCheckConstraint('scoring_model_version_check', sql`version >= 1`)
    .addCheckConstraint('scoring_model_active_check', sql`active in (0, 1)`)
    .addCheckConstraint('scoring_model_source_check', sql`source in ('import', 'built-in')`)
    .execute();
  await sql`create unique index scoring_model_active on scoring_model (workspace_id, target) where active = 1`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('scoring_model').execute();
}
