import { sql, type Kysely } from 'kysely';
import { replaceCheck, withForeignKeysOff } from '../dialect.js';

const ROLES_BEFORE = sql`role in ('admin', 'recruiter', 'hiring_manager', 'advisor', 'candidate')`;
const ROLES_AFTER = sql`role in ('admin', 'recruiter', 'hiring_manager', 'advisor', 'candidate', 'auditor')`;

/**
 * Demographics kept apart (issue 12): `candidate_demographics`, one row per candidate with what
 * they said of themself (each field has an explicit `declined`), read only by the `auditor` role,
 * which `app_user.role` now allows. No other table refers to it and no scoring query joins it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const d = db as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  await withForeignKeysOff(d, () => replaceCheck(d, 'app_user', 'app_user_role_check', ROLES_AFTER));
  await db.schema
    .createTable('candidate_demographics')
    .addColumn('candidate_id', 'text', (c) => c.primaryKey().references('candidate.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('race_ethnicity', 'text', (c) => c.notNull())
    .addColumn('age_band', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'candidate_demographics_sex_check',
      sql`sex in ('female', 'male', 'other', 'declined')`,
    )
    .addCheckConstraint(
      'candidate_demographics_race_ethnicity_check',
      sql`race_ethnicity in ('hispanic_or_latino', 'white', 'black_or_african_american', 'native_hawaiian_or_pacific_islander', 'asian', 'native_american_or_alaska_native', 'two_or_more_races', 'declined')`,
    )
    .addCheckConstraint(
      'candidate_demographics_age_band_check',
      sql`age_band in ('under_40', '40_or_over', 'declined')`,
    )
    .addCheckConstraint('candidate_demographics_source_check', sql`source in ('self_identified')`)
    .execute();
  await db.schema
    .createIndex('candidate_demographics_workspace_idx')
    .on('candidate_demographics')
    .column('workspace_id')
    .execute();
}

/** Drops the table and the role; fails, naming the check, while an auditor account exists. */
export async function down(db: Kysely<unknown>): Promise<void> {
  const d = db as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  await db.schema.dropTable('candidate_demographics').execute();
  await withForeignKeysOff(d, () => replaceCheck(d, 'app_user', 'app_user_role_check', ROLES_BEFORE));
}
