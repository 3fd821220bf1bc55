/**
 * Hiring decisions: the only way an application reaches `advanced`, `rejected` or `on_hold`.
 * A decision is a person's explicit act with a reason; the stage change and its event are
 * written in one transaction, so the history never misses a change.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CandorError, newId } from '../../../core/index.js';
import type { Store } from '../../../store/index.js';
import { requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { me } from '../../scope.js';
import { scopedApplication } from './application-scope.js';
import {
  ApplicationView,
  errorResponses,
  HIRING_TEAM,
  IdParams,
  PipelineEventView,
  toApplicationView,
  toEventView,
} from './schemas.js';

export const DECISIONS = ['advance', 'reject', 'hold'] as const;
export type Decision = (typeof DECISIONS)[number];

/** The stage each decision moves an application to. */
export const STAGE_AFTER: Readonly<Record<Decision, string>> = {
  advance: 'advanced',
  reject: 'rejected',
  hold: 'on_hold',
};

const DecisionBody = z.object({
  decision: z.enum(DECISIONS),
  reason: z.string().trim().min(3).max(2000),
});

export interface DecisionInput {
  readonly workspaceId: string;
  readonly applicationId: string;
  readonly decision: Decision;
  readonly reason: string;
  /** The deciding user's id. */
  readonly actor: string;
}

/**
 * Moves the application to the decision's stage and appends a `decision` event (payload
 * `{ decision, previousStage }`) in one transaction; returns the event id. The event's time is
 * after the application's last event, so the history reads in the order things happened.
 *
 * @throws CandorError CONFLICT when another decision changed the stage meanwhile.
 * @example await recordDecision(store, { workspaceId, applicationId, decision: 'hold', reason: 'waiting for references', actor: user.id })
 */
export async function recordDecision(store: Store, input: DecisionInput): Promise<string> {
  const eventId = newId('evt');
  const stage = STAGE_AFTER[input.decision];
  await store.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('application')
      .select('stage')
      .where('id', '=', input.applicationId)
      .executeTakeFirstOrThrow();
    const last = await trx
      .selectFrom('pipeline_event')
      .select('occurred_at')
      .where('application_id', '=', input.applicationId)
      .orderBy('occurred_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    const now = Date.now();
    const lastAt = last === undefined ? -Infinity : Date.parse(last.occurred_at);
    const occurredAt = new Date(Math.max(now, lastAt + 1)).toISOString();
    // Compare-and-set on the stage read above: a concurrent decision makes this one a conflict.
    const updated = await trx
      .updateTable('application')
      .set({ stage, updated_at: occurredAt })
      .where('id', '=', input.applicationId)
      .where('stage', '=', current.stage)
      .executeTakeFirst();
    if (updated.numUpdatedRows !== 1n) {
      const message = `application ${input.applicationId} changed while deciding; reload and decide again`;
      throw new CandorError('CONFLICT', message, { entity: 'application', id: input.applicationId });
    }
    await trx
      .insertInto('pipeline_event')
      .values({
        id: eventId,
        workspace_id: input.workspaceId,
        application_id: input.applicationId,
        kind: 'decision',
        actor: input.actor,
        reason: input.reason,
        payload: JSON.stringify({ decision: input.decision, previousStage: current.stage }),
        occurred_at: occurredAt,
      })
      .execute();
  });
  return eventId;
}

/**
 * `POST /applications/:id/decisions` (admin, recruiter, hiring manager).
 * @example await app.register(decisionRoutes({ store, config }))
 */
export function decisionRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.post(
      '/applications/:id/decisions',
      {
        onRequest: requireRole(...HIRING_TEAM),
        schema: {
          tags: ['applications'],
          summary: 'Advance, reject or hold an application, with a reason; recorded as a decision event',
          params: IdParams,
          body: DecisionBody,
          response: {
            201: z.object({ event: PipelineEventView, application: ApplicationView }),
            ...errorResponses(400, 401, 403, 404, 409),
          },
        },
      },
      async (request, reply) => {
        const user = me(request);
        const { application } = await scopedApplication(request, store, request.params.id);
        const eventId = await recordDecision(store, {
          workspaceId: user.workspaceId,
          applicationId: application.id,
          decision: request.body.decision,
          reason: request.body.reason,
          actor: user.id,
        });
        const [event, updated] = await Promise.all([
          store.pipelineEvents.get(eventId),
          store.applications.get(application.id),
        ]);
        return reply.code(201).send({
          event: toEventView(event, new Map([[user.id, user.name]])),
          application: toApplicationView(updated),
        });
      },
    );
    return Promise.resolve();
  };
}
