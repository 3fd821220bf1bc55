import type { Selectable } from 'kysely';
import { newId } from '../../core/index.js';
import type { InterviewKind, TranscriptFormat } from '../../domain/index.js';
import type { InterviewTable } from '../schema.js';
import { chunks, guardWrite, notFound, timestamp, type RepositoryContext } from './rows.js';

export interface InterviewRecord {
  readonly id: string;
  readonly workspaceId: string;
  /** null for interviews outside hiring (customer, exit, research, practice). */
  readonly applicationId: string | null;
  readonly kind: InterviewKind;
  readonly sourceFile: string | null;
  readonly format: TranscriptFormat | null;
  /** The student who owns a practice interview. */
  readonly userId: string | null;
  readonly title: string | null;
  readonly createdAt: string;
}

export interface NewInterview {
  readonly id?: string;
  readonly workspaceId: string;
  readonly applicationId?: string | null;
  readonly kind: InterviewKind;
  readonly sourceFile?: string | null;
  readonly format?: TranscriptFormat | null;
  readonly userId?: string | null;
  readonly title?: string | null;
}

export interface InterviewRepository {
  create(input: NewInterview): Promise<InterviewRecord>;
  get(id: string): Promise<InterviewRecord>;
  /** Interviews of an application, oldest first. */
  listByApplication(applicationId: string): Promise<InterviewRecord[]>;
  /** Practice interviews a student owns, oldest first. */
  listByUser(userId: string): Promise<InterviewRecord[]>;
  /** Practice interviews of these students in the workspace, oldest first (then by id). */
  listPracticeOf(workspaceId: string, userIds: readonly string[]): Promise<InterviewRecord[]>;
  /** Records where the transcript came from once it is imported or recognised. */
  setSource(
    id: string,
    source: { sourceFile: string | null; format: TranscriptFormat | null },
  ): Promise<InterviewRecord>;
  /** Deletes the interview with its responses, transcript, signal values, scorecards and ratings. */
  delete(id: string): Promise<void>;
}

/**
 * Interviews: one conversation, with its source file and format.
 * @example const interview = await store.interviews.create({ workspaceId: ws.id, applicationId: app.id, kind: 'live', sourceFile: 'call.vtt', format: 'vtt' })
 */
export function createInterviewRepository(ctx: RepositoryContext): InterviewRepository {
  const { db } = ctx;
  const get = async (id: string): Promise<InterviewRecord> => {
    const row = await db.selectFrom('interview').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('interview', id);
    return toInterviewRecord(row);
  };
  return {
    async create(input) {
      const id = input.id ?? newId('intv');
      await guardWrite('interview', id, () =>
        db
          .insertInto('interview')
          .values({
            id,
            workspace_id: input.workspaceId,
            application_id: input.applicationId ?? null,
            kind: input.kind,
            source_file: input.sourceFile ?? null,
            format: input.format ?? null,
            user_id: input.userId ?? null,
            title: input.title ?? null,
            created_at: timestamp(ctx),
          })
          .execute(),
      );
      return get(id);
    },
    get,
    async listByApplication(applicationId) {
      const rows = await db
        .selectFrom('interview')
        .selectAll()
        .where('application_id', '=', applicationId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toInterviewRecord);
    },
    async listByUser(userId) {
      const rows = await db
        .selectFrom('interview')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toInterviewRecord);
    },
    async listPracticeOf(workspaceId, userIds) {
      const interviews: InterviewRecord[] = [];
      for (const batch of chunks([...new Set(userIds)])) {
        const rows = await db
          .selectFrom('interview')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('kind', '=', 'practice')
          .where('user_id', 'in', batch)
          .execute();
        interviews.push(...rows.map(toInterviewRecord));
      }
      return interviews.sort((a, b) =>
        a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? -1 : 1) : a.id < b.id ? -1 : 1,
      );
    },
    async setSource(id, source) {
      await db
        .updateTable('interview')
        .set({ source_file: source.sourceFile, format: source.format })
        .where('id', '=', id)
        .execute();
      return get(id);
    },
    async delete(id) {
      // Children go by `on delete cascade` (foreign_keys=ON in SQLite, see dialect.ts).
      const result = await db.deleteFrom('interview').where('id', '=', id).executeTakeFirst();
      if (result.numDeletedRows === 0n) throw notFound('interview', id);
    },
  };
}

/** Maps an interview row to its record. */
export function toInterviewRecord(row: Selectable<InterviewTable>): InterviewRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    applicationId: row.application_id,
    kind: row.kind,
    sourceFile: row.source_file,
    format: row.format,
    userId: row.user_id,
    title: row.title,
    createdAt: row.created_at,
  };
}
