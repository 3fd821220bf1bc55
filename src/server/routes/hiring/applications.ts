import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CandorError } from '../../../core/index.js';
import { requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { me, scoped } from '../../scope.js';
import { scopedApplication } from './application-scope.js';
import { latestScorecards } from './interview-status.js';
import {
  ApplicationView,
  CandidateView,
  errorResponses,
  HIRING_TEAM,
  Id,
  IdParams,
  JobView,
  PipelineEventView,
  RECRUITERS,
  toApplicationView,
  toCandidateView,
  toEventView,
  toJobView,
} from './schemas.js';

const NewApplicationBody = z.object({ candidateId: Id, jobId: Id });

const InterviewItem = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string().nullable(),
  createdAt: z.string(),
  /** The newest scorecard; null until the interview is analysed. */
  scorecardId: z.string().nullable(),
});

const ApplicationDetail = z.object({
  application: ApplicationView,
  candidate: CandidateView,
  job: JobView,
  interviews: z.array(InterviewItem),
  /** The application's history, oldest first. */
  events: z.array(PipelineEventView),
});

/**
 * `POST /applications` (admin, recruiter) and `GET /applications/:id` (admin, recruiter, hiring
 * manager). Decisions are in decisions.ts.
 * @example await app.register(applicationRoutes({ store, config }))
 */
export function applicationRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.post(
      '/applications',
      {
        onRequest: requireRole(...RECRUITERS),
        schema: {
          tags: ['applications'],
          summary: 'Apply a candidate to a job (stage `applied`; 409 if they already applied)',
          body: NewApplicationBody,
          response: { 201: ApplicationView, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const user = me(request);
        const { candidateId, jobId } = request.body;
        const candidate = await scoped(request, 'candidate', candidateId, (i) => store.candidates.get(i));
        const job = await scoped(request, 'job', jobId, (i) => store.jobs.get(i));
        const { application, created } = await store.applications.findOrCreate({
          candidateId: candidate.id,
          jobId: job.id,
        });
        if (!created) {
          const message = `candidate ${candidate.id} has already applied to job ${job.id}`;
          throw new CandorError('CONFLICT', message, { entity: 'application', id: application.id });
        }
        await store.pipelineEvents.append({
          workspaceId: user.workspaceId,
          applicationId: application.id,
          kind: 'applied',
          actor: user.id,
          payload: { stage: application.stage },
        });
        return reply.code(201).send(toApplicationView(application));
      },
    );

    app.get(
      '/applications/:id',
      {
        onRequest: requireRole(...HIRING_TEAM),
        schema: {
          tags: ['applications'],
          summary:
            'An application with its candidate, job, interviews and history (who decided what, and why)',
          params: IdParams,
          response: { 200: ApplicationDetail, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const { application, job } = await scopedApplication(request, store, request.params.id);
        const [candidate, interviews, events] = await Promise.all([
          store.candidates.get(application.candidateId),
          store.interviews.listByApplication(application.id),
          store.pipelineEvents.listByApplication(application.id),
        ]);
        const [scorecards, actors] = await Promise.all([
          latestScorecards(
            store,
            interviews.map((i) => i.id),
          ),
          store.users.getMany(
            job.workspaceId,
            events.map((e) => e.actor),
          ),
        ]);
        const names = new Map([...actors.values()].map((u) => [u.id, u.name]));
        return {
          application: toApplicationView(application),
          candidate: toCandidateView(candidate),
          job: toJobView(job),
          interviews: interviews.map((i) => ({
            id: i.id,
            kind: i.kind,
            title: i.title,
            createdAt: i.createdAt,
            scorecardId: scorecards.get(i.id)?.id ?? null,
          })),
          events: events.map((e) => toEventView(e, names)),
        };
      },
    );
    return Promise.resolve();
  };
}
