import { readdirSync } from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { listBuiltinFrameworks, loadQuestionSet } from '../../assessment/index.js';
import { packageRoot } from '../../core/index.js';
import type { QuestionSet } from '../../domain/index.js';
import { dropForeignKey, withForeignKeysOff } from '../dialect.js';

/**
 * Framework and question-set ids are unique per workspace, not across all of them (issue 10): two
 * workspaces may each have a set `x`, and neither learns that the other has one. Built-in rows
 * (no workspace) stay unique by id.
 *
 * - `question_set` gets a surrogate primary key `key` (existing rows keep their old id as key) and
 *   unique (workspace_id, id); `question` refers to it by `question_set_key`.
 * - `framework` is unique by (workspace_id, id, version).
 * - `job.question_set_id` loses its foreign key: it names a set as the job's workspace sees it,
 *   which may be a built-in that lives only in a file.
 * - Repair: a workspace row that copies a built-in (the demo stored set `default` as its own)
 *   hid the built-in from every other workspace. An unchanged copy is deleted (jobs keep the id,
 *   which now finds the built-in); a changed one is renamed `<id>-own` (`-own-2`, …), its jobs with it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const d = db as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  await withForeignKeysOff(d, async () => {
    await dropForeignKey(d, 'job', 'question_set_id');
    await rebuildQuestionSets(d);
    await rebuildFrameworks(d);
    await repairQuestionSets(d);
    await repairFrameworks(d);
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function rebuildQuestionSets(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('question_set_scoped')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.references('workspace.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('question_set_key_pk', ['key'])
    .execute();
  await sql`insert into question_set_scoped (key, id, workspace_id, name, version, updated_at)
    select id, id, workspace_id, name, version, updated_at from question_set`.execute(db);
  await db.schema
    .createTable('question_scoped')
    .addColumn('question_set_key', 'text', (c) =>
      c.notNull().references('question_set_scoped.key').onDelete('cascade'),
    )
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('competencies', 'text', (c) => c.notNull())
    .addColumn('key_points', 'text', (c) => c.notNull())
    .addColumn('follow_up', 'text')
    .addPrimaryKeyConstraint('question_entry_pk', ['question_set_key', 'id'])
    .execute();
  await sql`insert into question_scoped (question_set_key, id, position, text, competencies, key_points, follow_up)
    select question_set_id, id, position, text, competencies, key_points, follow_up from question`.execute(
    db,
  );
  await db.schema.dropTable('question').execute();
  await db.schema.dropTable('question_set').execute();
  await db.schema.alterTable('question_set_scoped').renameTo('question_set').execute();
  await db.schema.alterTable('question_scoped').renameTo('question').execute();
  await db.schema
    .createIndex('question_set_scope_unique')
    .on('question_set')
    .columns(['workspace_id', 'id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('question_set_builtin_unique')
    .on('question_set')
    .column('id')
    .unique()
    .where(sql.ref('workspace_id'), 'is', null)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function rebuildFrameworks(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('framework_scoped')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.references('workspace.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into framework_scoped (id, version, workspace_id, name, definition, created_at)
    select id, version, workspace_id, name, definition, created_at from framework`.execute(db);
  await db.schema.dropTable('framework').execute();
  await db.schema.alterTable('framework_scoped').renameTo('framework').execute();
  await db.schema
    .createIndex('framework_scope_unique')
    .on('framework')
    .columns(['workspace_id', 'id', 'version'])
    .unique()
    .execute();
  await db.schema
    .createIndex('framework_builtin_unique')
    .on('framework')
    .columns(['id', 'version'])
    .unique()
    .where(sql.ref('workspace_id'), 'is', null)
    .execute();
}

/** The built-in question sets as files hold them: frameworks/questions/*.yaml. */
function builtinQuestionSets(): Map<string, QuestionSet> {
  const dir = path.join(packageRoot(), 'frameworks', 'questions');
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
  return new Map(files.map((f) => loadQuestionSet(path.join(dir, f))).map((set) => [set.id, set]));
}

/** A question set's content, comparable between a file and rows. */
function fingerprint(set: Pick<QuestionSet, 'name' | 'version' | 'questions'>): string {
  return JSON.stringify([
    set.name,
    set.version,
    set.questions.map((q) => [q.id, q.text, q.competencies, q.keyPoints, q.followUp ?? null]),
  ]);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function repairQuestionSets(db: Kysely<any>): Promise<void> {
  const builtins = builtinQuestionSets();
  if (builtins.size === 0) return;
  const copies = await db
    .selectFrom('question_set')
    .selectAll()
    .where('workspace_id', 'is not', null)
    .where('id', 'in', [...builtins.keys()])
    .execute();
  for (const copy of copies as Array<Record<string, string>>) {
    const questions = await db
      .selectFrom('question')
      .selectAll()
      .where('question_set_key', '=', copy.key)
      .orderBy('position')
      .execute();
    const stored = {
      name: copy.name!,
      version: copy.version!,
      questions: (questions as Array<Record<string, string | null>>).map((q) => ({
        id: q.id!,
        text: q.text!,
        competencies: JSON.parse(q.competencies!) as string[],
        keyPoints: JSON.parse(q.key_points!) as string[],
        ...(q.follow_up === null ? {} : { followUp: q.follow_up }),
      })),
    };
    if (fingerprint(stored) === fingerprint(builtins.get(copy.id!)!)) {
      await db.deleteFrom('question').where('question_set_key', '=', copy.key).execute();
      await db.deleteFrom('question_set').where('key', '=', copy.key).execute();
      continue;
    }
    const taken = new Set(
      (
        await db
          .selectFrom('question_set')
          .select('id')
          .where('workspace_id', '=', copy.workspace_id)
          .execute()
      ).map((r: { id: string }) => r.id),
    );
    const renamed = freeId(`${copy.id}-own`, taken);
    await db.updateTable('question_set').set({ id: renamed }).where('key', '=', copy.key).execute();
    await db
      .updateTable('job')
      .set({ question_set_id: renamed })
      .where('workspace_id', '=', copy.workspace_id)
      .where('question_set_id', '=', copy.id)
      .execute();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function repairFrameworks(db: Kysely<any>): Promise<void> {
  const builtins = listBuiltinFrameworks();
  const ids = [...new Set(builtins.map((f) => f.id))];
  if (ids.length === 0) return;
  const copies = (await db
    .selectFrom('framework')
    .selectAll()
    .where('workspace_id', 'is not', null)
    .where('id', 'in', ids)
    .execute()) as Array<Record<string, string>>;
  const renames = new Map<string, string>();
  for (const copy of copies) {
    const file = builtins.find((f) => f.id === copy.id && f.version === copy.version);
    const where = { workspace_id: copy.workspace_id!, id: copy.id!, version: copy.version! };
    if (file !== undefined && JSON.stringify(JSON.parse(copy.definition!)) === JSON.stringify(file)) {
      await db
        .deleteFrom('framework')
        .where('workspace_id', '=', where.workspace_id)
        .where('id', '=', where.id)
        .where('version', '=', where.version)
        .execute();
      continue;
    }
    const scope = `${where.workspace_id}\u0000${where.id}`;
    let renamed = renames.get(scope);
    if (renamed === undefined) {
      const taken = new Set(
        (
          await db
            .selectFrom('framework')
            .select('id')
            .where('workspace_id', '=', where.workspace_id)
            .execute()
        ).map((r: { id: string }) => r.id),
      );
      renamed = freeId(`${where.id}-own`, taken);
      renames.set(scope, renamed);
      await db
        .updateTable('job')
        .set({ framework_id: renamed })
        .where('workspace_id', '=', where.workspace_id)
        .where('framework_id', '=', where.id)
        .execute();
    }
    await db
      .updateTable('framework')
      .set({ id: renamed })
      .where('workspace_id', '=', where.workspace_id)
      .where('id', '=', where.id)
      .where('version', '=', where.version)
      .execute();
  }
}

function freeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Drops the per-workspace keys; ids stay as they are (run only while no two workspaces share one). */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of [
    'question_set_scope_unique',
    'question_set_builtin_unique',
    'framework_scope_unique',
    'framework_builtin_unique',
  ]) {
    await db.schema.dropIndex(index).ifExists().execute();
  }
}
