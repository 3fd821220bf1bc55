import type { Kysely } from 'kysely';
import { ScorecardBody, scorecardJson } from '../../domain/scorecard.js';
import { codePointText, DOUBLE_TYPE } from '../dialect.js';
import { nameSortKey, summaryColumns } from '../repositories/scorecard-summaries.js';
import type { Database } from '../schema.js';

/** Scorecards re-serialised and summarised per statement batch. */
const BATCH = 200;

/**
 * `scorecard_summary`: what lists show of each scorecard, so a ranking sorts and pages in SQL.
 * Existing scorecards get their summary, and their stored body is rewritten by the scorecard's
 * response serializer (`scorecardJson`), the bytes `GET /scorecards/:id` now sends as stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('scorecard_summary')
    .addColumn('scorecard_id', 'text', (c) => c.primaryKey().references('scorecard.id').onDelete('cascade'))
    .addColumn('interview_id', 'text', (c) => c.notNull().references('interview.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.references('application.id').onDelete('cascade'))
    .addColumn('job_id', 'text')
    .addColumn('name_key', codePointText(db))
    .addColumn('overall_score', DOUBLE_TYPE)
    .addColumn('rank_score', DOUBLE_TYPE, (c) => c.notNull())
    .addColumn('confidence', DOUBLE_TYPE)
    .addColumn('strengths', 'text', (c) => c.notNull())
    .addColumn('gaps', 'text', (c) => c.notNull())
    .addColumn('competencies', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // The ranking's order, so a page is read from the index without sorting the job's rows; with
  // created_at and scorecard_id it also answers "is this the newest?" without reading the table.
  await db.schema
    .createIndex('scorecard_summary_rank_idx')
    .on('scorecard_summary')
    .columns(['job_id', 'rank_score desc', 'name_key', 'application_id', 'created_at', 'scorecard_id'])
    .execute();
  // "Is there a newer scorecard for this application?", asked for each ranked row.
  await db.schema
    .createIndex('scorecard_summary_application_idx')
    .on('scorecard_summary')
    .columns(['application_id', 'created_at', 'scorecard_id'])
    .execute();
  await db.schema
    .createIndex('scorecard_summary_interview_idx')
    .on('scorecard_summary')
    .column('interview_id')
    .execute();
  await backfill(db);
}

async function backfill(db: Kysely<Database>): Promise<void> {
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('scorecard as s')
      .innerJoin('interview as i', 'i.id', 's.interview_id')
      .leftJoin('application as a', 'a.id', 'i.application_id')
      .leftJoin('candidate as c', 'c.id', 'a.candidate_id')
      .select([
        's.id',
        's.interview_id',
        's.body',
        's.created_at',
        'a.id as application_id',
        'a.job_id',
        'c.name',
      ])
      .where('s.id', '>', after)
      .orderBy('s.id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return;
    for (const row of rows) {
      const parsed = ScorecardBody.safeParse(JSON.parse(row.body));
      if (!parsed.success) {
        throw new Error(
          `scorecard ${row.id}: stored body does not fit the scorecard schema: ${parsed.error.message}`,
        );
      }
      await db
        .updateTable('scorecard')
        // `body` is immutable to the store (schema.ts); this one-off rewrite into the
        // serializer's form is the exception, so the column's type is set aside here only.
        .set({ body: scorecardJson(parsed.data) } as never)
        .where('id', '=', row.id)
        .execute();
      await db
        .insertInto('scorecard_summary')
        .values({
          scorecard_id: row.id,
          interview_id: row.interview_id,
          application_id: row.application_id,
          job_id: row.job_id,
          name_key: row.name === null ? null : nameSortKey(row.name),
          created_at: row.created_at,
          ...summaryColumns(parsed.data),
        })
        .execute();
    }
    after = rows[rows.length - 1]?.id ?? after;
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('scorecard_summary').execute();
}
