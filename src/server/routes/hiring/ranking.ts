import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fastJsonCompiler } from '../../../domain/json-serializer.js';
import type { RouteDeps } from '../../deps.js';
import { readableBy } from '../record-access.js';
import { hidden, scoped } from '../../scope.js';
import { loadRankingPage, loadRankRows, type RankRow } from './ranking-rows.js';
import { errorResponses, HIRING_TEAM, Id, IdParams, JobView, toJobView } from './schemas.js';

const STATUSES = ['scored', 'insufficient evidence', 'analysing', 'failed', 'not interviewed'] as const;

const CompetencyScoreView = z.object({ id: z.string(), name: z.string(), score: z.number().nullable() });

const RankRowView = z
  .object({
    rank: z.number().nullable(),
    applicationId: z.string(),
    candidateId: z.string(),
    candidateName: z.string(),
    stage: z.string(),
    interviewId: z.string().nullable(),
    scorecardId: z.string().nullable(),
    overallScore: z.number().nullable(),
    confidence: z.number().nullable(),
    status: z.enum(STATUSES),
    strengths: z.array(z.string()),
    gaps: z.array(z.string()),
    competencies: z.array(CompetencyScoreView),
  })
  .meta({ id: 'RankRow' });

/** Rows per ranking page: a job with 10,000 candidates must not send them all at once. */
const RankingQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(200)
    .describe('rows to return (1–1000, default 200)'),
  offset: z.coerce.number().int().min(0).default(0).describe('rows to skip, for the next page'),
});

const CompareQuery = z.object({
  applications: z
    .string()
    .describe('2 to 4 application ids of this job, comma-separated')
    .transform((text) => text.split(',').map((id) => id.trim()))
    .pipe(
      z
        .array(Id)
        .min(2)
        .max(4)
        .refine((ids) => new Set(ids).size === ids.length, 'name each application once'),
    ),
});

const CompareCandidate = z.object({
  applicationId: z.string(),
  candidateId: z.string(),
  candidateName: z.string(),
  stage: z.string(),
  status: z.enum(STATUSES),
  scorecardId: z.string().nullable(),
  overallScore: z.number().nullable(),
  confidence: z.number().nullable(),
  /** Competency id → score 0–100, null without enough evidence. */
  scores: z.record(z.string(), z.number().nullable()),
  strengths: z.array(z.string()),
  gaps: z.array(z.string()),
});

/** A row as the response type (no copy: the serializer only reads it). */
function toRankRowViews(rows: readonly RankRow[]): z.infer<typeof RankRowView>[] {
  return rows as z.infer<typeof RankRowView>[];
}

/**
 * `GET /jobs/:id/ranking` and `GET /jobs/:id/compare?applications=a,b` (admin, recruiter, hiring manager).
 * @example await app.register(rankingRoutes({ store, config }))
 */
export function rankingRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/jobs/:id/ranking',
      {
        onRequest: readableBy('job', ...HIRING_TEAM),
        // Up to 1,000 rows: written by fast-json-stringify from the schema, compiled at start-up.
        serializerCompiler: fastJsonCompiler,
        schema: {
          tags: ['jobs'],
          summary: 'Candidates of a job by overall score, best first; unscored last with the reason',
          params: IdParams,
          querystring: RankingQuery,
          response: {
            200: z.object({
              job: JobView,
              ranking: z.array(RankRowView),
              /** Applications to the job in all; `ranking` holds `limit` of them from `offset`. */
              total: z.number().int(),
              limit: z.number().int(),
              offset: z.number().int(),
            }),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (request) => {
        const job = await scoped(request, 'job', request.params.id, (i) => store.jobs.get(i));
        const { limit, offset } = request.query;
        const { rows, total } = await loadRankingPage(store, job, { limit, offset });
        return {
          job: toJobView(job),
          ranking: toRankRowViews(rows),
          total,
          limit,
          offset,
        };
      },
    );

    app.get(
      '/jobs/:id/compare',
      {
        onRequest: readableBy('job', ...HIRING_TEAM),
        schema: {
          tags: ['jobs'],
          summary: 'Two to four candidates of a job side by side, competency by competency',
          params: IdParams,
          querystring: CompareQuery,
          response: {
            200: z.object({
              job: JobView,
              competencies: z.array(z.object({ id: z.string(), name: z.string() })),
              candidates: z.array(CompareCandidate),
            }),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (request) => {
        const job = await scoped(request, 'job', request.params.id, (i) => store.jobs.get(i));
        const ids = request.query.applications;
        const rows = await loadRankRows(store, job, ids);
        const byId = new Map(rows.map((r) => [r.applicationId, r]));
        const missing = ids.find((id) => !byId.has(id));
        if (missing !== undefined) throw hidden('application', missing);
        const picked = ids.map((id) => byId.get(id)).filter((r): r is RankRow => r !== undefined);
        const competencies = new Map<string, string>();
        for (const row of picked) for (const c of row.competencies) competencies.set(c.id, c.name);
        return {
          job: toJobView(job),
          competencies: [...competencies].map(([id, name]) => ({ id, name })),
          candidates: picked.map((row) => {
            const scores = new Map(row.competencies.map((c) => [c.id, c.score]));
            return {
              applicationId: row.applicationId,
              candidateId: row.candidateId,
              candidateName: row.candidateName,
              stage: row.stage,
              status: row.status,
              scorecardId: row.scorecardId,
              overallScore: row.overallScore,
              confidence: row.confidence,
              scores: Object.fromEntries([...competencies.keys()].map((id) => [id, scores.get(id) ?? null])),
              strengths: [...row.strengths],
              gaps: [...row.gaps],
            };
          }),
        };
      },
    );
    return Promise.resolve();
  };
}
