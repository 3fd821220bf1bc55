/**
 * Fairness alerts (issue 12): the groups whose rolling scoring impact ratio fell under 0.8, for
 * admins and auditors, who acknowledge them. Group labels and aggregate numbers only.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { alertView } from '../../../audit/index.js';
import { requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { me } from '../../scope.js';
import { errorResponses, IdParams } from '../hiring/schemas.js';
import { FairnessAlertList, FairnessAlertQuery, FairnessAlertView } from './schemas.js';

/** Who sees and acknowledges fairness alerts. */
export const ALERT_READERS = ['admin', 'auditor'] as const;

/**
 * `GET /fairness/alerts`, `POST /fairness/alerts/:id/acknowledge` (admin, auditor).
 * @example await api.register(fairnessRoutes({ store, config }))
 */
export function fairnessRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/fairness/alerts',
      {
        onRequest: requireRole(...ALERT_READERS),
        schema: {
          tags: ['audit'],
          summary: "The workspace's fairness alerts, newest first (admin, auditor)",
          description:
            'An alert is raised when, over the last N scored candidates (CANDOR_FAIRNESS_WINDOW), a group of at least CANDOR_FAIRNESS_MIN_GROUP members has a scoring impact ratio under 0.8 (docs/fairness-alerts.md). `state=open` (default) lists the unacknowledged.',
          querystring: FairnessAlertQuery,
          response: { 200: FairnessAlertList, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const alerts = await store.fairnessAlerts.list(me(request).workspaceId, {
          open: request.query.state === 'open',
        });
        return { alerts: alerts.map(alertView) };
      },
    );

    app.post(
      '/fairness/alerts/:id/acknowledge',
      {
        onRequest: requireRole(...ALERT_READERS),
        schema: {
          tags: ['audit'],
          summary: 'Acknowledge a fairness alert; acknowledging again keeps the first (admin, auditor)',
          params: IdParams,
          response: { 200: FairnessAlertView, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const user = me(request);
        return alertView(
          await store.fairnessAlerts.acknowledge(user.workspaceId, request.params.id, user.id),
        );
      },
    );
    return Promise.resolve();
  };
}
