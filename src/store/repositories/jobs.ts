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
