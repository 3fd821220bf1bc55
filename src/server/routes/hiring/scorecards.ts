import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CandorError } from '../../../core/index.js';
import type { InterviewRecord } from '../../../store/index.js';
import { requireAuth } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { hidden, me } from '../../scope.js';
import { ScorecardBody } from './scorecard-schema.js';
import { mediaListJson } from '../interviews/present.js';
import { Media } from '../interviews/schemas.js';
import { COACHES, errorResponses, HIRING_TEAM, IdParams } from './schemas.js';

const ScorecardPage = z.object({
  scorecard: z.object({
    id: z.string(),
    interviewId: z.string(),
    createdAt: z.string(),
    overallScore: z.number().nullable(),
    body: ScorecardBody,
  }),
  interview: z.object({
    id: z.string(),
    kind: z.string(),
    title: z.string().nullable(),
    applicationId: z.string().nullable(),
    userId: z.string().nullable(),
    createdAt: z.string(),
  }),
  candidate: z.object({ id: z.string(), name: z.string() }).nullable(),
  application: z.object({ id: z.string(), stage: z.string(), jobId: z.string() }).nullable(),
  media: z.array(Media),
});

/**
 * Who may read a scorecard: the hiring team for hiring interviews; for practice, the student
 * who practised, and the workspace's advisors and admins. Anyone else gets the 404 of an unknown
 * id, never a hint that the scorecard exists (the rule of `../record-access.ts`).
 */
function checkAccess(request: FastifyRequest, interview: InterviewRecord, scorecardId: string): void {
  const user = me(request);
  const readers = interview.kind === 'practice' ? COACHES : HIRING_TEAM;
  const own = interview.kind === 'practice' && interview.userId === user.id;
  if (!own && !readers.includes(user.role)) throw hidden('scorecard', scorecardId);
}

/**
 * `GET /scorecards/:id`: the scorecard with what the page shows beside it (interview, candidate,
 * application, recordings); the transcript the quotes point into is `GET /interviews/:id/transcript`.
 * Two indexed reads: the scorecard joined to its interview, application and candidate; the media.
 * @example await app.register(scorecardRoutes({ store, config }))
 */
export function scorecardRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/scorecards/:id',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['scorecards'],
          summary: 'A scorecard with its evidence, interview, candidate and recordings',
          params: IdParams,
          response: { 200: ScorecardPage, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        const card = await store.scorecards.getInContext(id).catch((error: unknown) => {
          throw error instanceof CandorError && error.code === 'NOT_FOUND' ? hidden('scorecard', id) : error;
        });
        const { interview } = card;
        if (interview.workspaceId !== me(request).workspaceId) throw hidden('scorecard', id);
        checkAccess(request, interview, id);
        const media = await store.media.listByInterview(interview.id);
        const head = {
          id: card.id,
          interviewId: card.interviewId,
          createdAt: card.createdAt,
          overallScore: card.overallScore,
        };
        const rest = {
          interview: {
            id: interview.id,
            kind: interview.kind,
            title: interview.title,
            applicationId: interview.applicationId,
            userId: interview.userId,
            createdAt: interview.createdAt,
          },
          candidate: card.candidate,
          application: card.application,
          media: mediaListJson(interview, media),
        };
        // The body (about 20 kB) is sent as its stored bytes rather than decoded, parsed, validated
        // and serialised again on every read: it is the engine's JSON and never changes once written.
        const json = Buffer.concat([
          Buffer.from(`{"scorecard":${JSON.stringify(head).slice(0, -1)},"body":`),
          card.body,
          Buffer.from(`},${JSON.stringify(rest).slice(1)}`),
        ]);
        return reply.type('application/json; charset=utf-8').send(json as never);
      },
    );
    return Promise.resolve();
  };
}
