import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fastJsonCompiler } from '../../../domain/json-serializer.js';
import type { RouteDeps } from '../../deps.js';
import { readableBy } from '../record-access.js';
import { hidden, scoped } from '../../scope.js';
import { DISPLAY_STAGES, RANKING_SORTS, type DisplayStage, type RankingQuery } from '../../../store/index.js';
import { rankingCsv, rankingFileName } from './ranking-csv.js';
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
    stage: z.string().describe("the application's pipeline stage as stored"),
    displayStage: z
      .enum(DISPLAY_STAGES)
      .describe(
        'the stage as the ranking shows it: a decision (advanced, on_hold, rejected), else scored once there is a scorecard, else in_progress or invited, else applied',
      ),
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

const isDisplayStage = (stage: string): stage is DisplayStage =>
  (DISPLAY_STAGES as readonly string[]).includes(stage);

/** Filters and order of a ranking, shared by the page and the CSV export. */
const RankingFilters = z.object({
  stage: z
    .string()
    .describe(`display stages to show, comma-separated: ${DISPLAY_STAGES.join(', ')} (default all)`)
    .transform((text) =>
      text
        .split(',')
        .map((stage) => stage.trim())
        .filter((stage) => stage !== ''),
    )
    .transform((stages, ctx) => {
      const unknown = stages.find((stage) => !isDisplayStage(stage));
      if (unknown !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown stage "${unknown}": use ${DISPLAY_STAGES.join(', ')}`,
        });
      }
      return stages.filter(isDisplayStage);
    })
    .optional(),
  search: z.string().max(100).optional().describe("part of the candidate's name; case and accents ignored"),
  sort: z
    .enum(RANKING_SORTS, { error: `sort by ${RANKING_SORTS.join(', ')}` })
    .default('score')
    .describe('the column to sort by (default score: the rank)'),
  order: z
    .enum(['asc', 'desc'], { error: 'order is asc or desc' })
    .optional()
    .describe('default: desc for score and confidence, asc for name and stage'),
});

/** Rows per ranking page: a job with 10,000 candidates must not send them all at once. */
const RankingPageQuery = RankingFilters.extend({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(200)
    .describe('rows to return (1–1000, default 200)'),
  offset: z.coerce.number().int().min(0).default(0).describe('rows to skip, for the next page'),
});

/** The store's query from the request's filters (absent order: the sort's natural direction). */
function rankingQuery(
  filters: z.infer<typeof RankingFilters>,
  page: { limit: number; offset: number },
): RankingQuery {
  const direction = filters.order ?? (filters.sort === 'name' || filters.sort === 'stage' ? 'asc' : 'desc');
  return { stages: filters.stage, search: filters.search, sort: filters.sort, direction, ...page };
}

/** Rows per query while the CSV export reads a whole ranking. */
const EXPORT_BATCH = 1000;

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
          summary:
            'Candidates of a job by overall score, best first, unscored last with the reason; filter by stage and name, sort by a column',
          params: IdParams,
          querystring: RankingPageQuery,
          response: {
            200: z.object({
              job: JobView,
              ranking: z.array(RankRowView),
              /** Applications that match the filters in all; `ranking` holds `limit` of them from `offset`. */
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
        const query = rankingQuery(request.query, { limit, offset });
        const { rows, total } = await loadRankingPage(store, job, query);
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
      '/jobs/:id/ranking.csv',
      {
        onRequest: readableBy('job', ...HIRING_TEAM),
        schema: {
          tags: ['jobs'],
          summary:
            'The ranking as a CSV file (all matching candidates, same filters and order as the ranking)',
          params: IdParams,
          querystring: RankingFilters,
          produces: ['text/csv'],
          response: {
            200: z
              .string()
              .describe('text/csv: rank, candidate, stage, status, scores, one row per candidate'),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        const job = await scoped(request, 'job', request.params.id, (i) => store.jobs.get(i));
        const rows: RankRow[] = [];
        for (let offset = 0; ; offset += EXPORT_BATCH) {
          const query = rankingQuery(request.query, { limit: EXPORT_BATCH, offset });
          const page = await loadRankingPage(store, job, query);
          rows.push(...page.rows);
          if (page.rows.length < EXPORT_BATCH) break;
        }
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${rankingFileName(job.title)}"`)
          .header('cache-control', 'no-store')
          .send(rankingCsv(rows));
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
