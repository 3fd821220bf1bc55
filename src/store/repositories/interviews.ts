import type { Kysely, Selectable } from 'kysely';
import { newId } from '../../core/index.js';
import {
  checkInterviewMetadata,
  type InterviewKind,
  type InterviewMetadata,
  type Segment,
  type TranscriptFormat,
} from '../../domain/index.js';
import type { Database, InterviewTable } from '../schema.js';
import { insertSegments } from './analyses.js';
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
  /** Outside hiring: the customer account, its segment, the interviewee's role, the outcome. */
  readonly account: string | null;
  readonly segment: string | null;
  readonly role: string | null;
  readonly outcome: string | null;
  /** When the conversation happened (ISO UTC); `createdAt` when none was given. */
  readonly occurredAt: string;
  /** sha256 of the transcript file a bulk import stored; null otherwise. */
  readonly contentSha256: string | null;
  readonly createdAt: string;
}

export interface NewInterview extends InterviewMetadata {
  readonly id?: string;
  readonly workspaceId: string;
  readonly applicationId?: string | null;
  readonly kind: InterviewKind;
  readonly sourceFile?: string | null;
  readonly format?: TranscriptFormat | null;
  readonly userId?: string | null;
  readonly title?: string | null;
  readonly contentSha256?: string | null;
}

export interface InterviewRepository {
  /**
   * @throws CandorError('VALIDATION_FAILED', …, { field }) when metadata is wrong (an account
   * over 200 characters, an occurredAt that is not a date), naming the field.
   */
  create(input: NewInterview): Promise<InterviewRecord>;
  /**
   * Stores an interview with its transcript segments in ONE transaction: if any write fails,
   * neither the interview nor any segment is kept.
   */
  createWithTranscript(input: NewInterview, segments: readonly Segment[]): Promise<InterviewRecord>;
  /** The workspace's interview imported from a file with this sha256, oldest first; null if none. */
  findByContent(workspaceId: string, sha256: string): Promise<InterviewRecord | null>;
  get(id: string): Promise<InterviewRecord>;
  /** Interviews of an application, oldest first. */
  listByApplication(applicationId: string): Promise<InterviewRecord[]>;
  /** Practice interviews a student owns, oldest first. */
  listByUser(userId: string): Promise<InterviewRecord[]>;
  /** Practice interviews of these students in the workspace, oldest first (then by id). */
  listPracticeOf(workspaceId: string, userIds: readonly string[]): Promise<InterviewRecord[]>;
  /**
   * Ids of the workspace's interviews, oldest first (then by id); only those among `ids` when
   * given, and none of the kinds in `excludeKinds`.
   */
  listIds(
    workspaceId: string,
    options?: { readonly ids?: readonly string[]; readonly excludeKinds?: readonly InterviewKind[] },
  ): Promise<string[]>;
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
      const row = interviewRow(ctx, { ...input, id });
      await guardWrite('interview', id, () => db.insertInto('interview').values(row).execute());
      return get(id);
    },
    async createWithTranscript(input, segments) {
      const id = input.id ?? newId('intv');
      const row = interviewRow(ctx, { ...input, id });
      await guardWrite('interview', id, () =>
        db.transaction().execute(async (trx: Kysely<Database>) => {
          await trx.insertInto('interview').values(row).execute();
          await insertSegments(trx, id, segments);
        }),
      );
      return get(id);
    },
    async findByContent(workspaceId, sha256) {
      const row = await db
        .selectFrom('interview')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('content_sha256', '=', sha256)
        .orderBy('created_at')
        .orderBy('id')
        .executeTakeFirst();
      return row === undefined ? null : toInterviewRecord(row);
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
    async listIds(workspaceId, options = {}) {
      if (options.ids !== undefined && options.ids.length === 0) return [];
      let query = db
        .selectFrom('interview')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at')
        .orderBy('id');
      if (options.ids !== undefined) query = query.where('id', 'in', [...options.ids]);
      if (options.excludeKinds !== undefined && options.excludeKinds.length > 0)
        query = query.where('kind', 'not in', [...options.excludeKinds]);
      return (await query.execute()).map((row) => row.id);
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

/** The row a new interview is inserted as, its metadata checked (errors name the field). */
function interviewRow(ctx: RepositoryContext, input: NewInterview & { id: string }) {
  const meta = checkInterviewMetadata(input);
  const createdAt = timestamp(ctx);
  return {
    id: input.id,
    workspace_id: input.workspaceId,
    application_id: input.applicationId ?? null,
    kind: input.kind,
    source_file: input.sourceFile ?? null,
    format: input.format ?? null,
    user_id: input.userId ?? null,
    title: input.title ?? null,
    account: meta.account ?? null,
    segment: meta.segment ?? null,
    role: meta.role ?? null,
    outcome: meta.outcome ?? null,
    occurred_at: meta.occurredAt ?? createdAt,
    content_sha256: input.contentSha256 ?? null,
    created_at: createdAt,
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
    account: row.account,
    segment: row.segment,
    role: row.role,
    outcome: row.outcome,
    occurredAt: row.occurred_at ?? row.created_at,
    contentSha256: row.content_sha256,
    createdAt: row.created_at,
  };
}
