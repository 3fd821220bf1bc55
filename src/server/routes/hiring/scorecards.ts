import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CandorError } from '../../../core/index.js';
import type { InterviewRecord, Store } from '../../../store/index.js';
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
  responses: z.array(
    z.object({
      id: z.string(),
      position: z.number(),
      questionId: z.string().nullable(),
      questionText: z.string().nullable(),
    }),
  ),
  transcript: z.array(
    z.object({
      id: z.string(),
      responseId: z.string().nullable(),
      responsePosition: z.number().nullable(),
      position: z.number(),
      speaker: z.string().nullable(),
      start: z.number().nullable(),
      end: z.number().nullable(),
      text: z.string(),
    }),
  ),
});

/**
 * Who may read a scorecard: the hiring team for hiring interviews; for practice, the student
 * who practised, and the workspace's advisors and admins. Another student's practice answers
 * like an unknown id; a role that never reads this kind gets 403.
 */
function checkAccess(request: FastifyRequest, interview: InterviewRecord, scorecardId: string): void {
  const user = me(request);
  if (interview.kind === 'practice') {
    if (user.role === 'candidate') {
      if (interview.userId !== user.id) throw hidden('scorecard', scorecardId);
      return;
    }
    if (COACHES.includes(user.role)) return;
    throw new CandorError('FORBIDDEN', `role ${user.role} may not read practice scorecards`, {
      role: user.role,
    });
  }
  if (!HIRING_TEAM.includes(user.role)) {
    throw new CandorError('FORBIDDEN', `role ${user.role} may not read hiring scorecards`, {
      role: user.role,
    });
  }
}

async function hiringContext(store: Store, interview: InterviewRecord) {
  if (interview.applicationId === null) return { candidate: null, application: null };
  const application = await store.applications.get(interview.applicationId);
  const candidate = await store.candidates.get(application.candidateId);
  return {
    candidate: { id: candidate.id, name: candidate.name },
    application: { id: application.id, stage: application.stage, jobId: application.jobId },
  };
}

/** The answers and the transcript of an interview by index (signal values are not read). */
async function transcriptOf(store: Store, interviewId: string) {
  const [responses, segments] = await Promise.all([
    store.db
      .selectFrom('response')
      .select(['id', 'position', 'question_id', 'question_text'])
      .where('interview_id', '=', interviewId)
      .orderBy('position')
      .execute(),
    store.db
      .selectFrom('transcript_segment')
      .select(['id', 'response_id', 'position', 'speaker', 'start_s', 'end_s', 'text'])
      .where('interview_id', '=', interviewId)
      .orderBy('position')
      .execute(),
  ]);
  const positions = new Map(responses.map((r) => [r.id, r.position]));
  return {
    responses: responses.map((r) => ({
      id: r.id,
      position: r.position,
      questionId: r.question_id,
      questionText: r.question_text,
    })),
    transcript: segments.map((s) => ({
      id: s.id,
      responseId: s.response_id,
      responsePosition: s.response_id === null ? null : (positions.get(s.response_id) ?? null),
      position: s.position,
      speaker: s.speaker,
      start: s.start_s,
      end: s.end_s,
      text: s.text,
    })),
  };
}

/**
 * What never changes once a scorecard is written, kept as JSON text by scorecard id: the body
 * (about 50 kB) and the answers and transcript it was computed from. Re-analysing an interview
 * writes a new scorecard with a new id, so an entry never goes stale; the newest reads are kept.
 */
interface FrozenScorecard {
  readonly interviewId: string;
  /** `{"id":…,"interviewId":…,"createdAt":…,"overallScore":…,"body":{…}}` */
  readonly scorecard: string;
  /** `"responses":[…],"transcript":[…]` */
  readonly answers: string;
}

const FROZEN_CACHE_SIZE = 1_000;
const frozen = new Map<string, FrozenScorecard>();

async function frozenScorecard(store: Store, id: string): Promise<FrozenScorecard> {
  const cached = frozen.get(id);
  if (cached !== undefined) {
    frozen.delete(id);
    frozen.set(id, cached);
    return cached;
  }
  // The stored body is the engine's JSON text (`JSON.stringify` of the scorecard), sent as is.
  const row = await store.db
    .selectFrom('scorecard')
    .select(['id', 'interview_id', 'created_at', 'overall_score', 'body'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) throw hidden('scorecard', id);
  const head = {
    id: row.id,
    interviewId: row.interview_id,
    createdAt: row.created_at,
    overallScore: row.overall_score,
  };
  const entry: FrozenScorecard = {
    interviewId: row.interview_id,
    scorecard: `${JSON.stringify(head).slice(0, -1)},"body":${row.body}}`,
    answers: JSON.stringify(await transcriptOf(store, row.interview_id)).slice(1, -1),
  };
  frozen.set(id, entry);
  if (frozen.size > FROZEN_CACHE_SIZE) frozen.delete(frozen.keys().next().value as string);
  return entry;
}

/**
 * `GET /scorecards/:id`: the scorecard with what the page shows beside it (interview, candidate,
 * recordings, answers, transcript). Reads by primary key and indexed interview id only.
 * @example await app.register(scorecardRoutes({ store, config }))
 */
export function scorecardRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/scorecards/:id',
      {
        preHandler: requireAuth,
        schema: {
          tags: ['scorecards'],
          summary: 'A scorecard with its evidence, recordings and transcript',
          params: IdParams,
          response: { 200: ScorecardPage, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        const notFound = (error: unknown) => {
          throw error instanceof CandorError && error.code === 'NOT_FOUND' ? hidden('scorecard', id) : error;
        };
        const card = await frozenScorecard(store, id).catch(notFound);
        // Read every time: a deleted interview takes its scorecards with it.
        const interview = await store.interviews.get(card.interviewId).catch(notFound);
        if (interview.workspaceId !== me(request).workspaceId) throw hidden('scorecard', id);
        checkAccess(request, interview, id);
        const [context, media] = await Promise.all([
          hiringContext(store, interview),
          store.media.listByInterview(interview.id),
        ]);
        const live = {
          interview: {
            id: interview.id,
            kind: interview.kind,
            title: interview.title,
            applicationId: interview.applicationId,
            userId: interview.userId,
            createdAt: interview.createdAt,
          },
          ...context,
          media: mediaListJson(interview, media),
        };
        // The frozen parts are sent as stored JSON instead of being re-validated and
        // re-serialised on every read (bench/api.mjs: 3.2 → about 1 ms a request in process).
        const json = `{"scorecard":${card.scorecard},${JSON.stringify(live).slice(1, -1)},${card.answers}}`;
        return reply.type('application/json; charset=utf-8').send(json as never);
      },
    );
    return Promise.resolve();
  };
}
