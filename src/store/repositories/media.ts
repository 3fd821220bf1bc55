import type { Selectable } from 'kysely';
import { newId } from '../../core/index.js';
import type { MediaTable } from '../schema.js';
import { guardWrite, notFound, preparedQuery, timestamp, type RepositoryContext } from './rows.js';

export interface MediaRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly interviewId: string;
  readonly position: number;
  readonly questionId: string | null;
  readonly questionText: string | null;
  readonly fileName: string;
  /** Relative to the media folder. */
  readonly storagePath: string;
  readonly contentType: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly durationSeconds: number | null;
  readonly createdAt: string;
}

export type NewMedia = Omit<MediaRecord, 'id' | 'createdAt'> & { readonly id?: string };

export interface MediaRepository {
  add(input: NewMedia): Promise<MediaRecord>;
  /** @throws CandorError NOT_FOUND */
  get(id: string): Promise<MediaRecord>;
  /** An interview's recordings in answer order. */
  listByInterview(interviewId: string): Promise<MediaRecord[]>;
  delete(id: string): Promise<void>;
}

/**
 * Uploaded recordings: one row per answer file; the bytes live in the media folder.
 * @example await store.media.add({ workspaceId, interviewId, position: 0, fileName: 'a.webm', … })
 */
export function createMediaRepository(ctx: RepositoryContext): MediaRepository {
  const { db } = ctx;
  const get = async (id: string): Promise<MediaRecord> => {
    const row = await db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('media', id);
    return toRecord(row);
  };
  // Read on every scorecard page view: compiled once.
  const byInterview = preparedQuery(db, (interviewId) =>
    db
      .selectFrom('media')
      .selectAll()
      .where('interview_id', '=', interviewId)
      .orderBy('position')
      .orderBy('created_at'),
  );
  return {
    async add(input) {
      const id = input.id ?? newId('media');
      await guardWrite('media', id, () =>
        db
          .insertInto('media')
          .values({
            id,
            workspace_id: input.workspaceId,
            interview_id: input.interviewId,
            position: input.position,
            question_id: input.questionId,
            question_text: input.questionText,
            file_name: input.fileName,
            storage_path: input.storagePath,
            content_type: input.contentType,
            bytes: input.bytes,
            sha256: input.sha256,
            duration_s: input.durationSeconds,
            created_at: timestamp(ctx),
          })
          .execute(),
      );
      return get(id);
    },
    get,
    async listByInterview(interviewId) {
      return (await byInterview(interviewId)).map(toRecord);
    },
    async delete(id) {
      const result = await db.deleteFrom('media').where('id', '=', id).executeTakeFirst();
      if (result.numDeletedRows === 0n) throw notFound('media', id);
    },
  };
}

function toRecord(row: Selectable<MediaTable>): MediaRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    interviewId: row.interview_id,
    position: row.position,
    questionId: row.question_id,
    questionText: row.question_text,
    fileName: row.file_name,
    storagePath: row.storage_path,
    contentType: row.content_type,
    bytes: row.bytes,
    sha256: row.sha256,
    durationSeconds: row.duration_s,
    createdAt: row.created_at,
  };
}
