import { sql, type Kysely } from 'kysely';

/**
 * Interview bookings (issue 14, scheduling): one row per version of an interview's time. A
 * reschedule books the new time `tentative` with the same calendar UID and a higher sequence
 * (`replaces_id` pointing at the old row); confirming it releases the old one. The repository
 * keeps an interviewer's `tentative` and `confirmed` bookings from overlapping.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('booking')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('application.id').onDelete('cascade'))
    .addColumn('interviewer_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    /** ISO-8601 UTC (`2026-12-08T15:00:00.000Z`): compared as text. */
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    /** The interviewer's IANA zone: the invitation's TZID and the daily cap's days. */
    .addColumn('time_zone', 'text', (c) => c.notNull())
    /** tentative | confirmed | released | cancelled */
    .addColumn('status', 'text', (c) => c.notNull())
    /** The calendar event's SEQUENCE (RFC 5545 §3.8.7.4) for this version. */
    .addColumn('sequence', 'integer', (c) => c.notNull())
    /** The calendar event's UID, the same for every version of one interview. */
    .addColumn('uid', 'text', (c) => c.notNull())
    .addColumn('caldav_href', 'text')
    /** The booking this one moves (a reschedule); released when this one is confirmed. */
    .addColumn('replaces_id', 'text', (c) => c.references('booking.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'booking_status_check',
      sql`status in ('tentative', 'confirmed', 'released', 'cancelled')`,
    )
    .addCheckConstraint('booking_times_check', sql`starts_at < ends_at`)
    .execute();
  await db.schema
    .createIndex('booking_interviewer_idx')
    .on('booking')
    .columns(['interviewer_id', 'starts_at'])
    .execute();
  await db.schema.createIndex('booking_application_idx').on('booking').column('application_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('booking').execute();
}
