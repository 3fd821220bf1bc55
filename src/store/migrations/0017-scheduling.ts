import { sql, type Kysely } from 'kysely';

/**
 * Scheduling through the follow-up agent (issue 14, flows 1 and 4): each interviewer's calendar
 * (CalDAV address and credentials, the password sealed with AES-256-GCM under the server secret;
 * working hours, zone, daily cap), the slot proposals sent to candidates (which slots, in which
 * order, so a reply "2" can be resolved; a hashed token for the pick-by-link page), and
 * attachments on outbound messages (the ICS of an invitation).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('interviewer_calendar')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('app_user.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    /** The CalDAV calendar collection, or null: working hours and Candor's bookings only. */
    .addColumn('caldav_url', 'text')
    .addColumn('caldav_username', 'text')
    /** `v1.<iv>.<tag>.<ciphertext>` (base64url), AES-256-GCM under a key derived from the server secret. */
    .addColumn('caldav_password_sealed', 'text')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    /** JSON array of ISO weekdays (1 = Monday). */
    .addColumn('working_days', 'text', (c) => c.notNull())
    .addColumn('work_start', 'text', (c) => c.notNull())
    .addColumn('work_end', 'text', (c) => c.notNull())
    .addColumn('daily_cap', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('schedule_proposal')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('application.id').onDelete('cascade'))
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('candidate.id').onDelete('cascade'))
    /** open | booked | superseded | cancelled */
    .addColumn('status', 'text', (c) => c.notNull())
    /** JSON: the offered slots in the order they were numbered ({ start, end, interviewerIds, label }). */
    .addColumn('slots', 'text', (c) => c.notNull())
    /** JSON array of app_user ids. */
    .addColumn('interviewer_ids', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('horizon_days', 'integer', (c) => c.notNull())
    .addColumn('candidate_time_zone', 'text', (c) => c.notNull())
    /** Where the interview happens (a video link or an address), shown in invitations and reminders. */
    .addColumn('location', 'text')
    /** SHA-256 (hex) of the pick-by-link token. */
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    /** The calendar UID of the interview this proposal moves (a reschedule), else null. */
    .addColumn('reschedules_uid', 'text')
    /** The calendar UID booked from this proposal. */
    .addColumn('booked_uid', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'schedule_proposal_status_check',
      sql`status in ('open', 'booked', 'superseded', 'cancelled')`,
    )
    .execute();
  await db.schema
    .createIndex('schedule_proposal_application_idx')
    .on('schedule_proposal')
    .columns(['application_id', 'status'])
    .execute();
  /** JSON array of { filename, contentType, method?, content } or null. */
  await db.schema.alterTable('message').addColumn('attachments', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('message').dropColumn('attachments').execute();
  await db.schema.dropTable('schedule_proposal').execute();
  await db.schema.dropTable('interviewer_calendar').execute();
}
