import type { Selectable, Updateable } from 'kysely';
import { newId } from '../../core/index.js';
import type { JobProfile } from '../../domain/index.js';
import type { JobTable } from '../schema.js';
import { fromJson, guardWrite, notFound, timestamp, toJson, type RepositoryContext } from './rows.js';

export interface JobRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly title: string;
  readonly description: string;
  readonly skills: readonly string[];
  readonly frameworkId: string | null;
  readonly questionSetId: string | null;
  readonly createdAt: string;
}

export interface NewJob {
  readonly id?: string;
  readonly workspaceId: string;
  readonly title: string;
  readonly description: string;
  readonly skills?: readonly string[];
  readonly frameworkId?: string | null;
  readonly questionSetId?: string | null;
}

export type JobPatch = Partial<
  Pick<NewJob, 'title' | 'description' | 'skills' | 'frameworkId' | 'questionSetId'>
>;

export interface JobRepository {
  create(input: NewJob): Promise<JobRecord>;
  get(id: string): Promise<JobRecord>;
  /** Jobs of a workspace, oldest first. */
  listByWorkspace(workspaceId: string): Promise<JobRecord[]>;
  /** Changes the given fields; returns the job as stored afterwards. */
  update(id: string, patch: JobPatch): Promise<JobRecord>;
  /**
   * Per job of the workspace that has applications: how many, and how many of them have an
   * overall score on their newest scorecard. Jobs without applications are left out.
   */
  countsByWorkspace(workspaceId: string): Promise<Map<string, JobCounts>>;
}

export interface JobCounts {
  readonly applicationCount: number;
  /** Applications whose newest scorecard (latest `createdAt`, then largest id) has an overall score. */
  readonly scoredCount: number;
}

/**
 * Jobs: a description, its skills, and the framework and question set interviews use.
 * @example const job = await store.jobs.create({ workspaceId: ws.id, title: 'Support lead', description: text, skills: ['Zendesk'] })
 */
export function createJobRepository(ctx: RepositoryContext): JobRepository {
  const { db } = ctx;
  const get = async (id: string): Promise<JobRecord> => {
    const row = await db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('job', id);
    return toRecord(row);
  };
  return {
    async create(input) {
      const id = input.id ?? newId('job');
      await guardWrite('job', id, () =>
        db
          .insertInto('job')
          .values({
            id,
            workspace_id: input.workspaceId,
            title: input.title,
            description: input.description,
            skills: toJson(input.skills ?? []),
            framework_id: input.frameworkId ?? null,
            question_set_id: input.questionSetId ?? null,
            created_at: timestamp(ctx),
          })
          .execute(),
      );
      return get(id);
    },
    get,
    async listByWorkspace(workspaceId) {
      const rows = await db
        .selectFrom('job')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toRecord);
    },
    async update(id, patch) {
      const changes: Updateable<JobTable> = {};
      if (patch.title !== undefined) changes.title = patch.title;
      if (patch.description !== undefined) changes.description = patch.description;
      if (patch.skills !== undefined) changes.skills = toJson(patch.skills);
      if (patch.frameworkId !== undefined) changes.framework_id = patch.frameworkId;
      if (patch.questionSetId !== undefined) changes.question_set_id = patch.questionSetId;
      if (Object.keys(changes).length > 0) {
        await guardWrite('job', id, () => db.updateTable('job').set(changes).where('id', '=', id).execute());
      }
      return get(id);
    },
    async countsByWorkspace(workspaceId) {
      const applications = await db
        .selectFrom('application as a')
        .innerJoin('job as j', 'j.id', 'a.job_id')
        .select(['a.job_id', (eb) => eb.fn.count('a.id').as('n')])
        .where('j.workspace_id', '=', workspaceId)
        .groupBy('a.job_id')
        .execute();
      const scorecards = await db
        .selectFrom('scorecard as s')
        .innerJoin('interview as i', 'i.id', 's.interview_id')
        .innerJoin('application as a', 'a.id', 'i.application_id')
        .innerJoin('job as j', 'j.id', 'a.job_id')
        .select(['s.id', 's.created_at', 's.overall_score', 'a.id as application_id', 'a.job_id'])
        .where('j.workspace_id', '=', workspaceId)
        .execute();
      const newest = new Map<string, (typeof scorecards)[number]>();
      for (const card of scorecards) {
        const seen = newest.get(card.application_id);
        const newer =
          seen === undefined ||
          card.created_at > seen.created_at ||
          (card.created_at === seen.created_at && card.id > seen.id);
        if (newer) newest.set(card.application_id, card);
      }
      const scored = new Map<string, number>();
      for (const card of newest.values()) {
        if (card.overall_score !== null) scored.set(card.job_id, (scored.get(card.job_id) ?? 0) + 1);
      }
      return new Map(
        applications.map((row) => [
          row.job_id,
          { applicationCount: Number(row.n), scoredCount: scored.get(row.job_id) ?? 0 },
        ]),
      );
    },
  };
}

/**
 * The job as the analysers see it.
 * @example relevanceToJob(answer, jobProfile(await store.jobs.get(jobId)))
 */
export function jobProfile(job: JobRecord): JobProfile {
  return { title: job.title, text: job.description, skills: job.skills };
}

function toRecord(row: Selectable<JobTable>): JobRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    title: row.title,
    description: row.description,
    skills: fromJson<string[]>(row.skills, { entity: 'job', id: row.id, field: 'skills' }),
    frameworkId: row.framework_id,
    questionSetId: row.question_set_id,
    createdAt: row.created_at,
  };
}
