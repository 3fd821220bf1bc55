import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { me, scoped } from '../../scope.js';
import { prepareJobReferences } from './catalogue.js';
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
          store.jobs.countsByWorkspace(workspaceId),
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
