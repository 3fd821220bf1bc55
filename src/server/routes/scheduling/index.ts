/**
 * Scheduling over HTTP (issue 14, flow 4): recruiters set each interviewer's calendar (CalDAV
 * address and credentials, working hours, zone, daily cap), start scheduling for an application
 * (slots proposed to the candidate), see its proposals and bookings, and cancel the interview;
 * candidates pick a slot by link (`/schedule/<token>`, no account; only the token's hash is stored).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CandorError, isCandorError } from '../../../core/index.js';
import { bookSlot, DEFAULT_DAILY_CAP, startScheduling } from '../../../followup/scheduling.js';
import { cancelInterview } from '../../../followup/scheduling-calendar.js';
import {
  CALDAV_PASSWORD,
  nowOf,
  schedulingContextFor,
  type SchedulingContext,
} from '../../../followup/scheduling-context.js';
import { describeBooking } from '../../../followup/scheduling-replies.js';
import { hashLinkToken, looksLikeLinkToken } from '../../../invitations/link-token.js';
import { loadAgentConfig } from '../../../messaging/config.js';
import { createCalDavClient } from '../../../scheduling/index.js';
import { openSecret, sealSecret } from '../../../scheduling/secret-box.js';
import type { BookingRecord, InterviewerCalendarRecord, ProposalRecord } from '../../../store/index.js';
import { requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { me, scoped } from '../../scope.js';
import { errorResponses, Id, IdParams, RECRUITERS } from '../hiring/schemas.js';
import { readableBy } from '../record-access.js';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a local time HH:mm, e.g. 09:00');
const Zone = z.string().refine(validZone, { message: 'not an IANA time zone, e.g. Europe/London' });

const CalendarBody = z
  .object({
    /** The CalDAV calendar collection; null or absent: working hours and Candor's bookings only. */
    caldavUrl: z
      .string()
      .max(2000)
      .refine((url) => /^https?:\/\/[^/\s]+/.test(url) && URL.canParse(url), {
        message: 'not an http(s) URL of a CalDAV calendar, e.g. https://cal.example.org/dana/interviews/',
      })
      .nullable()
      .optional(),
    username: z.string().min(1).max(200).nullable().optional(),
    /** Stored sealed (AES-256-GCM under the server secret); never shown again. Absent: keep the stored one. */
    password: z.string().min(1).max(500).nullable().optional(),
    timeZone: Zone,
    workingHours: z
      .object({
        days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
        start: HHMM,
        end: HHMM,
      })
      .refine((h) => h.start < h.end, { message: 'start must be before end', path: ['end'] })
      .optional(),
    dailyCap: z.number().int().min(1).max(24).optional(),
    /** Read the calendar once before saving (default true): a wrong URL or password is a 400 now, not a 502 later. */
    verify: z.boolean().optional(),
  })
  .strict();

const CalendarView = z
  .object({
    userId: z.string(),
    caldavUrl: z.string().nullable(),
    username: z.string().nullable(),
    hasPassword: z.boolean(),
    timeZone: z.string(),
    workingHours: z.object({ days: z.array(z.number()), start: z.string(), end: z.string() }),
    dailyCap: z.number(),
    /** null: nothing set yet; the defaults shown are in use. */
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'InterviewerCalendar' });

const StartBody = z
  .object({
    interviewerIds: z.array(Id).min(1).max(10),
    durationMinutes: z.number().int().min(10).max(480),
    horizonDays: z.number().int().min(1).max(90).optional(),
    count: z.number().int().min(1).max(9).optional(),
    minNoticeHours: z
      .number()
      .min(0)
      .max(24 * 30)
      .optional(),
    location: z.string().min(1).max(500).optional(),
  })
  .strict();

const SlotView = z.object({ number: z.number(), start: z.string(), end: z.string(), label: z.string() });
const ProposalView = z
  .object({
    id: z.string(),
    applicationId: z.string(),
    status: z.string(),
    slots: z.array(SlotView),
    interviewerIds: z.array(z.string()),
    durationMinutes: z.number(),
    candidateTimeZone: z.string(),
    location: z.string().nullable(),
    reschedulesUid: z.string().nullable(),
    bookedUid: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'SchedulingProposal' });
const BookingView = z
  .object({
    id: z.string(),
    interviewerId: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    timeZone: z.string(),
    status: z.string(),
    sequence: z.number(),
    uid: z.string(),
  })
  .meta({ id: 'InterviewBooking' });

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

function calendarView(c: InterviewerCalendarRecord): z.infer<typeof CalendarView> {
  return {
    userId: c.userId,
    caldavUrl: c.caldavUrl,
    username: c.caldavUsername,
    hasPassword: c.caldavPasswordSealed !== null,
    timeZone: c.timeZone,
    workingHours: { days: [...c.workingDays], start: c.workStart, end: c.workEnd },
    dailyCap: c.dailyCap,
    updatedAt: c.updatedAt,
  };
}

function proposalView(p: ProposalRecord): z.infer<typeof ProposalView> {
  return {
    id: p.id,
    applicationId: p.applicationId,
    status: p.status,
    slots: p.slots.map((s, i) => ({ number: i + 1, start: s.start, end: s.end, label: s.label })),
    interviewerIds: [...p.interviewerIds],
    durationMinutes: p.durationMinutes,
    candidateTimeZone: p.candidateTimeZone,
    location: p.location,
    reschedulesUid: p.reschedulesUid,
    bookedUid: p.bookedUid,
    createdAt: p.createdAt,
  };
}

function bookingView(b: BookingRecord): z.infer<typeof BookingView> {
  const { id, interviewerId, startsAt, endsAt, timeZone, status, sequence, uid } = b;
  return { id, interviewerId, startsAt, endsAt, timeZone, status, sequence, uid };
}

/** Reads an hour of the calendar; any failure is a 400 on `caldavUrl` with the server's answer. */
async function verifyCalendar(
  url: string,
  username: string | null,
  password: string | null,
  sealed: string | null,
  secret: string,
): Promise<void> {
  const client = createCalDavClient({
    calendarUrl: url,
    username: username ?? undefined,
    password: password ?? (sealed === null ? undefined : openSecret(secret, CALDAV_PASSWORD, sealed)),
    timeoutMs: 5000,
  });
  const now = new Date();
  try {
    await client.busy({ start: now, end: new Date(now.getTime() + 3_600_000) });
  } catch (error) {
    if (!isCandorError(error) || error.code !== 'CALENDAR_UNAVAILABLE') throw error;
    throw new CandorError(
      'VALIDATION_FAILED',
      `body.caldavUrl: the calendar could not be read (${error.message})`,
      {
        in: 'body',
        field: 'caldavUrl',
      },
    );
  }
}

/** @example await api.register(schedulingRoutes({ store, config })) */
export function schedulingRoutes({ store, config }: RouteDeps): FastifyPluginAsyncZod {
  const tags = ['scheduling'];
  const context = (): SchedulingContext =>
    schedulingContextFor(
      config.agent ?? loadAgentConfig({}, `http://${config.host}:${config.port}`),
      config.secret,
    );
  /** The application, if it belongs to the caller's workspace (else 404 as if unknown). */
  const application = async (request: Parameters<typeof me>[0], id: string) => {
    const app = await store.applications.get(id);
    await scoped(request, 'application', id, async () => store.candidates.get(app.candidateId));
    return app;
  };

  return (app) => {
    app.get(
      '/users/:id/calendar',
      {
        onRequest: readableBy('user', ...RECRUITERS),
        schema: {
          tags,
          summary:
            "An interviewer's calendar settings (never the CalDAV password); the defaults when none are set",
          params: IdParams,
          response: { 200: CalendarView, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => {
        const user = await scoped(request, 'user', request.params.id, (id) => store.users.get(id));
        const calendar = await store.scheduling.getCalendar(user.id);
        if (calendar !== null) return calendarView(calendar);
        return {
          userId: user.id,
          caldavUrl: null,
          username: null,
          hasPassword: false,
          timeZone: context().defaultTimeZone,
          workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
          dailyCap: DEFAULT_DAILY_CAP,
          updatedAt: null,
        };
      },
    );

    app.put(
      '/users/:id/calendar',
      {
        onRequest: requireRole(...RECRUITERS),
        schema: {
          tags,
          summary:
            "Set an interviewer's CalDAV calendar, working hours, time zone and daily cap of interviews",
          description:
            'The password is sealed with AES-256-GCM under the server secret (CANDOR_SECRET) and never returned; leave it out to keep the stored one. Defaults: Monday–Friday 09:00–17:00, 4 interviews a day.',
          params: IdParams,
          body: CalendarBody,
          response: { 200: CalendarView, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const user = await scoped(request, 'user', request.params.id, (id) => store.users.get(id));
        const body = request.body;
        const before = await store.scheduling.getCalendar(user.id);
        const caldavUrl = body.caldavUrl === undefined ? (before?.caldavUrl ?? null) : body.caldavUrl;
        const sealed =
          body.password === undefined
            ? (before?.caldavPasswordSealed ?? null)
            : body.password === null
              ? null
              : sealSecret(config.secret, CALDAV_PASSWORD, body.password);
        const hours = body.workingHours;
        const username = body.username === undefined ? (before?.caldavUsername ?? null) : body.username;
        if (caldavUrl !== null && body.verify !== false) {
          await verifyCalendar(caldavUrl, username, body.password ?? null, sealed, config.secret);
        }
        const saved = await store.scheduling.setCalendar({
          userId: user.id,
          workspaceId: user.workspaceId,
          caldavUrl,
          caldavUsername: username,
          caldavPasswordSealed: caldavUrl === null ? null : sealed,
          timeZone: body.timeZone,
          workingDays: hours?.days ?? before?.workingDays ?? [1, 2, 3, 4, 5],
          workStart: hours?.start ?? before?.workStart ?? '09:00',
          workEnd: hours?.end ?? before?.workEnd ?? '17:00',
          dailyCap: body.dailyCap ?? before?.dailyCap ?? 4,
          updatedBy: me(request).id,
        });
        return calendarView(saved);
      },
    );

    app.post(
      '/applications/:id/scheduling',
      {
        onRequest: requireRole(...RECRUITERS),
        schema: {
          tags,
          summary:
            'Propose interview times to the candidate (from the interviewers’ free time) and send them',
          description:
            'Slots fit every interviewer\'s working hours, miss their CalDAV busy time and Candor\'s bookings, and keep each under their daily cap; they are numbered in the candidate\'s zone. The candidate answers by reply ("2", "Tuesday at 3 works") or by the link. 409 with reason `no-free-slots` when nothing fits; 502 when a calendar cannot be read.',
          params: IdParams,
          body: StartBody,
          response: {
            201: z.object({
              proposal: ProposalView,
              message: z.object({ id: z.string(), channel: z.string(), status: z.string() }).nullable(),
              link: z.string(),
            }),
            ...errorResponses(400, 401, 403, 404, 409, 502),
          },
        },
      },
      async (request, reply) => {
        const found = await application(request, request.params.id);
        const ctx = context();
        const started = await startScheduling(store, ctx, {
          applicationId: found.id,
          ...request.body,
          createdBy: me(request).id,
        });
        const { message } = started;
        return reply.code(201).send({
          proposal: proposalView(started.proposal),
          message:
            message === null ? null : { id: message.id, channel: message.channel, status: message.status },
          link: `${ctx.publicUrl}${started.linkPath}`,
        });
      },
    );

    app.get(
      '/applications/:id/scheduling',
      {
        onRequest: readableBy('application', ...RECRUITERS),
        schema: {
          tags,
          summary: "An application's slot proposals and bookings, oldest first",
          params: IdParams,
          response: {
            200: z.object({ proposals: z.array(ProposalView), bookings: z.array(BookingView) }),
            ...errorResponses(401, 403, 404),
          },
        },
      },
      async (request) => {
        const found = await application(request, request.params.id);
        return {
          proposals: (await store.scheduling.listProposals(found.id)).map(proposalView),
          bookings: (await store.bookings.listByApplication(found.id)).map(bookingView),
        };
      },
    );

    app.post(
      '/applications/:id/scheduling/cancel',
      {
        onRequest: requireRole(...RECRUITERS),
        schema: {
          tags,
          summary:
            'Cancel the booked interview: METHOD:CANCEL to the candidate and the calendars, reminders cancelled',
          params: IdParams,
          body: z.object({ reason: z.string().min(1).max(500).optional() }).strict(),
          response: {
            200: z.object({ bookings: z.array(BookingView), calendarErrors: z.array(z.string()) }),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (request) => {
        const found = await application(request, request.params.id);
        const done = await cancelInterview(
          store,
          context(),
          found.id,
          request.body.reason ?? 'We are sorry for the change; we will be in touch about what comes next.',
        );
        if (done === null) {
          throw new CandorError('NOT_FOUND', `application ${found.id} has no booked interview`, {
            entity: 'booking',
            id: found.id,
          });
        }
        return { bookings: done.bookings.map(bookingView), calendarErrors: [...done.calendarErrors] };
      },
    );

    const open = async (token: string): Promise<ProposalRecord> => {
      const proposal = looksLikeLinkToken(token)
        ? await store.scheduling.proposalByTokenHash(hashLinkToken(token))
        : null;
      if (proposal === null) {
        throw new CandorError('NOT_FOUND', 'this scheduling link is not valid', {
          entity: 'proposal',
          id: 'token',
        });
      }
      return proposal;
    };
    const TokenParams = z.object({ token: z.string().min(1).max(100) });
    /** An open offer whose every time has started: nothing left to pick. */
    const expired = (proposal: ProposalRecord): boolean =>
      proposal.status === 'open' &&
      proposal.slots.every((s) => Date.parse(s.start) <= nowOf(context()).getTime());

    app.get(
      '/schedule/:token',
      {
        schema: {
          tags,
          summary:
            'The times offered to a candidate, by their scheduling link (no account); status open, booked, superseded, cancelled, or expired when every time has passed',
          security: [],
          params: TokenParams,
          response: {
            200: z.object({
              status: z.string(),
              firstName: z.string(),
              jobTitle: z.string(),
              organisation: z.string(),
              timeZone: z.string(),
              slots: z.array(z.object({ number: z.number(), label: z.string() })),
            }),
            ...errorResponses(404),
          },
        },
      },
      async (request) => {
        const proposal = await open(request.params.token);
        const candidate = await store.candidates.get(proposal.candidateId);
        const job = await store.jobs.get((await store.applications.get(proposal.applicationId)).jobId);
        const workspace = await store.workspaces.get(proposal.workspaceId);
        const stale = expired(proposal);
        return {
          status: stale ? 'expired' : proposal.status,
          firstName: candidate.name.trim().split(/\s+/)[0] ?? candidate.name,
          jobTitle: job.title,
          organisation: workspace.name,
          timeZone: proposal.candidateTimeZone,
          slots:
            proposal.status === 'open' && !stale
              ? proposal.slots.map((s, i) => ({ number: i + 1, label: s.label }))
              : [],
        };
      },
    );

    app.post(
      '/schedule/:token',
      {
        schema: {
          tags,
          summary: 'A candidate picks a time by link; booked at once, or new times when it was taken',
          security: [],
          params: TokenParams,
          body: z.object({ slot: z.number().int().min(1).max(20) }).strict(),
          response: {
            200: z.object({ status: z.enum(['booked', 'taken', 'closed']), message: z.string() }),
            ...errorResponses(400, 404, 409),
          },
        },
      },
      async (request) => {
        const proposal = await open(request.params.token);
        if (proposal.status !== 'open') {
          throw new CandorError('CONFLICT', `this link was already used (${proposal.status})`, {
            entity: 'proposal',
            status: proposal.status,
          });
        }
        if (expired(proposal)) {
          throw new CandorError('CONFLICT', 'this link has expired: every time it offered has passed', {
            entity: 'proposal',
            status: 'expired',
          });
        }
        const label = proposal.slots[request.body.slot - 1]?.label ?? '';
        const outcome = await bookSlot(store, context(), proposal.id, request.body.slot - 1);
        const described = describeBooking(outcome, label);
        const message =
          outcome.kind === 'booked'
            ? `You are booked: ${label}. The calendar invitation is on its way.`
            : outcome.kind === 'taken'
              ? outcome.next === null
                ? 'Sorry, that time was just taken; someone from our team will contact you with another.'
                : 'Sorry, that time was just taken. We have sent you new times.'
              : described.action;
        return { status: outcome.kind, message };
      },
    );
    return Promise.resolve();
  };
}
