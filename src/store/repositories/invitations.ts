/**
 * Invitations to interview by link and the answers their candidates record (migration 0014).
 * The link's token is never stored: `findByTokenHash` looks an invitation up by its hash.
 */
import type { Kysely, Selectable } from 'kysely';
import { CandorError, newId } from '../../core/index.js';
import type { Question } from '../../domain/index.js';
import type { Database } from '../schema.js';
import { fromJson, guardWrite, notFound, timestamp, toJson, type RepositoryContext } from './rows.js';

export const INVITATION_STATUSES = ['invited', 'started', 'completed', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];
export type AttemptKind = 'recording' | 'text';
export type AttemptStatus = 'recording' | 'kept' | 'replaced' | 'failed';

// Types, not interfaces: `withTables` needs index-compatible records.
export type InvitationTables = {
  invitation: {
    id: string;
    workspace_id: string;
    job_id: string;
    candidate_id: string;
    application_id: string;
    token_hash: string;
    questions: string;
    question_set_id: string | null;
    expires_at: string;
    answer_seconds: number;
    prep_seconds: number;
    retakes: number;
    text_answers: number;
    status: InvitationStatus;
    notice_version: string | null;
    consented_at: string | null;
    opened_at: string | null;
    completed_at: string | null;
    interview_id: string | null;
    created_by: string;
    created_at: string;
  };
  invitation_attempt: {
    id: string;
    invitation_id: string;
    position: number;
    attempt: number;
    kind: AttemptKind;
    upload_path: string | null;
    bytes: number;
    status: AttemptStatus;
    duration_seconds: number | null;
    media_id: string | null;
    error: string | null;
    created_at: string;
    finished_at: string | null;
  };
};

/** What a candidate is asked to do: the interview's terms, fixed when the invitation is sent. */
export interface InvitationTerms {
  /** When the link stops working (ISO-8601). */
  readonly expiresAt: string;
  /** Longest answer, in seconds. */
  readonly answerSeconds: number;
  /** Time to read and think before the recording starts, in seconds. */
  readonly prepSeconds: number;
  /** Extra takes allowed per question (0: one take only). */
  readonly retakes: number;
  /** Whether the candidate may type an answer instead of recording it. */
  readonly textAnswers: boolean;
}

export interface InvitationRecord extends InvitationTerms {
  readonly id: string;
  readonly workspaceId: string;
  readonly jobId: string;
  readonly candidateId: string;
  readonly applicationId: string;
  readonly questions: readonly Question[];
  readonly questionSetId: string | null;
  readonly status: InvitationStatus;
  readonly noticeVersion: string | null;
  readonly consentedAt: string | null;
  readonly openedAt: string | null;
  readonly completedAt: string | null;
  readonly interviewId: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
}

export interface NewInvitation extends InvitationTerms {
  readonly id?: string;
  readonly workspaceId: string;
  readonly jobId: string;
  readonly candidateId: string;
  readonly applicationId: string;
  readonly tokenHash: string;
  readonly questions: readonly Question[];
  readonly questionSetId: string | null;
  readonly createdBy: string;
}

export interface AttemptRecord {
  readonly id: string;
  readonly invitationId: string;
  readonly position: number;
  readonly attempt: number;
  readonly kind: AttemptKind;
  /** Relative to the media folder, while a recording uploads; null for typed answers. */
  readonly uploadPath: string | null;
  readonly bytes: number;
  readonly status: AttemptStatus;
  readonly durationSeconds: number | null;
  readonly mediaId: string | null;
  readonly error: string | null;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

export interface InvitationRepository {
  create(input: NewInvitation): Promise<InvitationRecord>;
  /** @throws CandorError NOT_FOUND */
  get(id: string): Promise<InvitationRecord>;
  findByTokenHash(tokenHash: string): Promise<InvitationRecord | null>;
  /** A job's invitations, newest first. */
  listByJob(jobId: string): Promise<InvitationRecord[]>;
  /** An invitation still open (invited or started) for this candidate and job, if any. */
  findOpen(jobId: string, candidateId: string): Promise<InvitationRecord | null>;
  /** Records the first opening of the link (later openings keep the first time). */
  markOpened(id: string): Promise<void>;
  /** Records consent and the interview the answers go to; status becomes `started`. */
  consent(id: string, input: { noticeVersion: string; interviewId: string }): Promise<InvitationRecord>;
  /**
   * Marks the interview completed, once: `false` when it was no longer `started` (completed twice
   * in parallel, or revoked meanwhile).
   */
  complete(id: string): Promise<boolean>;
  revoke(id: string): Promise<InvitationRecord>;
  /** Replaces the link (the old one stops working); not for completed or revoked invitations. */
  replaceToken(id: string, tokenHash: string, expiresAt?: string): Promise<InvitationRecord>;
  /** Every attempt of the invitation, by position then attempt. */
  attempts(invitationId: string): Promise<AttemptRecord[]>;
  /**
   * Starts the next attempt at a position.
   * @throws CandorError CONFLICT when a parallel start took the same attempt number
   */
  startAttempt(input: {
    invitationId: string;
    position: number;
    attempt: number;
    kind: AttemptKind;
    uploadPath: string | null;
  }): Promise<AttemptRecord>;
  /**
   * Adds `added` bytes to a recording that holds `expected` bytes: `false` when it held another
   * count (a parallel or repeated chunk), so the caller answers with the count it really holds.
   */
  addBytes(attemptId: string, expected: number, added: number): Promise<boolean>;
  /**
   * Closes an attempt: `kept` ones replace the position's earlier kept attempt (which becomes
   * `replaced`), in one transaction; `failed` ones keep the error and count for nothing.
   */
  finishAttempt(
    attemptId: string,
    outcome:
      | { status: 'kept'; durationSeconds: number | null; mediaId: string | null; bytes: number }
      | { status: 'failed'; error: string },
  ): Promise<AttemptRecord>;
}

type Db = Kysely<Database & InvitationTables>;

/**
 * @example const invitation = await store.invitations.create({ workspaceId, jobId, candidateId, applicationId, tokenHash, questions, … })
 */
export function createInvitationRepository(ctx: RepositoryContext): InvitationRepository {
  const db: Db = ctx.db.withTables<InvitationTables>();
  const get = async (id: string): Promise<InvitationRecord> => {
    const row = await db.selectFrom('invitation').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('invitation', id);
    return toInvitation(row);
  };
  const getAttempt = async (id: string): Promise<AttemptRecord> => {
    const row = await db.selectFrom('invitation_attempt').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('invitation attempt', id);
    return toAttempt(row);
  };
  return {
    async create(input) {
      const id = input.id ?? newId('inv');
      await guardWrite('invitation', id, () =>
        db
          .insertInto('invitation')
          .values({
            id,
            workspace_id: input.workspaceId,
            job_id: input.jobId,
            candidate_id: input.candidateId,
            application_id: input.applicationId,
            token_hash: input.tokenHash,
            questions: toJson(input.questions),
            question_set_id: input.questionSetId,
            expires_at: input.expiresAt,
            answer_seconds: input.answerSeconds,
            prep_seconds: input.prepSeconds,
            retakes: input.retakes,
            text_answers: input.textAnswers ? 1 : 0,
            status: 'invited',
            notice_version: null,
            consented_at: null,
            opened_at: null,
            completed_at: null,
            interview_id: null,
            created_by: input.createdBy,
            created_at: timestamp(ctx),
          })
          .execute(),
      );
      return get(id);
    },
    get,
    async findByTokenHash(tokenHash) {
      const row = await db
        .selectFrom('invitation')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row === undefined ? null : toInvitation(row);
    },
    async listByJob(jobId) {
      const rows = await db
        .selectFrom('invitation')
        .selectAll()
        .where('job_id', '=', jobId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toInvitation);
    },
    async findOpen(jobId, candidateId) {
      const row = await db
        .selectFrom('invitation')
        .selectAll()
        .where('job_id', '=', jobId)
        .where('candidate_id', '=', candidateId)
        .where('status', 'in', ['invited', 'started'])
        .where('expires_at', '>', timestamp(ctx))
        .executeTakeFirst();
      return row === undefined ? null : toInvitation(row);
    },
    async markOpened(id) {
      await db
        .updateTable('invitation')
        .set({ opened_at: timestamp(ctx) })
        .where('id', '=', id)
        .where('opened_at', 'is', null)
        .execute();
    },
    async consent(id, { noticeVersion, interviewId }) {
      const result = await db
        .updateTable('invitation')
        .set({
          status: 'started',
          notice_version: noticeVersion,
          consented_at: timestamp(ctx),
          interview_id: interviewId,
        })
        .where('id', '=', id)
        .where('status', '=', 'invited')
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) {
        throw new CandorError('CONFLICT', `invitation ${id} was already consented to or closed`, {
          entity: 'invitation',
          id,
        });
      }
      return get(id);
    },
    async complete(id) {
      const result = await db
        .updateTable('invitation')
        .set({ status: 'completed', completed_at: timestamp(ctx) })
        .where('id', '=', id)
        .where('status', '=', 'started')
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async revoke(id) {
      const current = await get(id);
      if (current.status === 'completed') {
        throw new CandorError(
          'CONFLICT',
          `invitation ${id} is completed; a completed interview cannot be revoked`,
          {
            entity: 'invitation',
            id,
            status: current.status,
          },
        );
      }
      await db
        .updateTable('invitation')
        .set({ status: 'revoked' })
        .where('id', '=', id)
        .where('status', 'in', ['invited', 'started'])
        .execute();
      return get(id);
    },
    async replaceToken(id, tokenHash, expiresAt) {
      const result = await db
        .updateTable('invitation')
        .set({ token_hash: tokenHash, ...(expiresAt === undefined ? {} : { expires_at: expiresAt }) })
        .where('id', '=', id)
        .where('status', 'in', ['invited', 'started'])
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) {
        const current = await get(id);
        throw new CandorError('CONFLICT', `invitation ${id} is ${current.status}; it gets no new link`, {
          entity: 'invitation',
          id,
          status: current.status,
        });
      }
      return get(id);
    },
    async attempts(invitationId) {
      const rows = await db
        .selectFrom('invitation_attempt')
        .selectAll()
        .where('invitation_id', '=', invitationId)
        .orderBy('position')
        .orderBy('attempt')
        .execute();
      return rows.map(toAttempt);
    },
    async startAttempt(input) {
      const id = newId('att');
      await guardWrite('invitation attempt', `${input.invitationId}#${input.position}.${input.attempt}`, () =>
        db
          .insertInto('invitation_attempt')
          .values({
            id,
            invitation_id: input.invitationId,
            position: input.position,
            attempt: input.attempt,
            kind: input.kind,
            upload_path: input.uploadPath,
            bytes: 0,
            status: 'recording',
            duration_seconds: null,
            media_id: null,
            error: null,
            created_at: timestamp(ctx),
            finished_at: null,
          })
          .execute(),
      );
      return getAttempt(id);
    },
    async addBytes(attemptId, expected, added) {
      const result = await db
        .updateTable('invitation_attempt')
        .set({ bytes: expected + added })
        .where('id', '=', attemptId)
        .where('bytes', '=', expected)
        .where('status', '=', 'recording')
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async finishAttempt(attemptId, outcome) {
      const attempt = await getAttempt(attemptId);
      const finishedAt = timestamp(ctx);
      await db.transaction().execute(async (trx) => {
        if (outcome.status === 'kept') {
          await trx
            .updateTable('invitation_attempt')
            .set({ status: 'replaced' })
            .where('invitation_id', '=', attempt.invitationId)
            .where('position', '=', attempt.position)
            .where('status', '=', 'kept')
            .execute();
        }
        const result = await trx
          .updateTable('invitation_attempt')
          .set(
            outcome.status === 'kept'
              ? {
                  status: 'kept',
                  duration_seconds: outcome.durationSeconds,
                  media_id: outcome.mediaId,
                  bytes: outcome.bytes,
                  finished_at: finishedAt,
                }
              : { status: 'failed', error: outcome.error, finished_at: finishedAt },
          )
          .where('id', '=', attemptId)
          .where('status', '=', 'recording')
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n) {
          throw new CandorError(
            'CONFLICT',
            `answer ${attempt.position + 1}, take ${attempt.attempt} is already finished`,
            {
              position: attempt.position,
              attempt: attempt.attempt,
            },
          );
        }
      });
      return getAttempt(attemptId);
    },
  };
}

function toInvitation(row: Selectable<InvitationTables['invitation']>): InvitationRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    jobId: row.job_id,
    candidateId: row.candidate_id,
    applicationId: row.application_id,
    questions: fromJson<Question[]>(row.questions, { entity: 'invitation', id: row.id, field: 'questions' }),
    questionSetId: row.question_set_id,
    expiresAt: row.expires_at,
    answerSeconds: row.answer_seconds,
    prepSeconds: row.prep_seconds,
    retakes: row.retakes,
    textAnswers: row.text_answers === 1,
    status: row.status,
    noticeVersion: row.notice_version,
    consentedAt: row.consented_at,
    openedAt: row.opened_at,
    completedAt: row.completed_at,
    interviewId: row.interview_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

function toAttempt(row: Selectable<InvitationTables['invitation_attempt']>): AttemptRecord {
  return {
    id: row.id,
    invitationId: row.invitation_id,
    position: Number(row.position),
    attempt: Number(row.attempt),
    kind: row.kind,
    uploadPath: row.upload_path,
    bytes: Number(row.bytes),
    status: row.status,
    durationSeconds: row.duration_seconds === null ? null : Number(row.duration_seconds),
    mediaId: row.media_id,
    error: row.error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}
