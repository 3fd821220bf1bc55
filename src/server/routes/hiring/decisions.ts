/**
 * Hiring decisions: the only way an application reaches `advanced`, `rejected` or `on_hold`.
 * A decision is a person's explicit act with a reason; the stage change and its event are
 * written in one transaction (`store.applications.recordDecision`), so the history never misses
 * a change.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { queueDecline } from '../../../followup/decline.js';
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

/**
 * `POST /applications/:id/decisions` (admin, recruiter, hiring manager).
 * @example await app.register(decisionRoutes({ store, config }))
 */
export function decisionRoutes({ store, config }: RouteDeps): FastifyPluginAsyncZod {
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
        const { decision, reason } = request.body;
        const eventId = await store.applications.recordDecision({
          workspaceId: user.workspaceId,
          applicationId: application.id,
          decision,
          stage: STAGE_AFTER[decision],
          reason,
          actor: user.id,
        });
        if (decision === 'reject') {
          // The personal decline, through the follow-up agent; the decision stands if it fails.
          await queueDecline(
            store,
            { publicUrl: config.agent?.publicUrl ?? '' },
            { applicationId: application.id, previousStage: application.stage },
          ).catch((error: unknown) => request.log.warn({ err: error }, 'decline not queued'));
        }
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
