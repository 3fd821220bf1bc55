import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CandorError, isCandorError } from '../../../core/index.js';
import type { Store } from '../../../store/index.js';
import { requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { hidden, me, scoped } from '../../scope.js';
import { errorResponses, Id } from '../hiring/schemas.js';
import { taskJson } from '../interviews/present.js';
import { IdParams, Task } from '../interviews/schemas.js';
import {
  KNOWLEDGE_RETAG,
  MAX_LISTED_FAILURES,
  RETAG_KEY,
  type RetagFailure,
  type RetagPayload,
  type RetagSummary,
} from './retag-runner.js';
import type { TaskRunner } from './task-runner.js';

/** Most interviews named in one request; leaving the list out takes every one of the workspace. */
export const MAX_RETAG_IDS = 1000;

const RetagBody = z
  .object({
    interviewIds: z
      .array(Id)
      .min(1, 'name at least one interview, or leave interviewIds out to re-tag every interview')
      .max(MAX_RETAG_IDS)
      .optional()
      .describe('the interviews to tag again; every non-practice interview of the workspace when left out'),
  })
  .strict();

const RetagFailureBody = z
  .object({
    interviewId: z.string(),
    code: z.string(),
    error: z.string().describe('why, naming the interview or the record that was wrong'),
  })
  .meta({ id: 'RetagFailure' });

const RetagSummaryBody = z
  .object({
    interviews: z.number().int().describe('interviews gone through'),
    tagged: z.number().int(),
    failed: z.number().int(),
    skipped: z.number().int().describe('practice interviews named in the request (never tagged)'),
    failures: z.array(RetagFailureBody).describe(`the first ${MAX_LISTED_FAILURES} failures`),
  })
  .meta({ id: 'RetagSummary' });

const RetagStatus = z
  .object({
    task: Task,
    /** Null until the task is done. */
    summary: RetagSummaryBody.nullable(),
  })
  .meta({ id: 'KnowledgeRetag' });

const ACTIVE = new Set(['queued', 'running']);

/** The task's result as the route answers it (null for a result of another shape). */
function summaryOf(result: unknown) {
  if (result === null || typeof result !== 'object') return null;
  const summary = result as RetagSummary;
  const failures: readonly RetagFailure[] | undefined = Array.isArray(summary.failures)
    ? summary.failures
    : undefined;
  return failures === undefined ? null : { ...summary, failures: [...failures] };
}

/**
 * The ids named, checked to be interviews of the workspace, in the order given, duplicates dropped.
 * @throws CandorError NOT_FOUND naming the first id that is not (another workspace's reads the same)
 */
async function checkInterviews(store: Store, workspaceId: string, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = new Set(await store.interviews.listIds(workspaceId, { ids: unique }));
  const missing = unique.find((id) => !found.has(id));
  if (missing !== undefined) throw hidden('interview', missing);
  return unique;
}

/**
 * `POST /knowledge/retag` (admin, recruiter): tags the workspace's stored conversations again
 * after its topics or tracked names changed, in the background; 202 with the task. One re-tag per
 * workspace at a time: another while one is queued or running is a 409 naming that task.
 * `GET /knowledge/retag/:id`: the task and, once done, the counts and failures.
 * @example await api.register(retagRoutes(deps, runner))
 */
export function retagRoutes({ store }: RouteDeps, runner: TaskRunner): FastifyPluginAsyncZod {
  // Checking for a running re-tag and queueing one are two statements: one request at a time in
  // this process does both, so two clicks do not queue two.
  let turn: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const next = turn.then(work, work);
    turn = next.catch(() => undefined);
    return next;
  };

  return (app) => {
    app.post(
      '/knowledge/retag',
      {
        onRequest: requireRole('admin', 'recruiter'),
        // A POST without a body is the whole workspace: `{}` to the schema.
        preValidation: (request, _reply, done) => {
          request.body ??= {};
          done();
        },
        schema: {
          tags: ['knowledge'],
          summary:
            "Tag the workspace's stored conversations again with its current topics and tracked names, in the background (202 with the task)",
          description:
            'Body optional: `interviewIds` names the interviews; left out, every non-practice interview of the ' +
            'workspace. An id that is not an interview of the workspace: 404 naming it. While another re-tag of ' +
            'the workspace is queued or running: 409 naming that task (follow it instead). Progress ' +
            '(`3 of 40 interviews`) on `GET /tasks/:id` and `/tasks/:id/events`; the result on ' +
            '`GET /knowledge/retag/:id`: `tagged`, `failed`, `skipped` (practice interviews) and each failure.',
          body: RetagBody,
          response: { 202: RetagStatus, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const user = me(request);
        const named = request.body.interviewIds;
        const interviewIds =
          named === undefined ? null : await checkInterviews(store, user.workspaceId, named);
        const task = await oneAtATime(async () => {
          const running = (
            await store.queue.listBySubject(user.workspaceId, RETAG_KEY, user.workspaceId)
          ).find((t) => t.kind === KNOWLEDGE_RETAG && ACTIVE.has(t.status));
          if (running !== undefined) {
            throw new CandorError(
              'CONFLICT',
              `a re-tag of this workspace is already ${running.status}: task ${running.id}; follow it, or wait until it finishes`,
              { entity: 'task', id: running.id },
            );
          }
          const payload: RetagPayload = { [RETAG_KEY]: user.workspaceId, interviewIds, userId: user.id };
          return store.queue.enqueue({
            workspaceId: user.workspaceId,
            kind: KNOWLEDGE_RETAG,
            payload: payload as unknown as Record<string, unknown>,
            maxAttempts: 1,
          });
        });
        runner.kick();
        return reply.code(202).send({ task: taskJson(task), summary: null });
      },
    );

    app.get(
      '/knowledge/retag/:id',
      {
        onRequest: requireRole('admin', 'recruiter'),
        schema: {
          tags: ['knowledge'],
          summary: 'A re-tagging: its task (status, progress) and, once done, the counts and each failure',
          params: IdParams,
          response: { 200: RetagStatus, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => {
        // Any miss reads "retag … not found", as imports do.
        const task = await scoped(request, 'retag', request.params.id, (id) =>
          store.queue.get(id).catch((error: unknown) => {
            throw isCandorError(error) && error.code === 'NOT_FOUND' ? hidden('retag', id) : error;
          }),
        );
        if (task.kind !== KNOWLEDGE_RETAG) throw hidden('retag', task.id);
        return { task: taskJson(task), summary: task.status === 'done' ? summaryOf(task.result) : null };
      },
    );
    return Promise.resolve();
  };
}
