import { sql, type Kysely } from 'kysely';
import { replaceCheck, withForeignKeysOff } from '../dialect.js';

const KINDS_BEFORE = sql`kind in ('async', 'live', 'practice', 'customer', 'exit', 'research')`;
const KINDS_AFTER = sql`kind in ('async', 'live', 'practice', 'customer', 'exit', 'research', 'sales')`;
const COLUMNS = ['account', 'segment', 'role', 'outcome', 'occurred_at', 'content_sha256'] as const;

/**
 * Interview kinds beyond hiring (issue 16): the kind `sales` (a sales call), and what describes a
 * conversation outside hiring: `account` (the customer account), `segment` (e.g. enterprise,
 * SMB), `role` (the interviewee's role), `outcome` (e.g. churned, renewed, won, lost) and
 * `occurred_at` (when the conversation happened; existing rows take their `created_at`).
 * `content_sha256` is the hash of the transcript file a bulk import stored, so importing the same
 * file again is told apart from a new one (null for interviews made otherwise).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const d = db as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  await withForeignKeysOff(d, () => replaceCheck(d, 'interview', 'interview_kind_check', KINDS_AFTER));
  for (const column of COLUMNS) await db.schema.alterTable('interview').addColumn(column, 'text').execute();
  await sql`update interview set occurred_at = created_at where occurred_at is null`.execute(db);
  await db.schema
    .createIndex('interview_content_idx')
    .on('interview')
    .columns(['workspace_id', 'content_sha256'])
    .execute();
}

/** Drops the columns and the kind; fails, naming the check, while a sales interview exists. */
export async function down(db: Kysely<unknown>): Promise<void> {
  const d = db as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  await db.schema.dropIndex('interview_content_idx').execute();
  for (const column of [...COLUMNS].reverse()) {
    await db.schema.alterTable('interview').dropColumn(column).execute();
  }
  await withForeignKeysOff(d, () => replaceCheck(d, 'interview', 'interview_kind_check', KINDS_BEFORE));
}
