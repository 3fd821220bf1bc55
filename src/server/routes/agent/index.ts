/**
 * The follow-up agent over HTTP: candidates' replies coming in (an SMS provider's webhook, signed
 * as Twilio signs; raw e-mails from an inbound-parse forwarder, signed with HMAC-SHA256), and
 * what recruiters supervise: the inbox of replies waiting for a person, each candidate's message
 * timeline, pausing the agent per candidate or job, and its status.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CandorError, isCandorError } from '../../../core/index.js';
import { classifyReply } from '../../../followup/index.js';
import { handleReply } from '../../../followup/replies.js';
import { schedulingContextFor } from '../../../followup/scheduling-context.js';
import { parseInboundEmail, INBOUND_EMAIL_LIMIT_BYTES } from '../../../messaging/inbound-email.js';
import { verifyTwilioSignature } from '../../../messaging/sms.js';
import type { MessageRecord, Store } from '../../../store/index.js';
import { requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { me, scoped } from '../../scope.js';
import { verifySignature } from '../../webhooks/signature.js';
import { errorResponses, HIRING_TEAM, IdParams, RECRUITERS } from '../hiring/schemas.js';
import { readableBy } from '../record-access.js';

/** A message as the agent's routes show it (also `oversight.ts`). */
export const MessageView = z
  .object({
    id: z.string(),
    candidateId: z.string().nullable(),
    applicationId: z.string().nullable(),
    direction: z.enum(['out', 'in']),
    flow: z.string(),
    channel: z.enum(['email', 'sms']),
    toAddress: z.string(),
    fromAddress: z.string().nullable(),
    subject: z.string().nullable(),
    body: z.string(),
    status: z.string(),
    /** Why it waits, was cancelled, or (a reply) why a person must answer it. */
    note: z.string().nullable(),
    attempts: z.number().int(),
    dueAt: z.string(),
    lastError: z.string().nullable(),
    intent: z.string().nullable(),
    confidence: z.number().nullable(),
    frustrated: z.boolean().nullable(),
    needsPerson: z.boolean(),
    handledBy: z.string().nullable(),
    handledAt: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'AgentMessage' });

/** @example view(await store.messages.get(id)) */
export function view(m: MessageRecord): z.infer<typeof MessageView> {
  return {
    id: m.id,
    candidateId: m.candidateId,
    applicationId: m.applicationId,
    direction: m.direction,
    flow: m.flow,
    channel: m.channel,
    toAddress: m.toAddress,
    fromAddress: m.fromAddress,
    subject: m.subject,
    body: m.body,
    status: m.status,
    note: m.note,
    attempts: m.attempts,
    dueAt: m.dueAt,
    lastError: m.lastError,
    intent: m.intent,
    confidence: m.confidence,
    frustrated: m.frustrated,
    needsPerson: m.needsPerson,
    handledBy: m.handledBy,
    handledAt: m.handledAt,
    createdAt: m.createdAt,
    sentAt: m.sentAt,
  };
}

const PauseBody = z
  .object({
    candidateId: z.string().min(1).max(100).optional(),
    jobId: z.string().min(1).max(100).optional(),
  })
  .refine((b) => (b.candidateId === undefined) !== (b.jobId === undefined), {
    message: 'name either candidateId or jobId',
    path: ['candidateId'],
  });

async function defaultWorkspaceId(store: Store, slug: string): Promise<string> {
  return (await store.workspaces.ensure({ slug })).id;
}

/** @example await api.register(agentRoutes({ store, config })) */
export function agentRoutes({ store, config }: RouteDeps): FastifyPluginAsyncZod {
  const tags = ['follow-up agent'];
  const scheduling =
    config.agent === undefined ? {} : { scheduling: schedulingContextFor(config.agent, config.secret) };
  return (app) => {
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_r, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    app.addContentTypeParser(
      ['message/rfc822', 'text/plain'],
      { parseAs: 'buffer', bodyLimit: INBOUND_EMAIL_LIMIT_BYTES + 1024 },
      (_r, body, done) => done(null, body),
    );

    app.post(
      '/agent/inbound/sms',
      {
        schema: {
          tags,
          summary:
            "An SMS provider's inbound webhook (Twilio's form fields From, To, Body, MessageSid), signature checked",
          description:
            'Signed with `X-Twilio-Signature` over CANDOR_PUBLIC_URL + `/api/v1/agent/inbound/sms` and the sorted form fields, keyed with CANDOR_SMS_AUTH_TOKEN. An unsigned or wrongly signed request is refused with 403 and nothing is recorded. Answers an empty TwiML `<Response/>`.',
          security: [],
          consumes: ['application/x-www-form-urlencoded'],
          response: { 200: z.string(), ...errorResponses(400, 403, 500) },
        },
      },
      async (request, reply) => {
        const sms = config.agent?.sms ?? null;
        if (sms === null || config.agent === undefined) {
          throw new CandorError(
            'CONFIG_INVALID',
            'SMS is not set up (CANDOR_SMS_ACCOUNT_SID, CANDOR_SMS_AUTH_TOKEN, CANDOR_SMS_FROM)',
            { setting: 'CANDOR_SMS_ACCOUNT_SID' },
          );
        }
        const params = (request.body ?? {}) as Record<string, string>;
        const url = `${config.agent.publicUrl}/api/v1/agent/inbound/sms`;
        if (!verifyTwilioSignature(sms.authToken, url, params, request.headers['x-twilio-signature'])) {
          throw new CandorError('FORBIDDEN', 'the X-Twilio-Signature header does not match this request', {
            header: 'x-twilio-signature',
          });
        }
        const from = params.From ?? '';
        if (from === '')
          throw new CandorError('VALIDATION_FAILED', 'body.From: the sender number is missing', {
            in: 'body',
            field: 'From',
          });
        await handleReply(
          store,
          {
            classify: classifyReply,
            defaultWorkspaceId: await defaultWorkspaceId(store, config.defaultWorkspace),
            ...scheduling,
          },
          {
            channel: 'sms',
            from,
            to: params.To ?? sms.from,
            subject: null,
            text: params.Body ?? '',
            providerId: params.MessageSid ?? null,
            attachments: Number(params.NumMedia ?? 0) || 0,
          },
        );
        return reply.type('text/xml').send('<?xml version="1.0" encoding="UTF-8"?><Response/>');
      },
    );

    app.post(
      '/agent/inbound/email',
      {
        schema: {
          tags,
          summary:
            'A raw reply e-mail (message/rfc822) from an inbound-parse forwarder, signed with x-candor-signature',
          description:
            'The body is the whole message as received. `x-candor-signature: sha256=<hex HMAC-SHA256 of the body>` keyed with CANDOR_INBOUND_EMAIL_SECRET. Quoted history and signatures are removed before the reply is classified; over 10 MB is refused with 413.',
          security: [],
          consumes: ['message/rfc822'],
          response: {
            202: z.object({ id: z.string(), intent: z.string().nullable(), action: z.string() }),
            ...errorResponses(400, 403, 413, 500),
          },
        },
      },
      async (request, reply) => {
        const secret = config.agent?.inboundEmailSecret ?? null;
        if (secret === null) {
          throw new CandorError(
            'CONFIG_INVALID',
            'inbound e-mail is not set up (CANDOR_INBOUND_EMAIL_SECRET)',
            { setting: 'CANDOR_INBOUND_EMAIL_SECRET' },
          );
        }
        const raw = request.body;
        if (!Buffer.isBuffer(raw))
          throw new CandorError('VALIDATION_FAILED', 'body: send the raw message as message/rfc822', {
            in: 'body',
          });
        if (!verifySignature(secret, raw, request.headers['x-candor-signature'])) {
          throw new CandorError('FORBIDDEN', 'the x-candor-signature header does not match this body', {
            header: 'x-candor-signature',
          });
        }
        let mail;
        try {
          mail = await parseInboundEmail(raw);
        } catch (error) {
          if (isCandorError(error)) throw error;
          throw new CandorError(
            'VALIDATION_FAILED',
            `body: not a readable e-mail (${(error as Error).message})`,
            { in: 'body' },
          );
        }
        const outcome = await handleReply(
          store,
          {
            classify: classifyReply,
            defaultWorkspaceId: await defaultWorkspaceId(store, config.defaultWorkspace),
            ...scheduling,
          },
          {
            channel: 'email',
            from: mail.from,
            to: mail.to[0] ?? '',
            subject: mail.subject,
            text: mail.text,
            providerId: mail.messageId,
            attachments: mail.attachments.length,
          },
        );
        return reply
          .code(202)
          .send({ id: outcome.message.id, intent: outcome.message.intent, action: outcome.action });
      },
    );

    app.get(
      '/agent/inbox',
      {
        onRequest: requireRole(...RECRUITERS),
        schema: {
          tags,
          summary: 'Replies waiting for a person, oldest first, with the reason and how long each has waited',
          response: {
            200: z.object({
              replies: z.array(
                MessageView.extend({ candidateName: z.string().nullable(), waitingHours: z.number() }),
              ),
            }),
            ...errorResponses(401, 403),
          },
        },
      },
      async (request) => {
        const { workspaceId } = me(request);
        const now = Date.now();
        const replies = await store.messages.inbox(workspaceId);
        return {
          replies: await Promise.all(
            replies.map(async (m) => ({
              ...view(m),
              candidateName: m.candidateId === null ? null : (await store.candidates.get(m.candidateId)).name,
              waitingHours: Math.round(((now - Date.parse(m.createdAt)) / 3_600_000) * 10) / 10,
            })),
          ),
        };
      },
    );

    app.post(
      '/messages/:id/handled',
      {
        onRequest: requireRole(...RECRUITERS),
        schema: {
          tags,
          summary: 'Mark a reply as answered by a person (it leaves the inbox)',
          params: IdParams,
          response: { 200: MessageView, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => {
        const message = await scoped(request, 'message', request.params.id, (id) => store.messages.get(id));
        await store.messages.markHandled(message.id, me(request).id);
        return view(await store.messages.get(message.id));
      },
    );

    app.get(
      '/candidates/:id/messages',
      {
        onRequest: readableBy('candidate', ...HIRING_TEAM),
        schema: {
          tags,
          summary: "A candidate's messages both ways, oldest first, each with its status and reason",
          params: IdParams,
          response: { 200: z.object({ messages: z.array(MessageView) }), ...errorResponses(401, 404) },
        },
      },
      async (request) => {
        const candidate = await scoped(request, 'candidate', request.params.id, (id) =>
          store.candidates.get(id),
        );
        return { messages: (await store.messages.timeline(candidate.id)).map(view) };
      },
    );

    for (const [path, paused] of [
      ['/agent/pause', true],
      ['/agent/resume', false],
    ] as const) {
      app.post(
        path,
        {
          onRequest: requireRole(...RECRUITERS),
          schema: {
            tags,
            summary: paused
              ? 'Pause the agent for a candidate or a job (queued messages wait)'
              : 'Resume the agent for a candidate or a job',
            body: PauseBody,
            response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
          },
        },
        async (request, reply) => {
          const user = me(request);
          const { candidateId, jobId } = request.body;
          const subjectType = candidateId === undefined ? 'job' : 'candidate';
          const subjectId = candidateId ?? jobId ?? '';
          if (subjectType === 'candidate')
            await scoped(request, 'candidate', subjectId, (id) => store.candidates.get(id));
          else await scoped(request, 'job', subjectId, (id) => store.jobs.get(id));
          if (paused)
            await store.messages.pause({
              workspaceId: user.workspaceId,
              subjectType,
              subjectId,
              userId: user.id,
            });
          else await store.messages.resume(subjectType, subjectId);
          return reply.code(204).send(null);
        },
      );
    }

    app.get(
      '/agent/status',
      {
        onRequest: requireRole(...RECRUITERS),
        schema: {
          tags,
          summary: "The agent's channels and the workspace's messages by status",
          response: {
            200: z.object({
              channels: z.object({ email: z.boolean(), sms: z.boolean(), inboundEmail: z.boolean() }),
              messages: z.record(z.string(), z.number()),
            }),
            ...errorResponses(401, 403),
          },
        },
      },
      async (request) => ({
        channels: {
          email: (config.agent?.smtp ?? null) !== null,
          sms: (config.agent?.sms ?? null) !== null,
          inboundEmail: (config.agent?.inboundEmailSecret ?? null) !== null,
        },
        messages: await store.messages.countByStatus(me(request).workspaceId),
      }),
    );
    return Promise.resolve();
  };
}
