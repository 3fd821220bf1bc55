/**
 * The auditor's routes (issue 12): candidates' self-identified demographics, read and written by
 * the `auditor` role only, and the adverse-impact audit (auditors and admins). No other route
 * reads `candidate_demographics`; the isolation test proves no other route answers with a
 * demographic field.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { buildAuditReport } from '../../../audit/index.js';
import type { DemographicsRecord } from '../../../store/index.js';
import { requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { me, scoped } from '../../scope.js';
import { errorResponses, IdParams } from '../hiring/schemas.js';
import { AuditQuery, AuditReportView, DemographicsBody, DemographicsView } from './schemas.js';

/** Who reads and writes demographics: the auditor alone (a recruiter or admin gets 403, whatever the id). */
export const DEMOGRAPHICS_READERS = ['auditor'] as const;
/** Who runs the audit. */
export const AUDIT_READERS = ['auditor', 'admin'] as const;

function view(candidateId: string, record: DemographicsRecord | null) {
  return {
    candidateId,
    demographics:
      record === null
        ? null
        : {
            sex: record.sex,
            raceEthnicity: record.raceEthnicity,
            ageBand: record.ageBand,
            source: record.source,
            updatedAt: record.updatedAt,
          },
  };
}

/**
 * `GET`/`PUT /candidates/:id/demographics` (auditor), `GET /audit` (auditor, admin).
 * @example await api.register(auditRoutes({ store, config }))
 */
export function auditRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/candidates/:id/demographics',
      {
        onRequest: requireRole(...DEMOGRAPHICS_READERS),
        schema: {
          tags: ['audit'],
          summary: "A candidate's self-identified demographics (auditor only)",
          params: IdParams,
          response: { 200: DemographicsView, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const candidate = await scoped(request, 'candidate', request.params.id, (i) =>
          store.candidates.get(i),
        );
        return view(candidate.id, await store.demographics.get(candidate.workspaceId, candidate.id));
      },
    );

    app.put(
      '/candidates/:id/demographics',
      {
        onRequest: requireRole(...DEMOGRAPHICS_READERS),
        schema: {
          tags: ['audit'],
          summary:
            "Record a candidate's self-identified demographics; each field may be `declined` (auditor only)",
          params: IdParams,
          body: DemographicsBody,
          response: { 200: DemographicsView, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const candidate = await scoped(request, 'candidate', request.params.id, (i) =>
          store.candidates.get(i),
        );
        await store.demographics.saveMany(
          candidate.workspaceId,
          [{ candidateId: candidate.id, ...request.body }],
          me(request).id,
        );
        return view(candidate.id, await store.demographics.get(candidate.workspaceId, candidate.id));
      },
    );

    app.get(
      '/audit',
      {
        onRequest: requireRole(...AUDIT_READERS),
        schema: {
          tags: ['audit'],
          summary:
            'The adverse-impact audit: selection and scoring rates, impact ratios, four-fifths, significance',
          description:
            'Per sex, race/ethnicity, their intersection and age 40 or over vs under 40 (docs/fairness.md). `from` and `to` are dates (YYYY-MM-DD) of application, inclusive. A bad date answers 400, an unknown job 404; an empty period answers 200 with notes saying what could not be computed. `gaps`: for each flagged group, the features whose mean contribution to the score differs most from the reference group.',
          querystring: AuditQuery,
          response: { 200: AuditReportView, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        buildAuditReport(store, {
          workspaceId: me(request).workspaceId,
          jobId: request.query.jobId,
          from: request.query.from,
          to: request.query.to,
          explainGaps: true,
        }),
    );
    return Promise.resolve();
  };
}
