import type { Selectable } from 'kysely';
import { newId } from '../../core/index.js';
import type { CohortTable } from '../schema.js';
import { guardWrite, notFound, timestamp, type RepositoryContext } from './rows.js';

export interface CohortRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface CohortRepository {
  /** @throws CandorError CONFLICT when the workspace already has a cohort of that name. */
  create(input: { workspaceId: string; name: string; id?: string }): Promise<CohortRecord>;
  /** @throws CandorError NOT_FOUND */
  get(id: string): Promise<CohortRecord>;
  listByWorkspace(workspaceId: string): Promise<CohortRecord[]>;
  /** Adds students; adding one twice is not an error. */
  addMembers(cohortId: string, userIds: readonly string[]): Promise<void>;
  removeMember(cohortId: string, userId: string): Promise<void>;
  /** User ids of the cohort's students, in the order they joined. */
  members(cohortId: string): Promise<string[]>;
  /** Cohorts a student belongs to. */
  cohortsOf(userId: string): Promise<CohortRecord[]>;
  /** Number of students per cohort of the workspace; cohorts without students are left out. */
  studentCounts(workspaceId: string): Promise<Map<string, number>>;
}

/**
 * Advisors' cohorts of students (users with the candidate role).
 * @example const c = await store.cohorts.create({ workspaceId, name: 'MBA 2026' })
 */
export function createCohortRepository(ctx: RepositoryContext): CohortRepository {
  const { db } = ctx;
  const get = async (id: string): Promise<CohortRecord> => {
    const row = await db.selectFrom('cohort').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('cohort', id);
    return toRecord(row);
  };
  return {
    async create(input) {
      const id = input.id ?? newId('coh');
      await guardWrite('cohort', input.name, () =>
        db
          .insertInto('cohort')
          .values({ id, workspace_id: input.workspaceId, name: input.name, created_at: timestamp(ctx) })
          .execute(),
      );
      return get(id);
    },
    get,
    async listByWorkspace(workspaceId) {
      const rows = await db
        .selectFrom('cohort')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('name')
        .execute();
      return rows.map(toRecord);
    },
    async addMembers(cohortId, userIds) {
      await get(cohortId);
      const existing = new Set(await this.members(cohortId));
      const fresh = [...new Set(userIds)].filter((u) => !existing.has(u));
      if (fresh.length === 0) return;
      await guardWrite('cohort member', cohortId, () =>
        db
          .insertInto('cohort_member')
          .values(fresh.map((userId) => ({ cohort_id: cohortId, user_id: userId, added_at: timestamp(ctx) })))
          .execute(),
      );
    },
    async removeMember(cohortId, userId) {
      const result = await db
        .deleteFrom('cohort_member')
        .where('cohort_id', '=', cohortId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      if (result.numDeletedRows === 0n) throw notFound('cohort member', userId, { cohortId });
    },
    async members(cohortId) {
      const rows = await db
        .selectFrom('cohort_member')
        .select('user_id')
        .where('cohort_id', '=', cohortId)
        .orderBy('added_at')
        .orderBy('user_id')
        .execute();
      return rows.map((r) => r.user_id);
    },
    async cohortsOf(userId) {
      const rows = await db
        .selectFrom('cohort')
        .innerJoin('cohort_member', 'cohort_member.cohort_id', 'cohort.id')
        .selectAll('cohort')
        .where('cohort_member.user_id', '=', userId)
        .orderBy('cohort.name')
        .execute();
      return rows.map(toRecord);
    },
    async studentCounts(workspaceId) {
      const rows = await db
        .selectFrom('cohort_member as m')
        .innerJoin('cohort as c', 'c.id', 'm.cohort_id')
        .select(['m.cohort_id', (eb) => eb.fn.count('m.user_id').as('n')])
        .where('c.workspace_id', '=', workspaceId)
        .groupBy('m.cohort_id')
        .execute();
      return new Map(rows.map((r) => [r.cohort_id, Number(r.n)]));
    },
  };
}

function toRecord(row: Selectable<CohortTable>): CohortRecord {
  return { id: row.id, workspaceId: row.workspace_id, name: row.name, createdAt: row.created_at };
}
