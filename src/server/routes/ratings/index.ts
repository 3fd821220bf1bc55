import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CandorError } from '../../../core/index.js';
import { importRatings, ratingsAgreement, saveFormRatings } from '../../../ratings/index.js';
import type { InterviewRecord, UserRecord } from '../../../store/index.js';
import { requireAuth, requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { me, scoped } from '../../scope.js';
import { errorResponses, IdParams } from '../hiring/schemas.js';
import { checkInterviewAccess, loadInterview } from '../interviews/index.js';
import { ratingForm } from './rating-form.js';
import {
  AgreementQuery,
  AgreementView,
  FormRatingsBody,
  FormRatingsResult,
  ImportQuery,
  ImportResultView,
  RatingFormView,
} from './schemas.js';

/** The largest ratings file accepted: about 200,000 rows. */
export const RATINGS_CSV_LIMIT_BYTES = 16 * 1024 * 1024;
/** Who may import and read agreement: everyone who reads some interviews but students. */
const RATERS = ['admin', 'recruiter', 'hiring_manager', 'advisor'] as const;

const IMPORT_DESCRIPTION = [
  'The ratings CSV (docs/ratings.md) as a `text/csv` body (name it with `?file=`), or as the file',
  'part `file` of multipart/form-data. Every row is stored or none: a malformed row, an interview',
  'the caller may not read or that is not in the workspace, an unknown target or a scale that',
  'differs from the one stored for its target answer 422 RATINGS_INVALID naming file, line and',
  'column, and nothing changes. Importing the same file again changes nothing (`unchanged`).',
].join('\n');

function mayRead(user: UserRecord, interview: InterviewRecord): boolean {
  try {
    checkInterviewAccess(user, interview, 'read');
    return true;
  } catch {
    return false;
  }
}

/** The CSV text and its name from a text/csv body or a multipart file part. */
async function csvBody(
  request: FastifyRequest,
  name: string | undefined,
): Promise<{ text: string; file: string }> {
  if (request.isMultipart()) {
    const part = await request.file();
    if (part === undefined) {
      throw new CandorError('VALIDATION_FAILED', 'body.file: send the ratings CSV as the file part "file"', {
        in: 'body',
        field: 'file',
      });
    }
    const text = (await part.toBuffer()).toString('utf8');
    return { text, file: name ?? (part.filename.split(/[\\/]/).pop() || 'ratings.csv') };
  }
  if (typeof request.body !== 'string') {
    throw new CandorError(
      'VALIDATION_FAILED',
      'body: send the ratings CSV as text/csv or multipart/form-data',
      {
        in: 'body',
        field: '',
      },
    );
  }
  return { text: request.body, file: name ?? 'ratings.csv' };
}

/**
 * Human ratings: `POST /ratings/import`, `GET /interviews/:id/rating-form` (the blind form),
 * `POST /interviews/:id/ratings` (the signed-in user rates), `GET /ratings/agreement`.
 * @example await api.register(ratingRoutes({ store, config }))
 */
export function ratingRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, {
      limits: { fileSize: RATINGS_CSV_LIMIT_BYTES, files: 1, fields: 4, parts: 5, fieldSize: 1024 },
    });
    const asText = (_request: FastifyRequest, body: string, done: (e: Error | null, b?: string) => void) =>
      done(null, body);
    app.removeContentTypeParser('text/plain');
    app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, asText);

    app.post(
      '/ratings/import',
      {
        onRequest: requireRole(...RATERS),
        bodyLimit: RATINGS_CSV_LIMIT_BYTES,
        schema: {
          tags: ['ratings'],
          summary: 'Import human ratings from a CSV file, all rows or none',
          description: IMPORT_DESCRIPTION,
          consumes: ['text/csv', 'multipart/form-data'],
          querystring: ImportQuery,
          response: { 200: ImportResultView, ...errorResponses(400, 401, 403, 413, 422) },
        },
      },
      async (request) => {
        const user = me(request);
        const { text, file } = await csvBody(request, request.query.file);
        const result = await importRatings(store, {
          workspaceId: user.workspaceId,
          text,
          file,
          createdBy: user.id,
          mayRate: (interview) => mayRead(user, interview),
        });
        return { ...result, targets: [...result.targets] };
      },
    );

    app.get(
      '/interviews/:id/rating-form',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['ratings'],
          summary:
            "The blind rating form: questions, the candidate's answers, targets and scales; no Candor score",
          params: IdParams,
          response: { 200: RatingFormView, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => {
        const interview = await loadInterview(request, store, request.params.id, 'read');
        return ratingForm(store, interview, me(request));
      },
    );

    app.post(
      '/interviews/:id/ratings',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['ratings'],
          summary: 'Rate an interview or its answers as the signed-in user (added or updated, all or none)',
          params: IdParams,
          body: FormRatingsBody,
          response: { 200: FormRatingsResult, ...errorResponses(400, 401, 403, 404, 422) },
        },
      },
      async (request) => {
        const interview = await loadInterview(request, store, request.params.id, 'read');
        const user = me(request);
        if (user.role === 'candidate') {
          throw new CandorError('FORBIDDEN', 'role candidate may not rate interviews', { role: user.role });
        }
        const { responses } = await store.analyses.getTranscript(interview.id);
        return saveFormRatings(store, {
          workspaceId: interview.workspaceId,
          interviewId: interview.id,
          rater: user.id,
          scale: request.body.scale,
          answers: responses.length,
          ratings: request.body.ratings,
        });
      },
    );

    app.get(
      '/ratings/agreement',
      {
        onRequest: requireRole(...RATERS),
        schema: {
          tags: ['ratings'],
          summary: "Rater agreement per target: ICC(2,1), ICC(2,k), Krippendorff's alpha, or why not",
          querystring: AgreementQuery,
          response: { 200: AgreementView, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const user = me(request);
        const { target, job } = request.query;
        if (job !== undefined) await scoped(request, 'job', job, (id) => store.jobs.get(id));
        return {
          targets: await ratingsAgreement(store, { workspaceId: user.workspaceId, target, jobId: job }),
        };
      },
    );
  };
}
