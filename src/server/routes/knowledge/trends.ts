import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CandorError } from '../../../core/index.js';
import { INTERVIEW_KIND_LIST, type InterviewKind, type KnowledgeTagKind } from '../../../domain/index.js';
import { buildTrends, exportFileName, exportLines, exportRequest } from '../../../knowledge/trends/index.js';
import { tagDateRange, type CompareGroup, type TagFilters } from '../../../store/index.js';
import { requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { me } from '../../scope.js';
import { errorResponses } from '../hiring/schemas.js';

const Filters = {
  kind: z.string().max(200).optional().describe('interview kinds, comma-separated: customer,exit'),
  from: z.string().max(40).optional().describe('held on or after: YYYY-MM-DD or an ISO-8601 time'),
  to: z.string().max(40).optional().describe('held on or before: YYYY-MM-DD (the whole day) or an ISO time'),
  label: z.string().max(1000).optional().describe('labels, comma-separated, any letter case'),
  tagKind: z
    .string()
    .max(200)
    .optional()
    .describe('tag kinds, comma-separated; trends and comparisons: topic, competitor, product'),
};

const TrendsQuery = z.object({
  ...Filters,
  maxLabels: z.coerce.number().int().min(1).max(100).default(20).describe('labels in `series`'),
});

const CompareQuery = z.object({
  ...Filters,
  groups: z
    .string()
    .max(1000)
    .optional()
    .describe(
      'groups, comma-separated, each kind:<kind> or outcome:<outcome> (kind:live,outcome:churned); every kind with tags when left out',
    ),
});

const ExportQuery = z.object({
  ...Filters,
  format: z.enum(['csv', 'ndjson']).default('csv'),
  what: z.enum(['tags', 'search']).default('tags'),
  q: z.string().max(1000).optional().describe('the search query, with what=search'),
});

const Sentiment = {
  positive: z.number().int().describe('mentions whose quote scored ≥ 0.05 (VADER compound)'),
  neutral: z.number().int(),
  negative: z.number().int().describe('mentions whose quote scored ≤ −0.05'),
  meanSentiment: z.number().nullable().describe('mean VADER compound of the scored mentions, −1..1'),
};

const WeekPoint = z
  .object({ week: z.string(), mentions: z.number().int(), interviews: z.number().int(), ...Sentiment })
  .meta({ id: 'KnowledgeWeekPoint' });

const LabelSeries = z
  .object({
    tagKind: z.enum(['topic', 'competitor', 'product']),
    labelKey: z.string(),
    label: z.string(),
    mentions: z.number().int(),
    ...Sentiment,
    points: z.array(WeekPoint),
  })
  .meta({ id: 'KnowledgeLabelSeries' });

const SpikeAlert = z
  .object({
    tagKind: z.enum(['topic', 'competitor', 'product']),
    labelKey: z.string(),
    label: z.string(),
    week: z.string(),
    mentions: z.number().int(),
    baselineMean: z.number(),
    baselineWeeks: z.number().int(),
    pValue: z.number(),
  })
  .meta({ id: 'KnowledgeSpikeAlert' });

const Group = z
  .object({ field: z.enum(['kind', 'outcome']), value: z.string() })
  .meta({ id: 'KnowledgeCompareGroup' });

const GroupComparison = z
  .object({
    group: Group,
    taggedInterviews: z.number().int(),
    labels: z.array(
      z.object({
        tagKind: z.enum(['topic', 'competitor', 'product']),
        labelKey: z.string(),
        label: z.string(),
        interviews: z.number().int(),
        share: z.number().describe('interviews mentioning it over the group’s tagged interviews'),
        mentions: z.number().int(),
        meanSentiment: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'KnowledgeGroupComparison' });

const list = (value: string | undefined): string[] | undefined =>
  value
    ?.split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

function tagFilters(query: {
  kind?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  label?: string | undefined;
  tagKind?: string | undefined;
}): TagFilters {
  const kinds = list(query.kind) as InterviewKind[] | undefined;
  const labels = list(query.label);
  const tagKinds = list(query.tagKind) as KnowledgeTagKind[] | undefined;
  return {
    ...(kinds === undefined ? {} : { kinds }),
    ...(labels === undefined ? {} : { labels }),
    ...(tagKinds === undefined ? {} : { tagKinds }),
    ...(query.from === undefined ? {} : { from: query.from }),
    ...(query.to === undefined ? {} : { to: query.to }),
  };
}

/** `kind:live,outcome:churned` read, or a 400 naming the group it cannot read. */
function compareGroups(value: string): CompareGroup[] {
  return (list(value) ?? []).map((text) => {
    const [field, ...rest] = text.split(':');
    const v = rest.join(':').trim();
    if (field === 'kind' && (INTERVIEW_KIND_LIST as readonly string[]).includes(v)) {
      return { field, value: v as InterviewKind };
    }
    if (field === 'outcome' && v !== '') return { field, value: v.toLowerCase() };
    throw new CandorError(
      'VALIDATION_FAILED',
      `groups: "${text}" is not kind:<${INTERVIEW_KIND_LIST.join('|')}> or outcome:<value>`,
      { field: 'groups', value: text },
    );
  });
}

/**
 * `GET /knowledge/trends`, `GET /knowledge/compare`, `GET /knowledge/export` (admin, recruiter):
 * weekly mentions per topic, competitor and product with spike alerts; topics side by side per
 * interview kind or outcome; tagged segments or search results as CSV or NDJSON, streamed.
 * @example await api.register(knowledgeTrendsRoutes({ store, config }))
 */
export function knowledgeTrendsRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/knowledge/trends',
      {
        onRequest: requireRole('admin', 'recruiter'),
        schema: {
          tags: ['knowledge'],
          summary:
            'Mentions per ISO week (Monday, UTC) of each topic, competitor and product, with VADER sentiment, and spike alerts: a label whose last complete week is improbable under a Poisson with its previous 8 weeks’ mean (p < 0.01, at least 5 mentions; docs/knowledge-trends.md)',
          querystring: TrendsQuery,
          response: {
            200: z.object({
              weeks: z.array(z.string()),
              testedWeek: z.string().describe('the last complete week, the one alerts test'),
              series: z.array(LabelSeries),
              alerts: z.array(SpikeAlert),
              rule: z.object({
                baselineWeeks: z.number().int(),
                minBaselineWeeks: z.number().int(),
                pValue: z.number(),
                minMentions: z.number().int(),
                falseDiscoveryRate: z
                  .number()
                  .describe(
                    "the week's alerts across labels keep this false discovery rate (Benjamini–Hochberg)",
                  ),
              }),
            }),
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async (request) => {
        const { workspaceId } = me(request);
        const filters = tagFilters(request.query);
        const range = tagDateRange(filters);
        const trends = buildTrends(await store.knowledgeTrends.weekly(workspaceId, filters), {
          now: new Date(),
          maxLabels: request.query.maxLabels,
          ...range,
        });
        return {
          ...trends,
          weeks: [...trends.weeks],
          series: trends.series.map((s) => ({ ...s, points: [...s.points] })),
          alerts: [...trends.alerts],
        };
      },
    );

    app.get(
      '/knowledge/compare',
      {
        onRequest: requireRole('admin', 'recruiter'),
        schema: {
          tags: ['knowledge'],
          summary:
            'Topics side by side per interview kind or outcome: the share of each group’s tagged interviews mentioning a topic, its mentions and mean sentiment',
          querystring: CompareQuery,
          response: {
            200: z.object({ groups: z.array(GroupComparison), available: z.array(Group) }),
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async (request) => {
        const { workspaceId } = me(request);
        const available = await store.knowledgeTrends.groups(workspaceId);
        const asked = request.query.groups === undefined ? undefined : compareGroups(request.query.groups);
        const groups = asked ?? available.filter((g) => g.field === 'kind');
        const result = await store.knowledgeTrends.compare(workspaceId, groups, tagFilters(request.query));
        return { groups: result.map((g) => ({ ...g, labels: [...g.labels] })), available };
      },
    );

    app.get(
      '/knowledge/export',
      {
        onRequest: requireRole('admin', 'recruiter'),
        schema: {
          tags: ['knowledge'],
          summary:
            'Tagged segments with their interviews (what=tags), or search results one row per segment shown (what=search, q=…), as CSV (RFC 4180, header row) or NDJSON, streamed',
          querystring: ExportQuery,
          produces: ['text/csv', 'application/x-ndjson'],
          response: {
            200: z.any().describe('text/csv or application/x-ndjson, a file to save'),
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async (request, reply) => {
        const { workspaceId } = me(request);
        const { format, what, q, ...filters } = request.query;
        const exported = exportRequest({ format, what, query: q, ...filters });
        const lines = exportLines(store, workspaceId, exported);
        // The first page is read before answering, so a bad filter is a 400 and not a broken file.
        const first = await lines.next();
        async function* rest(): AsyncGenerator<string> {
          if (first.done !== true) yield first.value.text;
          for await (const chunk of lines) yield chunk.text;
        }
        return reply
          .header(
            'content-type',
            format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
          )
          .header('content-disposition', `attachment; filename="${exportFileName(exported, new Date())}"`)
          .header('cache-control', 'no-store')
          .send(Readable.from(rest()));
      },
    );
    return Promise.resolve();
  };
}
