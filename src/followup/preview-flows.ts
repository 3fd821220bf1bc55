/**
 * Preview values of the flows beyond invitation and confirmation (status update, nurture, the
 * decline's parts, pulse, micro-task, scheduling, the calendar messages, reminders): each is filled
 * from the candidate's real records (their scorecard's strength, their open proposal, their booked
 * interview, their micro-task), or refused with an error that names what the candidate lacks
 * ("no booked interview for Ana Díaz"). Values known only when the message goes (a private link's
 * token, a cancellation's reason, the answer a pulse could not read) are shown as ‹placeholders›.
 */
import { CandorError } from '../core/index.js';
import type { BookingRecord, CandidateApplicationRecord } from '../store/index.js';
import { ROUND_NAMES } from './cadence.js';
import { latestScorecardBody, listOf, stepReached, strengthsOf, suggestRoles } from './decline.js';
import type { PreviewContext } from './preview.js';
import { inWords } from './reminders.js';
import { LOCATION_TO_FOLLOW } from './scheduling-calendar.js';
import { currentInterview, OPENINGS } from './scheduling.js';
import { slotLabel } from '../scheduling/slots.js';
import { DEVICE_TIPS } from './templates-scheduling.js';
import { longDate } from './templates.js';
import type { TemplateValues } from './workspace-templates.js';

/** The first reminder the agent sends by default (CANDOR_AGENT_REMINDERS), for the preview. */
const PREVIEW_REMINDER_MS = 24 * 3_600_000;

function lacking(ctx: PreviewContext, what: string, flow: string): CandorError {
  return new CandorError(
    'VALIDATION_FAILED',
    `no ${what} for ${ctx.candidate.name}: nothing to preview for ${flow}`,
    {
      candidateId: ctx.candidate.id,
      flow,
    },
  );
}

function applicationOf(ctx: PreviewContext, flow: string): CandidateApplicationRecord {
  if (ctx.application === null) throw lacking(ctx, 'application to a job', flow);
  return ctx.application;
}

/** The decline's strength from the candidate's newest scorecard, or none. */
async function strengthOf(ctx: PreviewContext, flow: string) {
  const body = await latestScorecardBody(ctx.store, applicationOf(ctx, flow).id);
  return strengthsOf(body);
}

/** The booked interview's values (when, how long, with whom, where), as the calendar flows fill them. */
async function interviewValues(ctx: PreviewContext, flow: string): Promise<Record<string, string>> {
  const application = applicationOf(ctx, flow);
  const bookings: BookingRecord[] = await currentInterview(ctx.store, application.id);
  const first = bookings[0];
  if (first === undefined) throw lacking(ctx, 'booked interview', flow);
  const [users, proposals] = await Promise.all([
    ctx.store.users.getMany(
      ctx.candidate.workspaceId,
      bookings.map((b) => b.interviewerId),
    ),
    ctx.store.scheduling.listProposals(application.id),
  ]);
  const proposal = proposals.find((p) => p.bookedUid === first.uid) ?? null;
  const zone = proposal?.candidateTimeZone ?? ctx.candidate.timeZone ?? 'UTC';
  const names = bookings.flatMap((b) => users.get(b.interviewerId)?.name ?? []).join(', ') || 'our team';
  return {
    when: slotLabel(new Date(first.startsAt), zone),
    durationMinutes: String(Math.round((Date.parse(first.endsAt) - Date.parse(first.startsAt)) / 60_000)),
    interviewers: names,
    location: proposal?.location ?? LOCATION_TO_FOLLOW,
  };
}

/** How each of these flows fills its own variables for a candidate (see `FLOW_PREVIEW_VALUES`). */
export const MORE_FLOW_PREVIEW_VALUES: Record<string, (ctx: PreviewContext) => Promise<TemplateValues>> = {
  status_update: (ctx) => {
    applicationOf(ctx, 'status_update');
    return Promise.resolve({});
  },
  nurture: (ctx) => {
    applicationOf(ctx, 'nurture');
    return Promise.resolve({});
  },
  decline: async (ctx) => {
    const application = applicationOf(ctx, 'decline');
    return {
      stepReached: await stepReached(ctx.store, await ctx.store.applications.get(application.id), null),
    };
  },
  decline_strength: async (ctx) => {
    const strength = (await strengthOf(ctx, 'decline_strength'))[0];
    if (strength === undefined)
      throw lacking(
        ctx,
        'strength in the scorecard evidence (the decline says nothing of strengths)',
        'decline_strength',
      );
    return { competency: strength.competency.toLowerCase(), quote: strength.quote };
  },
  decline_roles: async (ctx) => {
    const strengths = await strengthOf(ctx, 'decline_roles');
    const roles = await suggestRoles(ctx.store, {
      workspaceId: ctx.candidate.workspaceId,
      candidateId: ctx.candidate.id,
      strengthIds: strengths.map((s) => s.competencyId),
    });
    if (roles.length === 0)
      throw lacking(
        ctx,
        'other role that fits the strengths in the evidence (the decline names none)',
        'decline_roles',
      );
    return { roles: listOf(roles) };
  },
  decline_events: async (ctx) => {
    const { eventsLine } = await ctx.store.workspaces.settings(ctx.candidate.workspaceId);
    if (eventsLine === null)
      throw new CandorError(
        'VALIDATION_FAILED',
        'the workspace has no events line (Admin → Settings): the decline leaves this paragraph out',
        { flow: 'decline_events' },
      );
    return { eventsLine };
  },
  pulse: async (ctx) => {
    const application = applicationOf(ctx, 'pulse');
    const booked = (await ctx.store.bookings.listByApplication(application.id)).some(
      (b) => b.status === 'confirmed' && Date.parse(b.endsAt) <= Date.now(),
    );
    if (booked) return { roundName: ROUND_NAMES.scheduled_interview };
    if (ctx.invitation?.completedAt) return { roundName: ROUND_NAMES.online_interview };
    throw lacking(ctx, 'round ended (an interview completed or held)', 'pulse');
  },
  pulse_again: () => Promise.resolve({ answer: '‹the answer that could not be read›' }),
  micro_task: async (ctx) => {
    const task =
      ctx.invitation === null ? null : await ctx.store.microTasks.findByInvitation(ctx.invitation.id);
    if (task === null) throw lacking(ctx, 'micro-task', 'micro_task');
    return {
      competencyName: task.competencyName,
      question: task.questionText,
      deadline: longDate(task.expiresAt),
      link: `${ctx.publicUrl}/take/‹the candidate's private link›`,
    };
  },
  scheduling: async (ctx) => {
    const application = applicationOf(ctx, 'scheduling');
    const proposal = await ctx.store.scheduling.openProposal(application.id);
    if (proposal === null) throw lacking(ctx, 'open scheduling proposal (propose times first)', 'scheduling');
    const intro = OPENINGS[proposal.reschedulesUid === null ? 'first' : 'reschedule']
      .replace('{{minutes}}', String(proposal.durationMinutes))
      .replace('{{job}}', application.jobTitle);
    return {
      intro: intro.charAt(0).toUpperCase() + intro.slice(1),
      slotList: proposal.slots.map((s, i) => `${i + 1}. ${s.label}`).join('\n'),
      link: `${ctx.publicUrl}/schedule/‹the candidate's private link›`,
      timeZone: proposal.candidateTimeZone,
    };
  },
  scheduling_booked: (ctx) => interviewValues(ctx, 'scheduling_booked'),
  scheduling_moved: (ctx) => interviewValues(ctx, 'scheduling_moved'),
  scheduling_cancelled: async (ctx) => ({
    ...(await interviewValues(ctx, 'scheduling_cancelled')),
    reason: '‹the reason given when cancelling›',
  }),
  reminder: async (ctx) => ({
    ...(await interviewValues(ctx, 'reminder')),
    inHowLong: inWords(PREVIEW_REMINDER_MS),
    deviceTips: DEVICE_TIPS,
  }),
};
