import { sql, type Kysely } from 'kysely';
import { DOUBLE_TYPE } from '../dialect.js';

/**
 * The web app's workflow: the embedded job queue (`task`), uploaded media (`media`), practice
 * interviews owned by a student (`interview.user_id`), and advisors' cohorts of students.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('interview')
    // No foreign key: SQLite cannot drop a column that has one, and `down` must work on both.
    .addColumn('user_id', 'text')
    .execute();
  await db.schema.alterTable('interview').addColumn('title', 'text').execute();
  await db.schema.createIndex('interview_user_idx').on('interview').column('user_id').execute();

  await db.schema
    .createTable('task')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('progress', 'text')
    .addColumn('result', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('task_status_check', sql`status in ('queued', 'running', 'done', 'failed')`)
    .execute();
  await db.schema.createIndex('task_claim_idx').on('task').columns(['status', 'run_at']).execute();

  await db.schema
    .createTable('media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('interview_id', 'text', (c) => c.notNull().references('interview.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('question_id', 'text')
    .addColumn('question_text', 'text')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('storage_path', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('duration_s', DOUBLE_TYPE)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('media_interview_idx').on('media').column('interview_id').execute();

  await db.schema
    .createTable('cohort')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('cohort_workspace_name_unique', ['workspace_id', 'name'])
    .execute();
  await db.schema
    .createTable('cohort_member')
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohort.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cohort_member_pk', ['cohort_id', 'user_id'])
    .execute();
}

/** Drops everything `up` created, children first. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['cohort_member', 'cohort', 'media', 'task']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema.dropIndex('interview_user_idx').ifExists().execute();
  await db.schema.alterTable('interview').dropColumn('title').execute();
  await db.schema.alterTable('interview').dropColumn('user_id').execute();
}
