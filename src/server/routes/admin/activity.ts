import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { me } from '../../scope.js';
import { errorResponses } from '../hiring/schemas.js';

const ActivityItem = z
  .object({
    id: z.string(),
    occurredAt: z.string(),
    actorId: z.string(),
    /** The actor's name, or their id when the user is gone (or `cli`, `system`). */
    actorName: z.string(),
    action: z
      .string()
      .describe(
        'user.created, user.role_changed, user.deactivated, user.reactivated, user.password_reset, token.created, token.revoked, settings.changed, framework.version_saved, question_set.saved, decision.recorded',
      ),
    subjectType: z.string(),
    subjectId: z.string().nullable(),
    summary: z.string(),
  })
  .meta({ id: 'ActivityItem' });

const ActivityQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Decisions come from the pipeline's events: their summary is the stage and the reason. */
function decisionSummary(details: Readonly<Record<string, unknown>>, reason: string): string {
  const decision = typeof details.decision === 'string' ? details.decision : 'decision';
  const from = typeof details.previousStage === 'string' ? ` (was ${details.previousStage})` : '';
  return `Decision: ${decision}${from}${reason === '' ? '' : ` — ${reason}`}`;
}

/**
 * `GET /activity?limit=&offset=` (admin): who did what, newest first.
 * @example await app.register(activityRoutes({ store, config }))
 */
export function activityRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/activity',
      {
        onRequest: requireRole('admin'),
        schema: {
          tags: ['activity'],
          summary:
            "The workspace's activity log, newest first: users, tokens, settings, frameworks, question sets and hiring decisions",
          querystring: ActivityQuery,
          response: {
            200: z.object({
              activity: z.array(ActivityItem),
              total: z.number().int(),
              limit: z.number().int(),
              offset: z.number().int(),
            }),
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async (request) => {
        const { workspaceId } = me(request);
        const { limit, offset } = request.query;
        const page = await store.activity.list(workspaceId, { limit, offset });
        const names = await store.users.getMany(
          workspaceId,
          page.entries.map((e) => e.actor),
        );
        return {
          activity: page.entries.map((e) => ({
            id: e.id,
            occurredAt: e.occurredAt,
            actorId: e.actor,
            actorName: names.get(e.actor)?.name ?? e.actor,
            action: e.action,
            subjectType: e.subjectType,
            subjectId: e.subjectId,
            summary: e.action === 'decision.recorded' ? decisionSummary(e.details, e.summary) : e.summary,
          })),
          total: page.total,
          limit,
          offset,
        };
      },
    );
    return Promise.resolve();
  };
}
