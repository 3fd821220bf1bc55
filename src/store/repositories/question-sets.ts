import { CandorError } from '../../core/index.js';
import type { Question, QuestionSet } from '../../domain/index.js';
import { fromJson, guardWrite, notFound, timestamp, toJson, type RepositoryContext } from './rows.js';

export interface QuestionSetRecord extends QuestionSet {
  /** null for built-in sets. */
  readonly workspaceId: string | null;
  readonly updatedAt: string;
}

export interface QuestionSetRepository {
  /** Saves the whole set in one transaction: its row, and its questions replacing any before. */
  save(set: QuestionSet, options?: { workspaceId?: string | null }): Promise<QuestionSetRecord>;
  /** The set with its questions in order. */
  get(id: string): Promise<QuestionSetRecord>;
}

/**
 * Question sets and their questions.
 * @example await store.questionSets.save(QuestionSetSchema.parse(yaml), { workspaceId: ws.id })
 */
export function createQuestionSetRepository(ctx: RepositoryContext): QuestionSetRepository {
  const { db } = ctx;
  const get = async (id: string): Promise<QuestionSetRecord> => {
    const set = await db.selectFrom('question_set').selectAll().where('id', '=', id).executeTakeFirst();
    if (set === undefined) throw notFound('question set', id);
    const rows = await db
      .selectFrom('question')
      .selectAll()
      .where('question_set_id', '=', id)
      .orderBy('position')
      .execute();
    const questions = rows.map((row): Question => {
      const where = { entity: 'question', id: `${id}/${row.id}` };
      const question: Question = {
        id: row.id,
        text: row.text,
        competencies: fromJson<string[]>(row.competencies, { ...where, field: 'competencies' }),
        keyPoints: fromJson<string[]>(row.key_points, { ...where, field: 'key_points' }),
      };
      return row.follow_up === null ? question : { ...question, followUp: row.follow_up };
    });
    return {
      id: set.id,
      workspaceId: set.workspace_id,
      name: set.name,
      version: set.version,
      updatedAt: set.updated_at,
      questions,
    };
  };
  return {
    async save(set, options = {}) {
      rejectDuplicateIds(set);
      const workspaceId = options.workspaceId ?? null;
      const updatedAt = timestamp(ctx);
      await guardWrite('question set', set.id, () =>
        db.transaction().execute(async (trx) => {
          await trx
            .insertInto('question_set')
            .values({
              id: set.id,
              workspace_id: workspaceId,
              name: set.name,
              version: set.version,
              updated_at: updatedAt,
            })
            .onConflict((oc) =>
              oc.column('id').doUpdateSet({
                workspace_id: workspaceId,
                name: set.name,
                version: set.version,
                updated_at: updatedAt,
              }),
            )
            .execute();
          await trx.deleteFrom('question').where('question_set_id', '=', set.id).execute();
          if (set.questions.length === 0) return;
          await trx
            .insertInto('question')
            .values(
              set.questions.map((q, position) => ({
                question_set_id: set.id,
                id: q.id,
                position,
                text: q.text,
                competencies: toJson(q.competencies),
                key_points: toJson(q.keyPoints),
                follow_up: q.followUp ?? null,
              })),
            )
            .execute();
        }),
      );
      return get(set.id);
    },
    get,
  };
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
