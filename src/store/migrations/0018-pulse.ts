import { sql, type Kysely } from 'kysely';

/**
 * The candidate pulse (issue 14, flow 6): `pulse_response`, one answer (0–10, how likely they are
 * to recommend applying here, and an optional comment) per survey message, kept per job and
 * round for the candidate NPS; and `workspace_settings.events_line`, an optional line a workspace
 * adds to its declines (an invitation to its events).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pulse_response')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('job_id', 'text', (c) => c.notNull().references('job.id').onDelete('cascade'))
    /** The round the survey followed: `online_interview` or `scheduled_interview`. */
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('candidate.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.references('application.id').onDelete('set null'))
    /** The survey message answered: one answer per survey (a second one replaces the first). */
    .addColumn('survey_message_id', 'text', (c) => c.notNull().unique())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    /** email | sms: where the answer came from. */
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('pulse_response_score_check', sql`score between 0 and 10`)
    .addCheckConstraint('pulse_response_channel_check', sql`channel in ('email', 'sms')`)
    .execute();
  await db.schema
    .createIndex('pulse_response_job_idx')
    .on('pulse_response')
    .columns(['job_id', 'stage'])
    .execute();
  await db.schema.alterTable('workspace_settings').addColumn('events_line', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('workspace_settings').dropColumn('events_line').execute();
  await db.schema.dropTable('pulse_response').execute();
}
