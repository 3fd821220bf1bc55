import { sql, type Kysely } from 'kysely';
import { DOUBLE_TYPE } from '../dialect.js';
import type { Database } from '../schema.js';

/** The scale every `human_rating` score was documented to be on: the framework's 0–100. */
const HUMAN_RATING_SCALE = { min: 0, max: 100 } as const;

/** `human_rating` as migration 0001 made it. */
interface HumanRatingTable {
  id: string;
  scorecard_id: string;
  competency_id: string;
  rater: string;
  score: number;
  note: string | null;
  created_at: string;
}

type Before0008 = Database & { human_rating: HumanRatingTable };

/**
 * `rating`: a person's score of a whole interview (`answer` null) or of one answer (1-based), on
 * a target (`overall`, a named target or a competency id), with the scale it was given on and the
 * score normalised to 0–1. One rating per interview, answer, rater and target: the unique index
 * reads a null answer as 0, so "the whole interview" is one value on SQLite and PostgreSQL alike
 * (both treat NULLs in a plain unique index as distinct).
 *
 * `human_rating` (0001, keyed to scorecards, never written outside tests) is folded in: each row
 * moves to the scorecard's interview with the framework's 0–100 scale its column documented, the
 * newest row winning where two map to the same key, and the table is dropped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rating')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('interview_id', 'text', (c) => c.notNull().references('interview.id').onDelete('cascade'))
    .addColumn('answer', 'integer')
    .addColumn('rater', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('score', DOUBLE_TYPE, (c) => c.notNull())
    .addColumn('scale_min', DOUBLE_TYPE, (c) => c.notNull())
    .addColumn('scale_max', DOUBLE_TYPE, (c) => c.notNull())
    .addColumn('normalised', DOUBLE_TYPE, (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('rating_answer_check', sql`answer is null or answer >= 1`)
    .addCheckConstraint('rating_source_check', sql`source in ('csv', 'form')`)
    .execute();
  // An expression index: both databases accept `(expr)` as an indexed column.
  await sql`create unique index rating_key on rating (interview_id, (coalesce(answer, 0)), rater, target)`.execute(
    db,
  );
  await db.schema
    .createIndex('rating_workspace_target_idx')
    .on('rating')
    .columns(['workspace_id', 'target'])
    .execute();
  await moveHumanRatings(db);
  await db.schema.dropTable('human_rating').execute();
}

async function moveHumanRatings(db: Kysely<Before0008>): Promise<void> {
  const rows = await db
    .selectFrom('human_rating as h')
    .innerJoin('scorecard as s', 's.id', 'h.scorecard_id')
    .innerJoin('interview as i', 'i.id', 's.interview_id')
    .select([
      'h.id',
      'h.scorecard_id',
      'h.competency_id',
      'h.rater',
      'h.score',
      'h.note',
      'h.created_at',
      's.interview_id',
      'i.workspace_id',
    ])
    .orderBy('h.created_at', 'desc')
    .orderBy('h.id', 'desc')
    .execute();
  const seen = new Set<string>();
  const { min, max } = HUMAN_RATING_SCALE;
  for (const row of rows) {
    const key = JSON.stringify([row.interview_id, row.rater, row.competency_id]);
    if (seen.has(key)) continue;
    seen.add(key);
    if (!(row.score >= min && row.score <= max)) {
      throw new Error(
        `human_rating ${row.id}: score ${row.score} is outside the framework's ${min}-${max} scale; correct or delete the row, then migrate again`,
      );
    }
    await db
      .insertInto('rating')
      .values({
        id: row.id,
        workspace_id: row.workspace_id,
        interview_id: row.interview_id,
        answer: null,
        rater: row.rater,
        target: row.competency_id,
        score: row.score,
        scale_min: min,
        scale_max: max,
        normalised: (row.score - min) / (max - min),
        note: row.note,
        source: 'form',
        created_by: row.rater,
        created_at: row.created_at,
        updated_at: row.created_at,
      })
      .execute();
  }
}

/** Brings `human_rating` back (empty: its rows were keyed to scorecards, which ratings no longer are). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rating').execute();
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
}
