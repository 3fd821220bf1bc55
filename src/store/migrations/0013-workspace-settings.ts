import { sql, type Kysely } from 'kysely';

/**
 * The admin console (issue 13): `workspace_settings`, one row per workspace that changed a
 * default (no row: the defaults of `repositories/workspace-settings.ts`); `activity`, the audit
 * of who did what outside the hiring pipeline (users, tokens, settings, framework versions,
 * question sets; decisions stay in `pipeline_event`); `app_user.deactivated_at`, set when an
 * admin deactivates a user, who then cannot sign in and whose sessions and tokens stop working.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workspace_settings')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspace.id').onDelete('cascade'))
    .addColumn('response_target_days', 'integer', (c) => c.notNull())
    /** A number of days stored for the privacy issue; nothing deletes data by it yet. */
    .addColumn('retention_days', 'integer')
    /** 1 when voice signals count towards scores (the server's `--score-voice`). */
    .addColumn('score_voice', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('workspace_settings_target_check', sql`response_target_days between 1 and 60`)
    .addCheckConstraint('workspace_settings_voice_check', sql`score_voice in (0, 1)`)
    .execute();
  await db.schema
    .createTable('activity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    /** A user id, or `cli` / `system`. */
    .addColumn('actor', 'text', (c) => c.notNull())
    /** e.g. `user.created`, `token.revoked`, `settings.changed`, `framework.version_saved`. */
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    /** One line a person reads: "Role of Rita Reyes: recruiter → admin". */
    .addColumn('summary', 'text', (c) => c.notNull())
    /** JSON object; never a secret (token values and passwords are not written). */
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('activity_workspace_time_idx')
    .on('activity')
    .columns(['workspace_id', 'occurred_at'])
    .execute();
  await db.schema.alterTable('app_user').addColumn('deactivated_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('app_user').dropColumn('deactivated_at').execute();
  await db.schema.dropTable('activity').execute();
  await db.schema.dropTable('workspace_settings').execute();
}
