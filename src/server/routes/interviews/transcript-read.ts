import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Store } from '../../../store/index.js';
import { requireAuth } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { ErrorBody } from '../../errors.js';
import { loadInterview } from './access.js';
import { IdParams, InterviewTranscript } from './schemas.js';

/**
 * An interview's answers and transcript as the API shows them, each segment with its answer's
 * position (signal values are not read).
 * @example (await readTranscript(store, interview.id)).transcript[0]?.text  // in this file only
 */
async function readTranscript(
  store: Store,
  interviewId: string,
): Promise<z.infer<typeof InterviewTranscript>> {
  const { responses, segments } = await store.analyses.getTranscript(interviewId);
  const positions = new Map(responses.map((r) => [r.id, r.position]));
  return {
    interviewId,
    responses: responses.map((r) => ({
      id: r.id,
      position: r.position,
      questionId: r.questionId,
      questionText: r.questionText,
    })),
    transcript: segments.map((s) => ({
      id: s.id,
      responseId: s.responseId,
      responsePosition: s.responseId === null ? null : (positions.get(s.responseId) ?? null),
      position: s.position,
      speaker: s.speaker,
      start: s.start,
      end: s.end,
      text: s.text,
    })),
  };
}

/**
 * `GET /interviews/:id/transcript`: what the interview's scorecard quotes point into, for whoever
 * may read the interview. Empty lists before a transcript is uploaded or recognised.
 * @example await api.register(transcriptReadRoutes(deps))
 */
export function transcriptReadRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/interviews/:id/transcript',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['interviews'],
          summary: "An interview's answers and transcript segments with their times",
          params: IdParams,
          response: { 200: InterviewTranscript, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
        },
      },
      async (request) => {
        const interview = await loadInterview(request, store, request.params.id, 'read');
        return readTranscript(store, interview.id);
      },
    );
    return Promise.resolve();
  };
}
