import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Store } from '../../../store/index.js';
import { requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { me, scoped } from '../../scope.js';
import { prepareJobReferences } from './catalogue.js';
import { newestBy } from './interview-status.js';
import { errorResponses, HIRING_TEAM, IdParams, JobView, RECRUITERS, toJobView } from './schemas.js';

const JobFields = {
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(50_000),
  skills: z.array(z.string().trim().min(1).max(100)).max(100),
  frameworkId: z.string().min(1).max(100).nullable(),
  questionSetId: z.string().min(1).max(100).nullable(),
};

const NewJobBody = z.object({
  title: JobFields.title,
  description: JobFields.description,
  skills: JobFields.skills.optional(),
  frameworkId: JobFields.frameworkId.optional(),
  questionSetId: JobFields.questionSetId.optional(),
});

const JobPatchBody = z.object(JobFields).partial();

const JobWithCounts = JobView.extend({
  applicationCount: z.number(),
  /** Applications whose newest scorecard has an overall score. */
  scoredCount: z.number(),
});

interface JobCounts {
  applicationCount: number;
  scoredCount: number;
}

/** Applications and scored applications per job of a workspace, in two queries. */
async function jobCounts(store: Store, workspaceId: string): Promise<Map<string, JobCounts>> {
  const applications = await store.db
    .selectFrom('application as a')
    .innerJoin('job as j', 'j.id', 'a.job_id')
    .select(['a.job_id', (eb) => eb.fn.count('a.id').as('n')])
    .where('j.workspace_id', '=', workspaceId)
    .groupBy('a.job_id')
    .execute();
  const scorecards = await store.db
    .selectFrom('scorecard as s')
    .innerJoin('interview as i', 'i.id', 's.interview_id')
    .innerJoin('application as a', 'a.id', 'i.application_id')
    .innerJoin('job as j', 'j.id', 'a.job_id')
    .select(['s.id', 's.created_at as createdAt', 's.overall_score', 'a.id as application_id', 'a.job_id'])
    .where('j.workspace_id', '=', workspaceId)
    .execute();
  const counts = new Map<string, JobCounts>();
  for (const row of applications) counts.set(row.job_id, { applicationCount: Number(row.n), scoredCount: 0 });
  for (const card of newestBy(scorecards, (s) => s.application_id).values()) {
    const entry = counts.get(card.job_id);
    if (entry !== undefined && card.overall_score !== null) entry.scoredCount += 1;
  }
  return counts;
}

/**
 * `GET /jobs`, `GET /jobs/:id` (admin, recruiter, hiring manager); `POST /jobs`, `PATCH /jobs/:id`
 * (admin, recruiter).
 * @example await app.register(jobRoutes({ store, config }))
 */
export function jobRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/jobs',
      {
        onRequest: requireRole(...HIRING_TEAM),
        schema: {
          tags: ['jobs'],
          summary: "The workspace's jobs with how many applications each has and how many are scored",
          response: { 200: z.object({ jobs: z.array(JobWithCounts) }), ...errorResponses(401, 403) },
        },
      },
      async (request) => {
        const { workspaceId } = me(request);
        const [jobs, counts] = await Promise.all([
          store.jobs.listByWorkspace(workspaceId),
          jobCounts(store, workspaceId),
        ]);
        return {
          jobs: jobs.map((job) => ({
            ...toJobView(job),
            ...(counts.get(job.id) ?? { applicationCount: 0, scoredCount: 0 }),
          })),
        };
      },
    );

    app.post(
      '/jobs',
      {
        onRequest: requireRole(...RECRUITERS),
        schema: {
          tags: ['jobs'],
          summary: 'Open a job (its framework and question set must be ones the workspace can use)',
          body: NewJobBody,
          response: { 201: JobView, ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => {
        const { workspaceId } = me(request);
        await prepareJobReferences(store, workspaceId, request.body);
        const job = await store.jobs.create({ ...request.body, workspaceId });
        return reply.code(201).send(toJobView(job));
      },
    );

    app.get(
      '/jobs/:id',
      {
        onRequest: requireRole(...HIRING_TEAM),
        schema: {
          tags: ['jobs'],
          summary: 'One job',
          params: IdParams,
          response: { 200: JobView, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => toJobView(await scoped(request, 'job', request.params.id, (i) => store.jobs.get(i))),
    );

    app.patch(
      '/jobs/:id',
      {
        onRequest: requireRole(...RECRUITERS),
        schema: {
          tags: ['jobs'],
          summary: 'Change some of a job’s fields',
          params: IdParams,
          body: JobPatchBody,
          response: { 200: JobView, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const job = await scoped(request, 'job', request.params.id, (i) => store.jobs.get(i));
        await prepareJobReferences(store, job.workspaceId, request.body);
        return toJobView(await store.jobs.update(job.id, request.body));
      },
    );
    return Promise.resolve();
  };
}
