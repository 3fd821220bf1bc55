import type { Selectable } from 'kysely';
import { newId } from '../../core/index.js';
import type { ApplicationTable } from '../schema.js';
import { guardWrite, notFound, timestamp, type RepositoryContext } from './rows.js';

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
  };
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
