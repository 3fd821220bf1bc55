import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ScorecardBody } from '../../../domain/index.js';
import type { ModelFile } from '../../../model/model-file.js';
import {
  activateModel,
  importModel,
  listModels,
  requireActiveModel,
  rescoreInterview,
  rescoreJob,
  showModel,
} from '../../../pipeline/index.js';
import type { ScorecardRecord } from '../../../store/index.js';
import { requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { me, scoped } from '../../scope.js';
import { errorResponses, IdParams } from '../hiring/schemas.js';
import { loadInterview } from '../interviews/index.js';
import { readableBy } from '../record-access.js';
import {
  ImportModelBody,
  ImportModelResult,
  ModelDetailView,
  ModelListView,
  ModelParams,
  RescoreInterviewResult,
  RescoreJobResult,
  RescoreQuery,
  VersionQuery,
} from './schemas.js';

/** Who may read models: the people who read hiring scorecards and manage hiring. */
const READERS = ['admin', 'recruiter'] as const;
/** Who may re-score: the people who change hiring interviews. */
const RESCORERS = ['admin', 'recruiter'] as const;

/** The largest model file accepted: a model with thousands of features and points fits well under it. */
export const MODEL_FILE_LIMIT_BYTES = 4 * 1024 * 1024;

const modelRef = (m: ModelFile) => ({ id: m.id, version: m.version, target: m.target });

function rescored(interviewId: string, card: ScorecardRecord) {
  const prediction = ScorecardBody.parse(card.body).model!.prediction;
  return {
    interviewId,
    scorecardId: card.id,
    createdAt: card.createdAt,
    score: prediction.score,
    onScale: prediction.onScale,
  };
}

/**
 * Scoring models: `GET /models`, `GET /models/:id`, `POST /models` (import a model file),
 * `POST /models/:id/activate`, and re-scoring with the active model: `POST /interviews/:id/rescore`,
 * `POST /jobs/:id/rescore`. Admins manage models; recruiters read them and re-score.
 * @example await api.register(modelRoutes({ store, config }))
 */
export function modelRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/models',
      {
        onRequest: requireRole(...READERS),
        schema: {
          tags: ['models'],
          summary:
            "The workspace's scoring models and the built-in ones, with their validation and the active version",
          response: { 200: ModelListView, ...errorResponses(401, 403) },
        },
      },
      async (request) => ({ models: await listModels(store, me(request).workspaceId) }),
    );

    app.get(
      '/models/:id',
      {
        onRequest: readableBy('model', ...READERS),
        schema: {
          tags: ['models'],
          summary:
            'One model version: weights, validation report (with the cross-validated predictions), stored versions',
          params: ModelParams,
          querystring: VersionQuery,
          response: { 200: ModelDetailView, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => showModel(store, me(request).workspaceId, request.params.id, request.query.version),
    );

    app.post(
      '/models',
      {
        onRequest: requireRole('admin'),
        bodyLimit: MODEL_FILE_LIMIT_BYTES,
        schema: {
          tags: ['models'],
          summary: 'Import a model file (JSON): stores its version; the same file again changes nothing',
          body: ImportModelBody,
          response: { 200: ImportModelResult, ...errorResponses(400, 401, 403, 409, 413, 422) },
        },
      },
      async (request) => {
        const user = me(request);
        const { model, added } = await importModel(store, {
          workspaceId: user.workspaceId,
          json: request.body,
          file: 'the model file',
          createdBy: user.id,
        });
        const summary = (await listModels(store, user.workspaceId)).find((m) => m.id === model.id)!;
        return { model: summary, added };
      },
    );

    app.post(
      '/models/:id/activate',
      {
        onRequest: requireRole('admin'),
        schema: {
          tags: ['models'],
          summary:
            'Make a model version the active one for its target (a built-in model is stored first); new analyses and re-scoring use it',
          params: ModelParams,
          querystring: VersionQuery,
          response: { 200: ModelDetailView, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const user = me(request);
        return activateModel(store, {
          workspaceId: user.workspaceId,
          id: request.params.id,
          version: request.query.version,
          createdBy: user.id,
        });
      },
    );

    app.post(
      '/interviews/:id/rescore',
      {
        onRequest: requireRole(...RESCORERS),
        schema: {
          tags: ['models'],
          summary:
            "Re-score an analysed interview with the workspace's active model: a new scorecard records the model's id and version; nothing else stored changes",
          params: IdParams,
          querystring: RescoreQuery,
          response: { 200: RescoreInterviewResult, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const interview = await loadInterview(request, store, request.params.id, 'write');
        const model = await requireActiveModel(
          store,
          interview.workspaceId,
          request.query.target ?? 'overall',
        );
        const card = await rescoreInterview(store, {
          workspaceId: interview.workspaceId,
          interviewId: interview.id,
          model,
        });
        return { model: modelRef(model), rescored: rescored(interview.id, card) };
      },
    );

    app.post(
      '/jobs/:id/rescore',
      {
        onRequest: requireRole(...RESCORERS),
        schema: {
          tags: ['models'],
          summary:
            "Re-score every analysed interview of a job with the workspace's active model; one that fails is reported, the others are re-scored",
          params: IdParams,
          querystring: RescoreQuery,
          response: { 200: RescoreJobResult, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const job = await scoped(request, 'job', request.params.id, (id) => store.jobs.get(id));
        const model = await requireActiveModel(store, job.workspaceId, request.query.target ?? 'overall');
        const result = await rescoreJob(store, { workspaceId: job.workspaceId, jobId: job.id, model });
        return {
          model: modelRef(model),
          rescored: result.rescored.map((r) => rescored(r.interviewId, r.scorecard)),
          failed: result.failed.map((f) => ({
            interviewId: f.interviewId,
            code: f.error.code,
            message: f.error.message,
          })),
          skipped: [...result.skipped],
        };
      },
    );
    return Promise.resolve();
  };
}
