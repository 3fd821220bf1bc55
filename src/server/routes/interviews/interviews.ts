import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../deps.js';
import { requireAuth, requireRole } from '../../auth.js';
import { me } from '../../scope.js';
import { ErrorBody } from '../../errors.js';
import { scopedApplication } from '../hiring/application-scope.js';
import { loadInterview } from './access.js';
import { interviewJson, mediaListJson, taskJson } from './present.js';
import { IdParams, Interview, InterviewDetail, NewInterviewBody } from './schemas.js';
import { INTERVIEW_KEY } from '../../worker/index.js';

/**
 * `POST /interviews` (admin, recruiter): a hiring interview for an application, or a conversation
 * outside hiring (customer, exit, research, sales) in the caller's workspace, with its metadata;
 * `GET /interviews/:id`: the interview with its recordings, latest scorecard id and tasks.
 * @example await api.register(interviewRecordRoutes(deps))
 */
export function interviewRecordRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.post(
      '/interviews',
      {
        onRequest: requireRole('admin', 'recruiter'),
        schema: {
          tags: ['interviews'],
          summary:
            'Create a hiring interview (async answers or a live call) for an application, or a conversation outside hiring (customer, exit, research, sales) with its account, segment, role, outcome and date',
          body: NewInterviewBody,
          response: { 201: Interview, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const { applicationId, kind, title, ...metadata } = request.body;
        if (kind !== 'async' && kind !== 'live') {
          const interview = await store.interviews.create({
            workspaceId: me(request).workspaceId,
            kind,
            title: title ?? null,
            ...metadata,
          });
          return reply.code(201).send(interviewJson(interview));
        }
        // NewInterviewBody requires an application for async and live interviews.
        const { application, job } = await scopedApplication(request, store, applicationId ?? '');
        const candidate = await store.candidates.get(application.candidateId);
        const interview = await store.interviews.create({
          workspaceId: job.workspaceId,
          applicationId: application.id,
          kind,
          title:
            title ??
            `${kind === 'live' ? 'Live interview' : 'Recorded answers'}: ${candidate.name} for ${job.title}`,
          ...metadata,
        });
        return reply.code(201).send(interviewJson(interview));
      },
    );

    app.get(
      '/interviews/:id',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['interviews'],
          summary: 'An interview with its recordings, latest scorecard and analysis tasks (newest first)',
          params: IdParams,
          response: { 200: InterviewDetail, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
        },
      },
      async (request) => {
        const interview = await loadInterview(request, store, request.params.id, 'read');
        const [media, scorecard, tasks] = await Promise.all([
          store.media.listByInterview(interview.id),
          store.scorecards.latestForInterview(interview.id),
          store.queue.listBySubject(interview.workspaceId, INTERVIEW_KEY, interview.id),
        ]);
        return {
          interview: interviewJson(interview),
          media: mediaListJson(interview, media),
          scorecardId: scorecard?.id ?? null,
          tasks: tasks.map(taskJson),
        };
      },
    );
    return Promise.resolve();
  };
}
