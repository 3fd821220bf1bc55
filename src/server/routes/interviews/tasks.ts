import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CandorError } from '../../../core/index.js';
import { currentMedia, readTranscriptText } from '../../../pipeline/index.js';
import { whySpeakersDoNotApply } from '../../../pipeline/speakers.js';
import { requireAuth, requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { ErrorBody } from '../../errors.js';
import { ANALYZE_INTERVIEW, analysisTask, INTERVIEW_KEY } from '../../worker/index.js';
import { loadInterview, loadTask } from './access.js';
import { taskJson } from './present.js';
import { AnalyzeBody, IdParams, Task } from './schemas.js';

/**
 * `POST /interviews/:id/analyze` (admin, recruiter; a student on their own practice) queues an
 * analysis, or answers the one already queued or running; `GET /tasks/:id` reads a task. The
 * optional body's `speakers` sets how many voices to tell apart on an interview recorded as one
 * track (see `speakersToTell`).
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
          description:
            'The JSON body is optional. `speakers` overrides how many speakers are told apart on an interview ' +
            'recorded as one track (a single recording, no transcript); by default such a recording that answers ' +
            'no named question is split with `auto`. When a task for the interview is already queued or running, ' +
            'that task is answered and the body is not used.',
          params: IdParams,
          body: AnalyzeBody.nullish(),
          response: {
            202: Task,
            400: ErrorBody,
            401: ErrorBody,
            403: ErrorBody,
            404: ErrorBody,
            409: ErrorBody,
          },
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
        const hasTranscript = (await readTranscriptText(config.mediaDir, interview)) !== null;
        if (media.length === 0 && !hasTranscript) {
          throw new CandorError(
            'CONFLICT',
            `interview ${interview.id} has nothing to analyse yet: upload a recording or a transcript first`,
            {
              entity: 'interview',
              id: interview.id,
            },
          );
        }
        const speakers = request.body?.speakers;
        const notApplicable = speakers === undefined ? null : whySpeakersDoNotApply(media, hasTranscript);
        if (notApplicable !== null) {
          throw new CandorError(
            'VALIDATION_FAILED',
            `body.speakers: only an interview recorded as one track (a single recording, no transcript) is split into speakers; ${notApplicable}`,
            { in: 'body', field: 'speakers', entity: 'interview', id: interview.id },
          );
        }
        const task = await store.queue.enqueue(
          analysisTask(interview, speakers === undefined ? {} : { speakers }),
        );
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
