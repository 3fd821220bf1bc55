/**
 * The candidate pulse (migration 0018): answers to "0–10: how likely are you to recommend applying
 * here?", one per survey message, and the candidate NPS per job and round computed from them.
 */
import type { Kysely, Selectable } from 'kysely';
import { CandorError, newId } from '../../core/index.js';
import type { Database } from '../schema.js';
import type { MessageChannel } from './messages.js';
import { timestamp, type RepositoryContext } from './rows.js';

// A type, not an interface: `withTables` needs an index-compatible record.
export type PulseTables = {
  pulse_response: {
    id: string;
    workspace_id: string;
    job_id: string;
    stage: string;
    candidate_id: string;
    application_id: string | null;
    survey_message_id: string;
    score: number;
    comment: string | null;
    channel: MessageChannel;
    created_at: string;
  };
};

export interface PulseResponseRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly jobId: string;
  /** The round the survey followed: `online_interview` or `scheduled_interview`. */
  readonly stage: string;
  readonly candidateId: string;
  readonly applicationId: string | null;
  readonly surveyMessageId: string;
  /** 0–10. */
  readonly score: number;
  readonly comment: string | null;
  readonly channel: MessageChannel;
  readonly createdAt: string;
}

export interface NewPulseResponse {
  readonly workspaceId: string;
  readonly jobId: string;
  readonly stage: string;
  readonly candidateId: string;
  readonly applicationId: string | null;
  readonly surveyMessageId: string;
  readonly score: number;
  readonly comment: string | null;
  readonly channel: MessageChannel;
}

/** Net promoter score of a set of answers: % promoters (9–10) minus % detractors (0–6). */
export interface NpsFigures {
  readonly responses: number;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  /** −100…100, rounded to one decimal; null without responses. */
  readonly nps: number | null;
}

export interface PulseStageNps extends NpsFigures {
  readonly stage: string;
}

export interface PulseRepository {
  /**
   * Stores an answer; a second answer to the same survey message replaces the first.
   * @throws CandorError VALIDATION_FAILED for a score that is not a whole number from 0 to 10
   */
  record(input: NewPulseResponse): Promise<PulseResponseRecord>;
  /** A job's answers, oldest first. */
  listByJob(jobId: string): Promise<PulseResponseRecord[]>;
  /** The job's NPS over every answer, and per round (stages in alphabetical order). */
  npsForJob(jobId: string): Promise<{ overall: NpsFigures; stages: PulseStageNps[] }>;
}

/**
 * @example npsOf([10, 9, 7, 3]) // { responses: 4, promoters: 2, passives: 1, detractors: 1, nps: 25 }
 */
export function npsOf(scores: readonly number[]): NpsFigures {
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  const responses = scores.length;
  return {
    responses,
    promoters,
    passives: responses - promoters - detractors,
    detractors,
    nps: responses === 0 ? null : Math.round(((promoters - detractors) / responses) * 1000) / 10,
  };
}

type Db = Kysely<Database & PulseTables>;

/** @example await store.pulse.record({ workspaceId, jobId, stage: 'online_interview', candidateId, applicationId, surveyMessageId, score: 9, comment: null, channel: 'email' }) */
export function createPulseRepository(ctx: RepositoryContext): PulseRepository {
  const db: Db = ctx.db.withTables<PulseTables>();
  const listByJob = async (jobId: string): Promise<PulseResponseRecord[]> => {
    const rows = await db
      .selectFrom('pulse_response')
      .selectAll()
      .where('job_id', '=', jobId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toRecord);
  };
  return {
    async record(input) {
      if (!Number.isInteger(input.score) || input.score < 0 || input.score > 10) {
        throw new CandorError(
          'VALIDATION_FAILED',
          `a pulse score is a whole number from 0 to 10, not ${input.score}`,
          {
            field: 'score',
          },
        );
      }
      const now = timestamp(ctx);
      const answer = { score: input.score, comment: input.comment, channel: input.channel, created_at: now };
      await db
        .insertInto('pulse_response')
        .values({
          id: newId('pulse'),
          workspace_id: input.workspaceId,
          job_id: input.jobId,
          stage: input.stage,
          candidate_id: input.candidateId,
          application_id: input.applicationId,
          survey_message_id: input.surveyMessageId,
          ...answer,
        })
        .onConflict((oc) => oc.column('survey_message_id').doUpdateSet(answer))
        .execute();
      const row = await db
        .selectFrom('pulse_response')
        .selectAll()
        .where('survey_message_id', '=', input.surveyMessageId)
        .executeTakeFirstOrThrow();
      return toRecord(row);
    },
    listByJob,
    async npsForJob(jobId) {
      const answers = await listByJob(jobId);
      const stages = [...new Set(answers.map((a) => a.stage))].sort();
      return {
        overall: npsOf(answers.map((a) => a.score)),
        stages: stages.map((stage) => ({
          stage,
          ...npsOf(answers.filter((a) => a.stage === stage).map((a) => a.score)),
        })),
      };
    },
  };
}

function toRecord(row: Selectable<PulseTables['pulse_response']>): PulseResponseRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    jobId: row.job_id,
    stage: row.stage,
    candidateId: row.candidate_id,
    applicationId: row.application_id,
    surveyMessageId: row.survey_message_id,
    score: Number(row.score),
    comment: row.comment,
    channel: row.channel,
    createdAt: row.created_at,
  };
}
