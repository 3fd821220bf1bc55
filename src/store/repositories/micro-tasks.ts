/**
 * Micro-tasks (migration 0019): the one extra question per interview that the follow-up agent
 * sends when a scorecard shows a competency with insufficient evidence or a gap, and the
 * recruiters' switch that turns them off for a workspace or a job.
 */
import type { Kysely, Selectable } from 'kysely';
import { CandorError, newId } from '../../core/index.js';
import { violatesUnique, type UniqueKey } from '../dialect.js';
import type { Database } from '../schema.js';
import type { InvitationTables } from './invitations.js';
import { notFound, timestamp, type RepositoryContext } from './rows.js';

export type MicroTaskReason = 'insufficient_evidence' | 'gap';
export type MicroTaskStatus = 'open' | 'answered' | 'revoked';
export type MicroTaskAnswerKind = 'text' | 'recording';

// Types, not interfaces: `withTables` needs index-compatible records.
export type MicroTaskTables = {
  micro_task: {
    id: string;
    workspace_id: string;
    interview_id: string;
    invitation_id: string;
    candidate_id: string;
    application_id: string;
    scorecard_id: string;
    competency_id: string;
    competency_name: string;
    reason: MicroTaskReason;
    detail: string;
    question_id: string;
    question_text: string;
    question_source: string;
    position: number;
    token_hash: string;
    status: MicroTaskStatus;
    expires_at: string;
    message_id: string | null;
    answer_kind: MicroTaskAnswerKind | null;
    media_id: string | null;
    answered_at: string | null;
    created_at: string;
  };
  micro_task_switch: {
    workspace_id: string;
    scope_id: string;
    enabled: number;
    updated_by: string;
    updated_at: string;
  };
};

const INTERVIEW_KEY: UniqueKey = {
  name: 'micro_task_interview_id_key',
  table: 'micro_task',
  columns: ['interview_id'],
};

export interface MicroTaskRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly interviewId: string;
  readonly invitationId: string;
  readonly candidateId: string;
  readonly applicationId: string;
  /** The scorecard the competency was chosen from: the "before" version. */
  readonly scorecardId: string;
  readonly competencyId: string;
  readonly competencyName: string;
  readonly reason: MicroTaskReason;
  readonly detail: string;
  readonly questionId: string;
  readonly questionText: string;
  readonly questionSource: string;
  /** The answer's place in the interview: after the invitation's questions. */
  readonly position: number;
  readonly status: MicroTaskStatus;
  readonly expiresAt: string;
  readonly messageId: string | null;
  readonly answerKind: MicroTaskAnswerKind | null;
  readonly mediaId: string | null;
  readonly answeredAt: string | null;
  readonly createdAt: string;
}

export type NewMicroTask = Omit<
  MicroTaskRecord,
  'id' | 'status' | 'messageId' | 'answerKind' | 'mediaId' | 'answeredAt' | 'createdAt'
> & { readonly tokenHash: string };

export interface MicroTaskRepository {
  /**
   * Adds the interview's micro-task; when it already has one (a repeated or parallel event),
   * returns that one with `created: false` and adds nothing.
   */
  create(input: NewMicroTask): Promise<{ microTask: MicroTaskRecord; created: boolean }>;
  /** @throws CandorError NOT_FOUND */
  get(id: string): Promise<MicroTaskRecord>;
  findByTokenHash(tokenHash: string): Promise<MicroTaskRecord | null>;
  findByInterview(interviewId: string): Promise<MicroTaskRecord | null>;
  /** The newest micro-task of an invitation (there is at most one per interview). */
  findByInvitation(invitationId: string): Promise<MicroTaskRecord | null>;
  /** A new link for an open micro-task whose message was never queued (the old hash stops working). */
  replaceToken(id: string, tokenHash: string): Promise<void>;
  setMessage(id: string, messageId: string): Promise<void>;
  /**
   * `open` → `answered` with the answer's media; false when it was not open any more (answered
   * by a parallel request), so exactly one answer is kept.
   */
  markAnswered(id: string, answer: { kind: MicroTaskAnswerKind; mediaId: string }): Promise<boolean>;
  /** Back to `open` (the answer could not be stored after the claim). */
  reopen(id: string): Promise<void>;
  /**
   * `open` → `revoked` (a recruiter withdrew it).
   * @throws CandorError CONFLICT when it is answered already; NOT_FOUND
   */
  revoke(id: string): Promise<MicroTaskRecord>;
  /** The interview an invitation filled, with the invitation id: how a scorecard finds its link. */
  invitationOfInterview(interviewId: string): Promise<string | null>;
  /** Whether micro-tasks go for this job: on unless the workspace or the job turned them off. */
  enabled(workspaceId: string, jobId: string): Promise<boolean>;
  /** The workspace's and the job's own switches (null: never set, which means on). */
  switches(
    workspaceId: string,
    jobId: string | null,
  ): Promise<{ workspace: boolean | null; job: boolean | null }>;
  /** Turns micro-tasks on or off for the workspace (`jobId` null) or one job. */
  setEnabled(input: {
    workspaceId: string;
    jobId: string | null;
    enabled: boolean;
    by: string;
  }): Promise<void>;
}

type Db = Kysely<Database & MicroTaskTables & Pick<InvitationTables, 'invitation'>>;
const WORKSPACE_SCOPE = '*';

/** @example const { microTask, created } = await store.microTasks.create({ … }) */
export function createMicroTaskRepository(ctx: RepositoryContext): MicroTaskRepository {
  const db: Db = ctx.db.withTables<MicroTaskTables & Pick<InvitationTables, 'invitation'>>();
  const one = async (column: 'id' | 'token_hash' | 'interview_id', value: string) => {
    const row = await db.selectFrom('micro_task').selectAll().where(column, '=', value).executeTakeFirst();
    return row === undefined ? null : toRecord(row);
  };
  const switches = async (
    workspaceId: string,
    jobId: string | null,
  ): Promise<{ workspace: boolean | null; job: boolean | null }> => {
    const rows = await db
      .selectFrom('micro_task_switch')
      .select(['scope_id', 'enabled'])
      .where('workspace_id', '=', workspaceId)
      .where('scope_id', 'in', jobId === null ? [WORKSPACE_SCOPE] : [WORKSPACE_SCOPE, jobId])
      .execute();
    const of = (scope: string) => {
      const row = rows.find((r) => r.scope_id === scope);
      return row === undefined ? null : row.enabled === 1;
    };
    return { workspace: of(WORKSPACE_SCOPE), job: jobId === null ? null : of(jobId) };
  };
  return {
    async create(input) {
      const existing = await one('interview_id', input.interviewId);
      if (existing !== null) return { microTask: existing, created: false };
      const id = newId('mtask');
      try {
        await db
          .insertInto('micro_task')
          .values({
            id,
            workspace_id: input.workspaceId,
            interview_id: input.interviewId,
            invitation_id: input.invitationId,
            candidate_id: input.candidateId,
            application_id: input.applicationId,
            scorecard_id: input.scorecardId,
            competency_id: input.competencyId,
            competency_name: input.competencyName,
            reason: input.reason,
            detail: input.detail,
            question_id: input.questionId,
            question_text: input.questionText,
            question_source: input.questionSource,
            position: input.position,
            token_hash: input.tokenHash,
            status: 'open',
            expires_at: input.expiresAt,
            message_id: null,
            answer_kind: null,
            media_id: null,
            answered_at: null,
            created_at: timestamp(ctx),
          })
          .execute();
      } catch (error) {
        if (!violatesUnique(error, INTERVIEW_KEY)) throw error;
        const winner = await one('interview_id', input.interviewId);
        if (winner === null) throw error;
        return { microTask: winner, created: false };
      }
      const created = await one('id', id);
      if (created === null) throw notFound('micro-task', id);
      return { microTask: created, created: true };
    },
    async get(id) {
      const found = await one('id', id);
      if (found === null) throw notFound('micro-task', id);
      return found;
    },
    findByTokenHash: (hash) => one('token_hash', hash),
    findByInterview: (interviewId) => one('interview_id', interviewId),
    async findByInvitation(invitationId) {
      const row = await db
        .selectFrom('micro_task')
        .selectAll()
        .where('invitation_id', '=', invitationId)
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      return row === undefined ? null : toRecord(row);
    },
    async replaceToken(id, tokenHash) {
      await db.updateTable('micro_task').set({ token_hash: tokenHash }).where('id', '=', id).execute();
    },
    async setMessage(id, messageId) {
      await db.updateTable('micro_task').set({ message_id: messageId }).where('id', '=', id).execute();
    },
    async markAnswered(id, answer) {
      const result = await db
        .updateTable('micro_task')
        .set({
          status: 'answered',
          answer_kind: answer.kind,
          media_id: answer.mediaId,
          answered_at: timestamp(ctx),
        })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async reopen(id) {
      await db
        .updateTable('micro_task')
        .set({ status: 'open', answer_kind: null, media_id: null, answered_at: null })
        .where('id', '=', id)
        .execute();
    },
    async revoke(id) {
      await db
        .updateTable('micro_task')
        .set({ status: 'revoked' })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .execute();
      const current = await one('id', id);
      if (current === null) throw notFound('micro-task', id);
      if (current.status === 'answered') {
        throw new CandorError(
          'CONFLICT',
          `micro-task ${id} is answered; an answered micro-task cannot be revoked`,
          {
            entity: 'micro-task',
            id,
            status: current.status,
          },
        );
      }
      return current;
    },
    async invitationOfInterview(interviewId) {
      const row = await db
        .selectFrom('invitation')
        .select('id')
        .where('interview_id', '=', interviewId)
        .executeTakeFirst();
      return row?.id ?? null;
    },
    async enabled(workspaceId, jobId) {
      const { workspace, job } = await switches(workspaceId, jobId);
      return workspace !== false && job !== false;
    },
    switches,
    async setEnabled({ workspaceId, jobId, enabled, by }) {
      if (jobId === WORKSPACE_SCOPE) {
        throw new CandorError('VALIDATION_FAILED', 'jobId: "*" is not a job id', { field: 'jobId' });
      }
      const values = {
        workspace_id: workspaceId,
        scope_id: jobId ?? WORKSPACE_SCOPE,
        enabled: enabled ? 1 : 0,
        updated_by: by,
        updated_at: timestamp(ctx),
      };
      await db
        .insertInto('micro_task_switch')
        .values(values)
        .onConflict((oc) =>
          oc.columns(['workspace_id', 'scope_id']).doUpdateSet({
            enabled: values.enabled,
            updated_by: values.updated_by,
            updated_at: values.updated_at,
          }),
        )
        .execute();
    },
  };
}

function toRecord(row: Selectable<MicroTaskTables['micro_task']>): MicroTaskRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    interviewId: row.interview_id,
    invitationId: row.invitation_id,
    candidateId: row.candidate_id,
    applicationId: row.application_id,
    scorecardId: row.scorecard_id,
    competencyId: row.competency_id,
    competencyName: row.competency_name,
    reason: row.reason,
    detail: row.detail,
    questionId: row.question_id,
    questionText: row.question_text,
    questionSource: row.question_source,
    position: Number(row.position),
    status: row.status,
    expiresAt: row.expires_at,
    messageId: row.message_id,
    answerKind: row.answer_kind,
    mediaId: row.media_id,
    answeredAt: row.answered_at,
    createdAt: row.created_at,
  };
}
