import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CandorError } from '../../../core/index.js';
import { currentMedia, readTranscriptText } from '../../../pipeline/index.js';
import { requireAuth, requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { ErrorBody } from '../../errors.js';
import { ANALYZE_INTERVIEW, analysisTask, INTERVIEW_KEY } from '../../worker/index.js';
import { loadInterview, loadTask } from './access.js';
import { taskJson } from './present.js';
import { IdParams, Task } from './schemas.js';

/**
 * `POST /interviews/:id/analyze` (admin, recruiter; a student on their own practice) queues an
 * analysis, or answers the one already queued or running; `GET /tasks/:id` reads a task.
 * @example await api.register(taskRoutes(deps))
 */
export function taskRoutes({ store, config }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.post(
      '/interviews/:id/analyze',
      {
        onRequest: requireRole('admin', 'recruiter', 'candidate'),
        schema: {
          tags: ['interviews'],
          summary: 'Queue the analysis of an interview (202 with the task to follow)',
          params: IdParams,
          response: { 202: Task, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
        },
      },
      async (request, reply) => {
        const interview = await loadInterview(request, store, request.params.id, 'write');
        const tasks = await store.queue.listBySubject(interview.workspaceId, INTERVIEW_KEY, interview.id);
        const active = tasks.find(
          (t) => t.kind === ANALYZE_INTERVIEW && (t.status === 'queued' || t.status === 'running'),
        );
        if (active !== undefined) return reply.code(202).send(taskJson(active));
        const media = currentMedia(await store.media.listByInterview(interview.id));
        if (media.length === 0 && (await readTranscriptText(config.mediaDir, interview)) === null) {
          throw new CandorError(
            'CONFLICT',
            `interview ${interview.id} has nothing to analyse yet: upload a recording or a transcript first`,
            {
              entity: 'interview',
              id: interview.id,
            },
          );
        }
        const task = await store.queue.enqueue(analysisTask(interview));
        return reply.code(202).send(taskJson(task));
      },
    );

    app.get(
      '/tasks/:id',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['interviews'],
          summary: 'A background task: status, progress, result',
          params: IdParams,
          response: { 200: Task, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
        },
      },
      async (request) => taskJson(await loadTask(request, store, request.params.id)),
    );
    return Promise.resolve();
  };
}
