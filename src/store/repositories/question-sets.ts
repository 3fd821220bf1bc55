import type { Kysely, Selectable } from 'kysely';
import { CandorError, newId } from '../../core/index.js';
import type { Question, QuestionSet } from '../../domain/index.js';
import type { Database, QuestionSetTable } from '../schema.js';
import { fromJson, guardWrite, notFound, timestamp, toJson, type RepositoryContext } from './rows.js';

export interface QuestionSetRecord extends QuestionSet {
  /** null for built-in sets. */
  readonly workspaceId: string | null;
  readonly updatedAt: string;
}

/** One line of a list of sets. */
export interface QuestionSetSummary {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  /** null for built-in sets. */
  readonly workspaceId: string | null;
  readonly questionCount: number;
}

export interface QuestionSetRepository {
  /**
   * Saves the whole set in one transaction under the workspace (null: a built-in row): its row,
   * and its questions replacing any before. Ids are unique per workspace, so another
   * workspace's set of the same id is neither touched nor revealed.
   */
  save(set: QuestionSet, options?: { workspaceId?: string | null }): Promise<QuestionSetRecord>;
  /** The set saved under exactly this workspace (default: the built-in row), questions in order. */
  get(id: string, workspaceId?: string | null): Promise<QuestionSetRecord>;
  /** The set as a workspace sees it: its own, else a built-in row; null for neither. */
  find(workspaceId: string, id: string): Promise<QuestionSetRecord | null>;
  /** The workspace's own sets and the built-in rows, with their question counts. */
  listVisible(workspaceId: string): Promise<QuestionSetSummary[]>;
}

type Row = Selectable<QuestionSetTable>;

/**
 * Question sets and their questions; ids are unique per workspace (migration 0005).
 * @example await store.questionSets.save(QuestionSetSchema.parse(yaml), { workspaceId: ws.id })
 */
export function createQuestionSetRepository(ctx: RepositoryContext): QuestionSetRepository {
  const { db } = ctx;
  const row = (id: string, workspaceId: string | null): Promise<Row | undefined> =>
    db
      .selectFrom('question_set')
      .selectAll()
      .where('id', '=', id)
      .where('workspace_id', workspaceId === null ? 'is' : '=', workspaceId)
      .executeTakeFirst();
  const withQuestions = async (set: Row): Promise<QuestionSetRecord> => {
    const rows = await db
      .selectFrom('question')
      .selectAll()
      .where('question_set_key', '=', set.key)
      .orderBy('position')
      .execute();
    const questions = rows.map((q): Question => {
      const where = { entity: 'question', id: `${set.id}/${q.id}` };
      const question: Question = {
        id: q.id,
        text: q.text,
        competencies: fromJson<string[]>(q.competencies, { ...where, field: 'competencies' }),
        keyPoints: fromJson<string[]>(q.key_points, { ...where, field: 'key_points' }),
      };
      return q.follow_up === null ? question : { ...question, followUp: q.follow_up };
    });
    const { id, workspace_id: workspaceId, name, version, updated_at: updatedAt } = set;
    return { id, workspaceId, name, version, updatedAt, questions };
  };
  const get = async (id: string, workspaceId: string | null = null): Promise<QuestionSetRecord> => {
    const set = await row(id, workspaceId);
    if (set === undefined) throw notFound('question set', id);
    return withQuestions(set);
  };
  return {
    async save(set, options = {}) {
      rejectDuplicateIds(set);
      const workspaceId = options.workspaceId ?? null;
      await guardWrite('question set', set.id, () =>
        db.transaction().execute((trx) => writeSet(trx, set, workspaceId, timestamp(ctx))),
      );
      return get(set.id, workspaceId);
    },
    get,
    async find(workspaceId, id) {
      const rows = await db
        .selectFrom('question_set')
        .selectAll()
        .where('id', '=', id)
        .where((eb) => eb.or([eb('workspace_id', '=', workspaceId), eb('workspace_id', 'is', null)]))
        .execute();
      const set = rows.find((r) => r.workspace_id === workspaceId) ?? rows[0];
      return set === undefined ? null : withQuestions(set);
    },
    async listVisible(workspaceId) {
      const rows = await db
        .selectFrom('question_set as s')
        .leftJoin('question as q', 'q.question_set_key', 's.key')
        .select([
          's.id',
          's.name',
          's.version',
          's.workspace_id',
          (eb) => eb.fn.count('q.id').as('questions'),
        ])
        .where((eb) => eb.or([eb('s.workspace_id', 'is', null), eb('s.workspace_id', '=', workspaceId)]))
        .groupBy(['s.key', 's.id', 's.name', 's.version', 's.workspace_id'])
        .orderBy('s.id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        version: r.version,
        workspaceId: r.workspace_id,
        questionCount: Number(r.questions),
      }));
    },
  };
}

/** Inserts or updates the set's row in its workspace, then replaces its questions. */
async function writeSet(
  trx: Kysely<Database>,
  set: QuestionSet,
  workspaceId: string | null,
  updatedAt: string,
): Promise<void> {
  // Update first: in SQLite the transaction then takes the write lock at its first statement.
  const updated = await trx
    .updateTable('question_set')
    .set({ name: set.name, version: set.version, updated_at: updatedAt })
    .where('id', '=', set.id)
    .where('workspace_id', workspaceId === null ? 'is' : '=', workspaceId)
    .returning('key')
    .executeTakeFirst();
  let key = updated?.key;
  if (key === undefined) {
    key = newId('qset');
    await trx
      .insertInto('question_set')
      .values({
        key,
        id: set.id,
        workspace_id: workspaceId,
        name: set.name,
        version: set.version,
        updated_at: updatedAt,
      })
      .execute();
  }
  await trx.deleteFrom('question').where('question_set_key', '=', key).execute();
  if (set.questions.length === 0) return;
  await trx
    .insertInto('question')
    .values(
      set.questions.map((q, position) => ({
        question_set_key: key,
        id: q.id,
        position,
        text: q.text,
        competencies: toJson(q.competencies),
        key_points: toJson(q.keyPoints),
        follow_up: q.followUp ?? null,
      })),
    )
    .execute();
}

function rejectDuplicateIds(set: QuestionSet): void {
  const seen = new Set<string>();
  set.questions.forEach((question, index) => {
    if (seen.has(question.id)) {
      const message = `question set ${set.id}: question ${index + 1} reuses the id "${question.id}"`;
      throw new CandorError('QUESTIONS_INVALID', message, { id: set.id, field: `questions[${index}].id` });
    }
    seen.add(question.id);
  });
}
