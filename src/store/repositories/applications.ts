import type { Selectable } from 'kysely';
import { CandorError, newId } from '../../core/index.js';
import type { ApplicationTable } from '../schema.js';
import { guardWrite, notFound, timestamp, toJson, type RepositoryContext } from './rows.js';

export interface ApplicationRecord {
  readonly id: string;
  readonly candidateId: string;
  readonly jobId: string;
  /** Pipeline stage, e.g. `applied`, `screening`, `interview`, `offer`, `hired`, `rejected`. */
  readonly stage: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ApplicationRepository {
  /**
   * The application of this candidate to this job, created (at `stage`, default `applied`) if
   * there is none; `created` says which. Safe when two callers race: one row per pair.
   */
  findOrCreate(input: {
    candidateId: string;
    jobId: string;
    stage?: string;
    id?: string;
  }): Promise<{ application: ApplicationRecord; created: boolean }>;
  get(id: string): Promise<ApplicationRecord>;
  /** The application of a candidate to a job, or null when they have not applied. */
  find(candidateId: string, jobId: string): Promise<ApplicationRecord | null>;
  /** Applications to a job, oldest first. */
  listByJob(jobId: string): Promise<ApplicationRecord[]>;
  /** Moves the application to a stage; returns it afterwards. */
  updateStage(id: string, stage: string): Promise<ApplicationRecord>;
  /** A candidate's applications with their jobs' titles, oldest first (one query). */
  listByCandidate(candidateId: string): Promise<CandidateApplicationRecord[]>;
  /**
   * A person's decision: moves the application to `stage` and appends a `decision` event
   * (payload `{ decision, previousStage }`) in one transaction; returns the event id. The event's
   * time is after the application's last event, so the history reads in the order things happened.
   * @throws CandorError CONFLICT when another decision changed the stage meanwhile.
   */
  recordDecision(input: DecisionInput): Promise<string>;
}

/** An application with the title of the job applied to. */
export interface CandidateApplicationRecord extends ApplicationRecord {
  readonly jobTitle: string;
}

export interface DecisionInput {
  readonly workspaceId: string;
  readonly applicationId: string;
  /** What was decided, e.g. `advance`; kept in the event's payload. */
  readonly decision: string;
  /** The stage the decision moves the application to. */
  readonly stage: string;
  readonly reason: string;
  /** The deciding user's id. */
  readonly actor: string;
}

/**
 * Applications: one per candidate × job.
 * @example const { application } = await store.applications.findOrCreate({ candidateId: ana.id, jobId: job.id })
 */
export function createApplicationRepository(ctx: RepositoryContext): ApplicationRepository {
  const { db } = ctx;
  const get = async (id: string): Promise<ApplicationRecord> => {
    const row = await db.selectFrom('application').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('application', id);
    return toRecord(row);
  };
  const find = async (candidateId: string, jobId: string): Promise<ApplicationRecord | null> => {
    const row = await db
      .selectFrom('application')
      .selectAll()
      .where('candidate_id', '=', candidateId)
      .where('job_id', '=', jobId)
      .executeTakeFirst();
    return row === undefined ? null : toRecord(row);
  };
  return {
    async findOrCreate({ candidateId, jobId, stage, id }) {
      const now = timestamp(ctx);
      const newApplicationId = id ?? newId('app');
      const inserted = await guardWrite('application', newApplicationId, () =>
        db
          .insertInto('application')
          .values({
            id: newApplicationId,
            candidate_id: candidateId,
            job_id: jobId,
            stage: stage ?? 'applied',
            created_at: now,
            updated_at: now,
          })
          .onConflict((oc) => oc.columns(['candidate_id', 'job_id']).doNothing())
          .returning('id')
          .executeTakeFirst(),
      );
      const application = await find(candidateId, jobId);
      if (application === null) throw notFound('application', newApplicationId, { candidateId, jobId });
      return { application, created: inserted !== undefined };
    },
    get,
    find,
    async listByJob(jobId) {
      const rows = await db
        .selectFrom('application')
        .selectAll()
        .where('job_id', '=', jobId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toRecord);
    },
    async updateStage(id, stage) {
      await db
        .updateTable('application')
        .set({ stage, updated_at: timestamp(ctx) })
        .where('id', '=', id)
        .execute();
      return get(id);
    },
    async listByCandidate(candidateId) {
      const rows = await db
        .selectFrom('application as a')
        .innerJoin('job as j', 'j.id', 'a.job_id')
        .selectAll('a')
        .select('j.title')
        .where('a.candidate_id', '=', candidateId)
        .orderBy('a.created_at')
        .orderBy('a.id')
        .execute();
      return rows.map((row) => ({ ...toRecord(row), jobTitle: row.title }));
    },
    recordDecision: (input) => recordDecision(ctx, input),
  };
}

async function recordDecision(ctx: RepositoryContext, input: DecisionInput): Promise<string> {
  const eventId = newId('evt');
  await ctx.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('application')
      .select('stage')
      .where('id', '=', input.applicationId)
      .executeTakeFirst();
    if (current === undefined) throw notFound('application', input.applicationId);
    const last = await trx
      .selectFrom('pipeline_event')
      .select('occurred_at')
      .where('application_id', '=', input.applicationId)
      .orderBy('occurred_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    const now = Date.parse(timestamp(ctx));
    const lastAt = last === undefined ? -Infinity : Date.parse(last.occurred_at);
    const occurredAt = new Date(Math.max(now, lastAt + 1)).toISOString();
    // Compare-and-set on the stage read above: a concurrent decision makes this one a conflict.
    const updated = await trx
      .updateTable('application')
      .set({ stage: input.stage, updated_at: occurredAt })
      .where('id', '=', input.applicationId)
      .where('stage', '=', current.stage)
      .executeTakeFirst();
    if (updated.numUpdatedRows !== 1n) {
      const message = `application ${input.applicationId} changed while deciding; reload and decide again`;
      throw new CandorError('CONFLICT', message, { entity: 'application', id: input.applicationId });
    }
    await trx
      .insertInto('pipeline_event')
      .values({
        id: eventId,
        workspace_id: input.workspaceId,
        application_id: input.applicationId,
        kind: 'decision',
        actor: input.actor,
        reason: input.reason,
        payload: toJson({ decision: input.decision, previousStage: current.stage }),
        occurred_at: occurredAt,
      })
      .execute();
  });
  return eventId;
}

function toRecord(row: Selectable<ApplicationTable>): ApplicationRecord {
  return {
    id: row.id,
    candidateId: row.candidate_id,
    jobId: row.job_id,
    stage: row.stage,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
