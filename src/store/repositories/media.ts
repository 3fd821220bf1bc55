import type { Insertable, Kysely, Selectable } from 'kysely';
import { CandorError, newId } from '../../core/index.js';
import { violatesUnique, type UniqueKey } from '../dialect.js';
import type { Database, MediaTable } from '../schema.js';
import { guardWrite, notFound, preparedQuery, timestamp, type RepositoryContext } from './rows.js';

/** One recording per answer position (migration 0004-upload-positions). */
export const MEDIA_POSITION_KEY: UniqueKey = {
  name: 'media_interview_position_unique',
  table: 'media',
  columns: ['interview_id', 'position'],
};

/**
 * How often an append tries again after a parallel upload took the position it read as next.
 * Each retry means another upload succeeded, so N parallel uploads need at most N - 1.
 */
const APPEND_ATTEMPTS = 200;

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
export type AppendedMedia = Omit<NewMedia, 'position'>;

export interface PutResult {
  readonly media: MediaRecord;
  /** The recording that held the position before, now deleted (its file is the caller's to remove). */
  readonly replaced: MediaRecord | null;
}

export interface MediaRepository {
  /** Stores a recording at a free position. @throws CandorError CONFLICT when the position holds one */
  add(input: NewMedia): Promise<MediaRecord>;
  /**
   * Stores a recording at the interview's next position (one past the highest), trying the next
   * again when a parallel upload took it first: parallel appends all succeed at distinct positions.
   */
  append(input: AppendedMedia): Promise<MediaRecord>;
  /**
   * Stores a recording at `position`, deleting the one there in the same transaction: if the
   * write fails, the old one stays.
   */
  put(input: NewMedia): Promise<PutResult>;
  /** One past the highest position used (0 for none). */
  nextPosition(interviewId: string): Promise<number>;
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
  const nextPosition = async (interviewId: string): Promise<number> => {
    const row = await db
      .selectFrom('media')
      .select((eb) => eb.fn.max('position').as('highest'))
      .where('interview_id', '=', interviewId)
      .executeTakeFirst();
    return row?.highest === null || row?.highest === undefined ? 0 : Number(row.highest) + 1;
  };
  return {
    async add(input) {
      const id = input.id ?? newId('media');
      await guardWrite('media', id, () =>
        insert(db, toRow(ctx, id, input)).catch((error: unknown) => {
          if (violatesUnique(error, MEDIA_POSITION_KEY))
            throw positionTaken(input.interviewId, input.position, error);
          throw error;
        }),
      );
      return get(id);
    },
    async append(input) {
      const id = input.id ?? newId('media');
      for (let attempt = 1; ; attempt++) {
        const position = await nextPosition(input.interviewId);
        try {
          await db
            .insertInto('media')
            .values(toRow(ctx, id, { ...input, position }))
            .execute();
          return await get(id);
        } catch (error) {
          if (!violatesUnique(error, MEDIA_POSITION_KEY)) throw error;
          if (attempt >= APPEND_ATTEMPTS) throw positionTaken(input.interviewId, position, error);
        }
      }
    },
    async put(input) {
      const id = input.id ?? newId('media');
      try {
        const replaced = await db.transaction().execute(async (trx) => {
          // The delete comes first so a SQLite transaction takes the write lock at its first
          // statement (waiting out the busy timeout) instead of failing to upgrade a read.
          const old = await trx
            .deleteFrom('media')
            .where('interview_id', '=', input.interviewId)
            .where('position', '=', input.position)
            .returningAll()
            .executeTakeFirst();
          await insert(trx, toRow(ctx, id, input));
          return old === undefined ? null : toRecord(old);
        });
        return { media: await get(id), replaced };
      } catch (error) {
        if (violatesUnique(error, MEDIA_POSITION_KEY))
          throw positionTaken(input.interviewId, input.position, error);
        throw error;
      }
    },
    nextPosition,
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

function insert(db: Kysely<Database>, row: Insertable<MediaTable>): Promise<unknown> {
  return db.insertInto('media').values(row).execute();
}

function toRow(ctx: RepositoryContext, id: string, input: NewMedia): Insertable<MediaTable> {
  return {
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
  };
}

function positionTaken(interviewId: string, position: number, cause: unknown): CandorError {
  const message = `interview ${interviewId}: answer position ${position} was taken by a parallel upload; try again`;
  return new CandorError('CONFLICT', message, { entity: 'media', interviewId, position }, { cause });
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
