import { sql, type Kysely } from 'kysely';
import { DOUBLE_TYPE } from '../dialect.js';

/**
 * The initial schema. One migration for both databases: only types and clauses that SQLite and
 * PostgreSQL read the same way (`text`, `integer`, `double precision`, `check`, `references …
 * on delete cascade`). Children that cannot outlive their parent are deleted with it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createPeopleAndJobs(db);
  await createInterviews(db);
  await createScoring(db);
}

async function createPeopleAndJobs(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workspace')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('framework')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.references('workspace.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('framework_pk', ['id', 'version'])
    .execute();

  await db.schema
    .createTable('question_set')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.references('workspace.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('question')
    .addColumn('question_set_id', 'text', (c) =>
      c.notNull().references('question_set.id').onDelete('cascade'),
    )
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('competencies', 'text', (c) => c.notNull())
    .addColumn('key_points', 'text', (c) => c.notNull())
    .addColumn('follow_up', 'text')
    .addPrimaryKeyConstraint('question_pk', ['question_set_id', 'id'])
    .execute();

  await db.schema
    .createTable('job')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('skills', 'text', (c) => c.notNull())
    .addColumn('framework_id', 'text')
    .addColumn('question_set_id', 'text', (c) => c.references('question_set.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('job_workspace_idx').on('job').column('workspace_id').execute();

  await db.schema
    .createTable('candidate')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('time_zone', 'text')
    .addColumn('consent', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('candidate_workspace_idx').on('candidate').column('workspace_id').execute();

  await db.schema
    .createTable('application')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('candidate.id').onDelete('cascade'))
    .addColumn('job_id', 'text', (c) => c.notNull().references('job.id').onDelete('cascade'))
    .addColumn('stage', 'text', (c) => c.notNull().defaultTo('applied'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('application_candidate_job_unique', ['candidate_id', 'job_id'])
    .execute();
  await db.schema.createIndex('application_job_idx').on('application').column('job_id').execute();
}

async function createInterviews(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('interview')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.references('application.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source_file', 'text')
    .addColumn('format', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'interview_kind_check',
      sql`kind in ('async', 'live', 'practice', 'customer', 'exit', 'research')`,
    )
    .execute();
  await db.schema.createIndex('interview_application_idx').on('interview').column('application_id').execute();
  await db.schema.createIndex('interview_workspace_idx').on('interview').column('workspace_id').execute();

  await db.schema
    .createTable('response')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('interview_id', 'text', (c) => c.notNull().references('interview.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('question_id', 'text')
    .addColumn('question_text', 'text')
    .addColumn('question_source', 'text', (c) => c.notNull())
    .addColumn('match_score', DOUBLE_TYPE)
    .addUniqueConstraint('response_interview_position_unique', ['interview_id', 'position'])
    .addCheckConstraint(
      'response_question_source_check',
      sql`question_source in ('file', 'question-set', 'interviewer', 'none')`,
    )
    .execute();

  await db.schema
    .createTable('transcript_segment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('interview_id', 'text', (c) => c.notNull().references('interview.id').onDelete('cascade'))
    .addColumn('response_id', 'text', (c) => c.references('response.id').onDelete('set null'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('speaker', 'text')
    .addColumn('start_s', DOUBLE_TYPE)
    .addColumn('end_s', DOUBLE_TYPE)
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('words', 'text')
    .addUniqueConstraint('segment_interview_position_unique', ['interview_id', 'position'])
    .execute();
  await db.schema
    .createIndex('segment_response_idx')
    .on('transcript_segment')
    .column('response_id')
    .execute();

  await db.schema
    .createTable('signal_value')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('interview_id', 'text', (c) => c.notNull().references('interview.id').onDelete('cascade'))
    .addColumn('response_id', 'text', (c) => c.references('response.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('signal', 'text', (c) => c.notNull())
    .addColumn('value', DOUBLE_TYPE)
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('signal_value_response_idx').on('signal_value').column('response_id').execute();
  await db.schema
    .createIndex('signal_value_interview_idx')
    .on('signal_value')
    .columns(['interview_id', 'position'])
    .execute();
}

async function createScoring(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('scorecard')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('interview_id', 'text', (c) => c.notNull().references('interview.id').onDelete('cascade'))
    .addColumn('framework_id', 'text', (c) => c.notNull())
    .addColumn('framework_version', 'text', (c) => c.notNull())
    .addColumn('engine_version', 'text', (c) => c.notNull())
    .addColumn('overall_score', DOUBLE_TYPE)
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('scorecard_interview_idx')
    .on('scorecard')
    .columns(['interview_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('human_rating')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scorecard_id', 'text', (c) => c.notNull().references('scorecard.id').onDelete('cascade'))
    .addColumn('competency_id', 'text', (c) => c.notNull())
    .addColumn('rater', 'text', (c) => c.notNull())
    .addColumn('score', DOUBLE_TYPE, (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('human_rating_scorecard_idx')
    .on('human_rating')
    .column('scorecard_id')
    .execute();

  await db.schema
    .createTable('pipeline_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('application.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pipeline_event_application_idx')
    .on('pipeline_event')
    .columns(['application_id', 'occurred_at'])
    .execute();
  await db.schema
    .createIndex('pipeline_event_workspace_idx')
    .on('pipeline_event')
    .columns(['workspace_id', 'occurred_at'])
    .execute();
}

/** Drops everything `up` created, children first. */
export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    'pipeline_event',
    'human_rating',
    'scorecard',
    'signal_value',
    'transcript_segment',
    'response',
    'interview',
    'application',
    'candidate',
    'job',
    'question',
    'question_set',
    'framework',
    'workspace',
  ];
  for (const table of tables) await db.schema.dropTable(table).ifExists().execute();
}
