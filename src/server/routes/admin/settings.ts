import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { WorkspaceSettings } from '../../../store/index.js';
import { requireAuth, requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { me } from '../../scope.js';
import { errorResponses } from '../hiring/schemas.js';
import { recordActivity } from './record-activity.js';

/** 60 business days is three months: a longer promise to a candidate is no promise. */
const MAX_RESPONSE_TARGET_DAYS = 60;
/** Ten years; the privacy issue decides what is enforced. */
const MAX_RETENTION_DAYS = 3650;

export const SettingsView = z
  .object({
    name: z.string(),
    slug: z.string().describe('What people type as the workspace when signing in; not editable'),
    responseTargetDays: z
      .number()
      .int()
      .describe('Business days within which candidates hear back (the finish page, the follow-up agent)'),
    retentionDays: z
      .number()
      .int()
      .nullable()
      .describe('Stored only: enforced by the privacy issue, not yet. null = not set'),
    scoreVoice: z.boolean().describe('Whether voice signals count towards scores (else reported only)'),
    eventsLine: z
      .string()
      .nullable()
      .describe("A line the follow-up agent adds to declines, e.g. an invitation to the workspace's events"),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable().describe('Name of who last changed the settings'),
  })
  .meta({ id: 'WorkspaceSettings' });

const SettingsBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    responseTargetDays: z.number().int().min(1).max(MAX_RESPONSE_TARGET_DAYS).optional(),
    retentionDays: z.number().int().min(1).max(MAX_RETENTION_DAYS).nullable().optional(),
    scoreVoice: z.boolean().optional(),
    eventsLine: z.string().trim().max(300).nullable().optional().describe('Blank or null: none'),
  })
  .strict();

type Body = z.infer<typeof SettingsBody>;

/** What changed, as the activity log says it: `response target 5 → 7 business days`. */
function describeChanges(before: WorkspaceSettings & { name: string }, body: Body): string[] {
  const changes: string[] = [];
  if (body.name !== undefined && body.name !== before.name)
    changes.push(`name "${before.name}" → "${body.name}"`);
  if (body.responseTargetDays !== undefined && body.responseTargetDays !== before.responseTargetDays)
    changes.push(`response target ${before.responseTargetDays} → ${body.responseTargetDays} business days`);
  if (body.retentionDays !== undefined && body.retentionDays !== before.retentionDays)
    changes.push(`retention ${before.retentionDays ?? 'not set'} → ${body.retentionDays ?? 'not set'} days`);
  if (body.scoreVoice !== undefined && body.scoreVoice !== before.scoreVoice)
    changes.push(`voice signals ${body.scoreVoice ? 'count towards scores' : 'reported only'}`);
  const eventsLine = body.eventsLine === '' ? null : body.eventsLine;
  if (eventsLine !== undefined && eventsLine !== before.eventsLine)
    changes.push(eventsLine === null ? 'events line in declines removed' : 'events line in declines changed');
  return changes;
}

/**
 * `GET /settings` (any role: the finish page and the agents read it), `PUT /settings` (admin).
 * @example await app.register(settingsRoutes({ store, config }))
 */
export function settingsRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  const view = async (workspaceId: string): Promise<z.infer<typeof SettingsView>> => {
    const [workspace, settings] = await Promise.all([
      store.workspaces.get(workspaceId),
      store.workspaces.settings(workspaceId),
    ]);
    const updater =
      settings.updatedBy === null
        ? null
        : (await store.users.getMany(workspaceId, [settings.updatedBy])).get(settings.updatedBy);
    return {
      name: workspace.name,
      slug: workspace.slug,
      responseTargetDays: settings.responseTargetDays,
      retentionDays: settings.retentionDays,
      scoreVoice: settings.scoreVoice,
      eventsLine: settings.eventsLine,
      updatedAt: settings.updatedAt,
      updatedBy: updater?.name ?? settings.updatedBy,
    };
  };
  return (app) => {
    app.get(
      '/settings',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['settings'],
          summary: "The workspace's settings (defaults until an admin changes them)",
          response: { 200: SettingsView, ...errorResponses(401) },
        },
      },
      async (request) => view(me(request).workspaceId),
    );

    app.put(
      '/settings',
      {
        onRequest: requireRole('admin'),
        schema: {
          tags: ['settings'],
          summary: "Change the workspace's settings (only the fields given); logged in /activity",
          body: SettingsBody,
          response: { 200: SettingsView, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const { workspaceId } = me(request);
        const { name, ...given } = request.body;
        const settings = given.eventsLine === '' ? { ...given, eventsLine: null } : given;
        const before = {
          ...(await store.workspaces.settings(workspaceId)),
          name: (await store.workspaces.get(workspaceId)).name,
        };
        const changes = describeChanges(before, request.body);
        if (name !== undefined && name !== before.name) await store.workspaces.rename(workspaceId, name);
        if (Object.keys(settings).length > 0) {
          await store.workspaces.updateSettings(workspaceId, settings, me(request).id);
        }
        if (changes.length > 0) {
          await recordActivity(store, request, {
            action: 'settings.changed',
            subjectType: 'workspace',
            subjectId: workspaceId,
            summary: `Settings: ${changes.join('; ')}`,
            details: { ...request.body },
          });
        }
        return view(workspaceId);
      },
    );
    return Promise.resolve();
  };
}
