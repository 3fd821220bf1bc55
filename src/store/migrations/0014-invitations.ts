import { sql, type Kysely } from 'kysely';

/**
 * Interviews by link (issue 13): `invitation`, one per candidate invited to a job's interview, its
 * link stored only as a SHA-256 hash, the questions copied when it was sent (editing the question
 * set later does not change an interview in progress), the terms (deadline, seconds per answer,
 * preparation seconds, retakes, text answers), the consent with the notice's version, and the
 * interview it filled; `invitation_attempt`, every recording or typed answer the candidate
 * started, with the bytes received so far, so a closed tab resumes where the upload stopped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('invitation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('job_id', 'text', (c) => c.notNull().references('job.id').onDelete('cascade'))
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('candidate.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('application.id').onDelete('cascade'))
    /** SHA-256 (hex) of the link's token; the token itself is shown once and never stored. */
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    /** JSON array of the questions as they were when the invitation was sent. */
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('question_set_id', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('answer_seconds', 'integer', (c) => c.notNull())
    .addColumn('prep_seconds', 'integer', (c) => c.notNull())
    .addColumn('retakes', 'integer', (c) => c.notNull())
    .addColumn('text_answers', 'integer', (c) => c.notNull())
    /** invited | started | completed | revoked (expiry is read from expires_at). */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('notice_version', 'text')
    .addColumn('consented_at', 'text')
    .addColumn('opened_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('interview_id', 'text', (c) => c.references('interview.id').onDelete('set null'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'invitation_status_check',
      sql`status in ('invited', 'started', 'completed', 'revoked')`,
    )
    .addCheckConstraint('invitation_text_answers_check', sql`text_answers in (0, 1)`)
    .execute();
  await db.schema
    .createIndex('invitation_job_idx')
    .on('invitation')
    .columns(['job_id', 'created_at'])
    .execute();
  await db.schema.createIndex('invitation_candidate_idx').on('invitation').column('candidate_id').execute();
  await db.schema
    .createTable('invitation_attempt')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitation.id').onDelete('cascade'))
    /** The question's place in the invitation's questions, from 0; also the media position. */
    .addColumn('position', 'integer', (c) => c.notNull())
    /** 1 for the first take of a question, 2 for the first retake, … */
    .addColumn('attempt', 'integer', (c) => c.notNull())
    /** recording | text */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** Where the bytes are gathered while the recording uploads, relative to the media folder. */
    .addColumn('upload_path', 'text')
    .addColumn('bytes', 'integer', (c) => c.notNull())
    /** recording | kept | replaced | failed */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('duration_seconds', 'real')
    .addColumn('media_id', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addUniqueConstraint('invitation_attempt_unique', ['invitation_id', 'position', 'attempt'])
    .addCheckConstraint('invitation_attempt_kind_check', sql`kind in ('recording', 'text')`)
    .addCheckConstraint(
      'invitation_attempt_status_check',
      sql`status in ('recording', 'kept', 'replaced', 'failed')`,
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('invitation_attempt').execute();
  await db.schema.dropTable('invitation').execute();
}
