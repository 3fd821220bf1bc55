import { sql, type Kysely } from 'kysely';

/**
 * The follow-up agent's messages (issue 14): one table for what Candor sends (the outbox: queued
 * until the dispatcher sends it, with its idempotency key, attempts and the reason it waits or
 * failed) and what candidates send back (with the reply's intent and whether a person must
 * answer); and `agent_pause`, where recruiters pause the agent for a candidate or a job.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('message')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('candidate_id', 'text', (c) => c.references('candidate.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.references('application.id').onDelete('set null'))
    .addColumn('invitation_id', 'text', (c) => c.references('invitation.id').onDelete('set null'))
    /** out | in */
    .addColumn('direction', 'text', (c) => c.notNull())
    /** invitation, confirmation, reminder, status_update, micro_task, scheduling, decline, pulse, opt_out, reply */
    .addColumn('flow', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    /** Outbound only: `<candidate>:<flow>:<step>`; one message per key, however often an event repeats. */
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    /** email | sms */
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('from_address', 'text')
    .addColumn('subject', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    /** queued | sending | sent | failed | bounced | cancelled | received */
    .addColumn('status', 'text', (c) => c.notNull())
    /** Why a queued message waits (quiet hours, the weekly cap, a pause) or why it was cancelled. */
    .addColumn('note', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('provider_id', 'text')
    /** Inbound: the reply's intent, the classifier's confidence, and the frustration flag. */
    .addColumn('intent', 'text')
    .addColumn('confidence', 'real')
    .addColumn('frustrated', 'integer')
    /** Inbound: 1 while a person must answer it (the recruiters' inbox); 0 when handled. */
    .addColumn('needs_person', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('handled_by', 'text')
    .addColumn('handled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addCheckConstraint('message_direction_check', sql`direction in ('out', 'in')`)
    .addCheckConstraint('message_channel_check', sql`channel in ('email', 'sms')`)
    .addCheckConstraint(
      'message_status_check',
      sql`status in ('queued', 'sending', 'sent', 'failed', 'bounced', 'cancelled', 'received')`,
    )
    .execute();
  await db.schema.createIndex('message_due_idx').on('message').columns(['status', 'due_at']).execute();
  await db.schema
    .createIndex('message_candidate_idx')
    .on('message')
    .columns(['candidate_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('agent_pause')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    /** candidate | job */
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('paused_by', 'text', (c) => c.notNull())
    .addColumn('paused_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('agent_pause_pk', ['subject_type', 'subject_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('agent_pause').execute();
  await db.schema.dropTable('message').execute();
}
