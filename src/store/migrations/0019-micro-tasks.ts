import { sql, type Kysely } from 'kysely';

/**
 * Micro-tasks (issue 14, follow-up on performance): `micro_task`, at most one per interview, the
 * single extra question sent to a candidate whose scorecard showed a competency with insufficient
 * evidence or a gap; its own link token (hash only, like invitations), the scorecard it was chosen
 * from, and the answer once given. `micro_task_switch`, a recruiter's "no micro-tasks" for a whole
 * workspace (`scope_id` = '*') or one job (`scope_id` = the job id); no row means on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('micro_task')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    /** One micro-task per interview, however often its scorecard is stored. */
    .addColumn('interview_id', 'text', (c) =>
      c.notNull().unique().references('interview.id').onDelete('cascade'),
    )
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitation.id').onDelete('cascade'))
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('candidate.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('application.id').onDelete('cascade'))
    /** The scorecard the competency was chosen from (the "before" version). */
    .addColumn('scorecard_id', 'text', (c) => c.notNull().references('scorecard.id').onDelete('cascade'))
    .addColumn('competency_id', 'text', (c) => c.notNull())
    .addColumn('competency_name', 'text', (c) => c.notNull())
    /** insufficient_evidence | gap */
    .addColumn('reason', 'text', (c) => c.notNull())
    /** One line a recruiter reads: "Empathy: insufficient evidence: …" or "Empathy scored 41/100". */
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('question_text', 'text', (c) => c.notNull())
    /** micro-task bank | question set | framework follow-up */
    .addColumn('question_source', 'text', (c) => c.notNull())
    /** The answer's place in the interview (after the invitation's questions). */
    .addColumn('position', 'integer', (c) => c.notNull())
    /** SHA-256 (hex) of the micro-task link's token; the token is only in the message. */
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    /** open | answered | revoked (a recruiter withdrew it; its link then answers 410) */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    /** text | recording, once answered */
    .addColumn('answer_kind', 'text')
    .addColumn('media_id', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('micro_task_status_check', sql`status in ('open', 'answered', 'revoked')`)
    .addCheckConstraint('micro_task_reason_check', sql`reason in ('insufficient_evidence', 'gap')`)
    .execute();
  await db.schema.createIndex('micro_task_invitation_idx').on('micro_task').column('invitation_id').execute();
  await db.schema
    .createTable('micro_task_switch')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    /** '*' for the whole workspace, else a job id. */
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('micro_task_switch_pk', ['workspace_id', 'scope_id'])
    .addCheckConstraint('micro_task_switch_enabled_check', sql`enabled in (0, 1)`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('micro_task_switch').execute();
  await db.schema.dropTable('micro_task').execute();
}
