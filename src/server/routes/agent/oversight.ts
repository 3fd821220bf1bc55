/**
 * What recruiters and admins steer the follow-up agent with (issue 14, human oversight and tone):
 * the workspace's templates (read, edit with the strict engine's check, reset, preview an edit),
 * its cadence, a preview of any flow's message for any candidate, the inbox's suggested draft and
 * the person's answer, and the list of pauses.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CandorError } from '../../../core/index.js';
import { suggestDraft, sendPersonReply } from '../../../followup/drafts.js';
import { previewMessage } from '../../../followup/preview.js';
import { TEMPLATES, type TemplateChannel } from '../../../followup/templates.js';
import {
  applyCadence,
  exampleValues,
  flowVariables,
  renderTemplate,
  templateFlows,
  validateTemplate,
  type WorkspaceCadence,
} from '../../../followup/workspace-templates.js';
import { DEFAULT_CADENCE } from '../../../messaging/config.js';
import type { CadenceOverride, TemplateOverride } from '../../../store/index.js';
import { requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { me, scoped } from '../../scope.js';
import { recordActivity } from '../admin/record-activity.js';
import { errorResponses, HIRING_TEAM, IdParams, RECRUITERS } from '../hiring/schemas.js';
import { publicUrlOf } from '../invitations/recruiter.js';
import { readableBy } from '../record-access.js';
import { MessageView, view } from './index.js';

const Channel = z.enum(['email', 'sms']);
const Flow = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z][a-z0-9_]*$/, 'a flow name such as invitation or status_update');

const TemplateView = z
  .object({
    flow: z.string(),
    channel: Channel,
    subject: z.string().nullable().describe('E-mail only'),
    body: z.string(),
    variables: z.array(z.string()).describe('The variables this flow fills, e.g. firstName'),
    custom: z.boolean().describe("true: the workspace's own wording; false: the built-in template"),
    builtIn: z.object({ subject: z.string().nullable(), body: z.string() }),
    updatedBy: z.string().nullable().describe('Name of who last edited it'),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'AgentTemplate' });

const TemplateKey = z.object({ flow: Flow, channel: Channel }).strict();

const TemplateBody = z
  .object({
    flow: Flow,
    channel: Channel,
    subject: z.string().max(1000).nullable().optional().describe('E-mail only'),
    body: z.string().max(20_000),
  })
  .strict();

const Rendered = z.object({ subject: z.string().nullable(), body: z.string() });

const CadenceFields = z.object({
  quietStartHour: z.number().int().min(0).max(23),
  quietEndHour: z.number().int().min(0).max(23),
  quietWeekends: z.boolean(),
  weeklyCap: z.number().int().min(1).max(50),
  statusUpdateDelayHours: z.number().int().min(1).max(720),
});

const CadenceView = z
  .object({
    effective: CadenceFields.extend({ defaultTimeZone: z.string() }).describe(
      'What the agent keeps for this workspace',
    ),
    workspace: z
      .object({
        quietStartHour: z.number().int().nullable(),
        quietEndHour: z.number().int().nullable(),
        quietWeekends: z.boolean().nullable(),
        weeklyCap: z.number().int().nullable(),
        statusUpdateDelayHours: z.number().int().nullable(),
      })
      .describe("The workspace's own settings; null: the server's"),
    server: CadenceFields.describe('The server settings (CANDOR_AGENT_*) a null falls back to'),
    updatedBy: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'AgentCadence' });

const CadenceBody = z
  .object({
    quietStartHour: CadenceFields.shape.quietStartHour.nullable().optional(),
    quietEndHour: CadenceFields.shape.quietEndHour.nullable().optional(),
    quietWeekends: z.boolean().nullable().optional(),
    weeklyCap: CadenceFields.shape.weeklyCap.nullable().optional(),
    statusUpdateDelayHours: CadenceFields.shape.statusUpdateDelayHours.nullable().optional(),
  })
  .strict();

const PreviewQuery = z.object({
  flow: Flow,
  channel: Channel.optional(),
  applicationId: z.string().min(1).max(100).optional(),
});

const PreviewView = z
  .object({
    candidateId: z.string(),
    applicationId: z.string().nullable(),
    flow: z.string(),
    channel: Channel,
    to: z.string().nullable(),
    subject: z.string().nullable(),
    body: z.string(),
    customTemplate: z.boolean(),
  })
  .meta({ id: 'AgentMessagePreview' });

const DraftView = z
  .object({
    template: z.enum(['status', 'apology', 'holding']),
    channel: Channel,
    to: z.string(),
    subject: z.string().nullable(),
    body: z.string(),
  })
  .meta({ id: 'AgentReplyDraft' });

const AnswerBody = z
  .object({ subject: z.string().max(1000).nullable().optional(), body: z.string().min(1).max(20_000) })
  .strict();

const PauseView = z.object({
  subjectType: z.enum(['candidate', 'job']),
  subjectId: z.string(),
  pausedBy: z.string().describe('Name of who paused it'),
  pausedAt: z.string(),
});

function builtInOf(flow: string, channel: TemplateChannel) {
  const template = TEMPLATES[flow]?.[channel];
  if (template === undefined)
    throw new CandorError('NOT_FOUND', `no ${channel} template for ${flow}`, {
      entity: 'template',
      id: `${flow}.${channel}`,
    });
  return template;
}

/** @example await api.register(agentOversightRoutes({ store, config })) */
export function agentOversightRoutes({ store, config }: RouteDeps): FastifyPluginAsyncZod {
  const tags = ['follow-up agent'];
  const serverCadence = config.agent?.cadence ?? DEFAULT_CADENCE;
  const names = async (workspaceId: string, ids: string[]): Promise<Map<string, string>> => {
    const users = await store.users.getMany(workspaceId, [...new Set(ids)]);
    return new Map(ids.map((id) => [id, users.get(id)?.name ?? id]));
  };
  const templateView = (
    flow: string,
    channel: TemplateChannel,
    own: TemplateOverride | null,
    who: Map<string, string>,
  ): z.infer<typeof TemplateView> => {
    const builtIn = builtInOf(flow, channel);
    return {
      flow,
      channel,
      subject: own === null ? (builtIn.subject ?? null) : own.subject,
      body: own?.body ?? builtIn.body,
      variables: flowVariables(flow),
      custom: own !== null,
      builtIn: { subject: builtIn.subject ?? null, body: builtIn.body },
      updatedBy: own === null ? null : (who.get(own.updatedBy) ?? own.updatedBy),
      updatedAt: own?.updatedAt ?? null,
    };
  };
  const cadenceView = async (workspaceId: string, own: CadenceOverride) => {
    const effective: WorkspaceCadence = applyCadence(serverCadence, own);
    const server = applyCadence(serverCadence, { ...own, ...nullCadence });
    const who =
      own.updatedBy === null ? null : (await names(workspaceId, [own.updatedBy])).get(own.updatedBy);
    const pick = (c: WorkspaceCadence) => ({
      quietStartHour: c.quietStartHour,
      quietEndHour: c.quietEndHour,
      quietWeekends: c.quietWeekends,
      weeklyCap: c.weeklyCap,
      statusUpdateDelayHours: c.statusUpdateDelayHours,
    });
    return {
      effective: { ...pick(effective), defaultTimeZone: effective.defaultTimeZone },
      workspace: {
        quietStartHour: own.quietStartHour,
        quietEndHour: own.quietEndHour,
        quietWeekends: own.quietWeekends,
        weeklyCap: own.weeklyCap,
        statusUpdateDelayHours: own.statusUpdateDelayHours,
      },
      server: pick(server),
      updatedBy: who ?? null,
      updatedAt: own.updatedAt,
    };
  };
  const nullCadence = {
    quietStartHour: null,
    quietEndHour: null,
    quietWeekends: null,
    weeklyCap: null,
    statusUpdateDelayHours: null,
  };
  const asTemplate = (channel: TemplateChannel, body: z.infer<typeof TemplateBody>) => ({
    ...(channel === 'email' || (body.subject ?? '') !== '' ? { subject: body.subject ?? '' } : {}),
    body: body.body,
  });

  return (app) => {
    app.get(
      '/agent/templates',
      {
        onRequest: requireRole(...RECRUITERS),
        schema: {
          tags,
          summary: "Every flow's template on each channel: the workspace's own or the built-in one",
          response: { 200: z.object({ templates: z.array(TemplateView) }), ...errorResponses(401, 403) },
        },
      },
      async (request) => {
        const { workspaceId } = me(request);
        const own = await store.agentSettings.templates(workspaceId);
        const who = await names(
          workspaceId,
          own.map((t) => t.updatedBy),
        );
        return {
          templates: templateFlows().flatMap((flow) =>
            (['email', 'sms'] as const).map((channel) =>
              templateView(
                flow,
                channel,
                own.find((t) => t.flow === flow && t.channel === channel) ?? null,
                who,
              ),
            ),
          ),
        };
      },
    );

    app.put(
      '/agent/templates',
      {
        onRequest: requireRole('admin'),
        schema: {
          tags,
          summary: "Store the workspace's wording of a flow's message on a channel (checked first)",
          description:
            'Every `{{variable}}` must be one the flow fills and no brace may be left over: otherwise 400 naming the variable or quoting the brace, and nothing is stored. E-mail needs a subject; a text message has none.',
          body: TemplateBody,
          response: { 200: TemplateView, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const user = me(request);
        const { flow, channel } = request.body;
        const template = asTemplate(channel, request.body);
        validateTemplate(flow, channel, template);
        const saved = await store.agentSettings.saveTemplate({
          workspaceId: user.workspaceId,
          flow,
          channel,
          subject: channel === 'email' ? (template.subject ?? null) : null,
          body: template.body,
          updatedBy: user.id,
        });
        await recordActivity(store, request, {
          action: 'agent.template_changed',
          subjectType: 'agent_template',
          subjectId: `${flow}.${channel}`,
          summary: `Agent template ${flow} (${channel === 'sms' ? 'SMS' : 'e-mail'}) edited`,
          details: { flow, channel },
        });
        return templateView(flow, channel, saved, new Map([[user.id, user.name]]));
      },
    );

    app.post(
      '/agent/templates/reset',
      {
        onRequest: requireRole('admin'),
        schema: {
          tags,
          summary: 'Go back to the built-in template of a flow on a channel',
          body: TemplateKey,
          response: { 200: TemplateView, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const { flow, channel } = request.body;
        builtInOf(flow, channel);
        const removed = await store.agentSettings.resetTemplate(me(request).workspaceId, flow, channel);
        if (removed)
          await recordActivity(store, request, {
            action: 'agent.template_reset',
            subjectType: 'agent_template',
            subjectId: `${flow}.${channel}`,
            summary: `Agent template ${flow} (${channel === 'sms' ? 'SMS' : 'e-mail'}) back to the built-in one`,
            details: { flow, channel },
          });
        return templateView(flow, channel, null, new Map());
      },
    );

    app.post(
      '/agent/templates/preview',
      {
        onRequest: requireRole(...RECRUITERS),
        schema: {
          tags,
          summary: 'Check a template as edited and fill it with example values (nothing is stored)',
          description:
            'The same check as saving it: 400 naming an unknown variable or quoting a stray brace.',
          body: TemplateBody,
          response: { 200: Rendered, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const user = me(request);
        const { flow, channel } = request.body;
        const template = asTemplate(channel, request.body);
        validateTemplate(flow, channel, template);
        const workspace = await store.workspaces.get(user.workspaceId);
        return renderTemplate(
          template,
          `${flow}.${channel}`,
          exampleValues(flow, {
            organisation: workspace.name,
            senderName: user.name,
            publicUrl: publicUrlOf(config),
          }),
        );
      },
    );

    app.get(
      '/agent/cadence',
      {
        onRequest: requireRole(...RECRUITERS),
        schema: {
          tags,
          summary: "The workspace's cadence: its own settings over the server's",
          response: { 200: CadenceView, ...errorResponses(401, 403) },
        },
      },
      async (request) => {
        const { workspaceId } = me(request);
        return cadenceView(workspaceId, await store.agentSettings.cadence(workspaceId));
      },
    );

    app.put(
      '/agent/cadence',
      {
        onRequest: requireRole('admin'),
        schema: {
          tags,
          summary: "Change the workspace's cadence (the fields given; null: back to the server's setting)",
          body: CadenceBody,
          response: { 200: CadenceView, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const user = me(request);
        const saved = await store.agentSettings.saveCadence(user.workspaceId, request.body, user.id);
        await recordActivity(store, request, {
          action: 'agent.cadence_changed',
          subjectType: 'workspace',
          subjectId: user.workspaceId,
          summary: `Agent cadence: ${Object.entries(request.body)
            .map(([k, v]) => `${k} ${v === null ? "server's setting" : String(v)}`)
            .join('; ')}`,
          details: { ...request.body },
        });
        return cadenceView(user.workspaceId, saved);
      },
    );

    app.get(
      '/candidates/:id/messages/preview',
      {
        onRequest: readableBy('candidate', ...HIRING_TEAM),
        schema: {
          tags,
          summary: "Any flow's message for this candidate, filled with their values (nothing is queued)",
          description:
            "400 naming the variable the candidate has no value for (e.g. an invitation's deadline before any invitation). The channel defaults to the one the agent would choose.",
          params: IdParams,
          querystring: PreviewQuery,
          response: { 200: PreviewView, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => {
        const candidate = await scoped(request, 'candidate', request.params.id, (id) =>
          store.candidates.get(id),
        );
        return previewMessage(
          store,
          { publicUrl: publicUrlOf(config) },
          {
            candidateId: candidate.id,
            flow: request.query.flow,
            channel: request.query.channel,
            applicationId: request.query.applicationId,
          },
        );
      },
    );

    app.get(
      '/messages/:id/draft',
      {
        onRequest: readableBy('message', ...RECRUITERS),
        schema: {
          tags,
          summary: 'A suggested answer to a reply in the inbox, from the templates, signed by you',
          description:
            'A status question gets where the application stands; a frustrated reply an apology with a date; anything else a polite holding reply. Edit it before sending.',
          params: IdParams,
          response: { 200: DraftView, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const message = await scoped(request, 'message', request.params.id, (id) => store.messages.get(id));
        return suggestDraft(store, message, { senderName: me(request).name });
      },
    );

    app.post(
      '/messages/:id/reply',
      {
        onRequest: requireRole(...RECRUITERS),
        schema: {
          tags,
          summary:
            "Answer a candidate's reply: queued at once to the address it came from; it leaves the inbox",
          description: '409 when this reply was already answered.',
          params: IdParams,
          body: AnswerBody,
          response: {
            201: z.object({ reply: MessageView, answer: MessageView }),
            ...errorResponses(400, 401, 403, 404, 409),
          },
        },
      },
      async (request, reply) => {
        const message = await scoped(request, 'message', request.params.id, (id) => store.messages.get(id));
        const answer = await sendPersonReply(store, message, {
          subject: request.body.subject,
          body: request.body.body,
          userId: me(request).id,
        });
        return reply
          .code(201)
          .send({ reply: view(await store.messages.get(message.id)), answer: view(answer) });
      },
    );

    app.get(
      '/agent/pauses',
      {
        onRequest: requireRole(...HIRING_TEAM),
        schema: {
          tags,
          summary: 'Candidates and jobs the agent is paused for, newest first',
          response: { 200: z.object({ pauses: z.array(PauseView) }), ...errorResponses(401, 403) },
        },
      },
      async (request) => {
        const { workspaceId } = me(request);
        const pauses = await store.agentSettings.pauses(workspaceId);
        const who = await names(
          workspaceId,
          pauses.map((p) => p.pausedBy),
        );
        return { pauses: pauses.map((p) => ({ ...p, pausedBy: who.get(p.pausedBy) ?? p.pausedBy })) };
      },
    );
    return Promise.resolve();
  };
}
