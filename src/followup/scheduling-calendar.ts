/**
 * The calendar side of a booked interview: the invitation (ICS REQUEST) to the candidate by
 * e-mail and into each interviewer's CalDAV calendar, the update after a reschedule (same UID,
 * higher SEQUENCE), and the cancellation (METHOD:CANCEL). Reminders follow the booking.
 */
import { isCandorError } from '../core/index.js';
import { cancelIcs, requestIcs, slotLabel, type Invitation } from '../scheduling/index.js';
import type {
  BookingRecord,
  CandidateRecord,
  MessageAttachment,
  MessageRecord,
  ProposalRecord,
  Store,
} from '../store/index.js';
import { chooseChannel } from './channel.js';
import { cancelReminders, queueReminders } from './reminders.js';
import { calendarClient, nowOf, type SchedulingContext } from './scheduling-context.js';
import { firstName } from './templates.js';
import { renderWorkspaceMessage } from './workspace-templates.js';

/** Shown when the recruiter gave no video link or address. */
export const LOCATION_TO_FOLLOW =
  'to be confirmed: we will send you the link or address before the interview';

export interface CalendarOutcome {
  /** The message to the candidate (with the ICS on e-mail), or null when they have no channel. */
  readonly message: MessageRecord | null;
  /** Interviewers' calendars that could not be written, each with the reason. */
  readonly calendarErrors: readonly string[];
}

interface Interview {
  readonly invitation: Invitation;
  readonly candidate: CandidateRecord;
  readonly values: Record<string, string>;
  readonly candidateTimeZone: string;
}

async function describeInterview(
  store: Store,
  ctx: SchedulingContext,
  bookings: readonly BookingRecord[],
  proposal: ProposalRecord | null,
): Promise<Interview> {
  const first = bookings[0];
  if (first === undefined) throw new Error('describeInterview: no booking');
  const application = await store.applications.get(first.applicationId);
  const candidate = await store.candidates.get(application.candidateId);
  const [job, workspace, users] = await Promise.all([
    store.jobs.get(application.jobId),
    store.workspaces.get(candidate.workspaceId),
    store.users.getMany(
      candidate.workspaceId,
      bookings.map((b) => b.interviewerId),
    ),
  ]);
  const interviewers = bookings.flatMap((b) => {
    const user = users.get(b.interviewerId);
    return user === undefined ? [] : [{ name: user.name, email: user.email }];
  });
  const start = new Date(first.startsAt);
  const end = new Date(first.endsAt);
  const minutes = Math.round((end.getTime() - start.getTime()) / 60_000);
  const names = interviewers.map((i) => i.name).join(', ') || 'our team';
  const location = proposal?.location ?? null;
  const candidateTimeZone = proposal?.candidateTimeZone ?? candidate.timeZone ?? ctx.defaultTimeZone;
  const invitation: Invitation = {
    uid: first.uid,
    sequence: first.sequence,
    start,
    end,
    timeZone: first.timeZone,
    summary: `Interview for ${job.title} at ${workspace.name}`,
    description: `A ${minutes}-minute interview with ${names}.${location === null ? '' : `\nWhere: ${location}`}`,
    link: location !== null && /^https?:\/\//.test(location) ? location : undefined,
    organizer: ctx.organizer,
    candidate: { name: candidate.name, email: candidate.email ?? `${candidate.id}@candidates.invalid` },
    interviewers,
  };
  return {
    invitation,
    candidate,
    candidateTimeZone,
    values: {
      firstName: firstName(candidate.name),
      jobTitle: job.title,
      organisation: workspace.name,
      when: slotLabel(start, candidateTimeZone),
      durationMinutes: String(minutes),
      interviewers: names,
      location: location ?? LOCATION_TO_FOLLOW,
    },
  };
}

/** PUTs the event into each interviewer's calendar; returns what could not be written. */
async function writeCalendars(
  store: Store,
  ctx: SchedulingContext,
  bookings: readonly BookingRecord[],
  ics: string,
): Promise<string[]> {
  const errors: string[] = [];
  for (const booking of bookings) {
    try {
      const client = calendarClient(ctx, await store.scheduling.getCalendar(booking.interviewerId));
      if (client === null) continue;
      const stored = await client.putEvent(booking.uid, ics);
      await store.bookings.setCaldavHref(booking.id, stored.href);
    } catch (error) {
      if (!isCandorError(error)) throw error;
      errors.push(`the calendar of interviewer ${booking.interviewerId} was not updated: ${error.message}`);
    }
  }
  return errors;
}

async function queueCalendarMessage(
  store: Store,
  interview: Interview,
  input: {
    template: string;
    step: string;
    method: 'REQUEST' | 'CANCEL';
    ics: string;
    extra?: Record<string, string>;
  },
  applicationId: string,
): Promise<MessageRecord | null> {
  const { candidate } = interview;
  const channel = chooseChannel(candidate, await store.messages.timeline(candidate.id));
  if (channel === null) return null;
  const { subject, body } = await renderWorkspaceMessage(
    store,
    candidate.workspaceId,
    input.template,
    channel,
    {
      ...interview.values,
      ...input.extra,
    },
  );
  const attachments: MessageAttachment[] =
    channel === 'email'
      ? [
          {
            filename: 'interview.ics',
            contentType: 'text/calendar',
            method: input.method,
            content: input.ics,
          },
        ]
      : [];
  const { message } = await store.messages.enqueue({
    workspaceId: candidate.workspaceId,
    candidateId: candidate.id,
    applicationId,
    flow: 'calendar',
    step: input.step,
    channel,
    toAddress: (channel === 'email' ? candidate.email : candidate.phone) ?? '',
    subject,
    body,
    attachments,
  });
  return message;
}

/**
 * Sends the invitation of a just-confirmed booking (a reschedule: the update, same UID, its higher
 * SEQUENCE) and replaces the interview's queued reminders with new ones.
 */
export async function sendInvitation(
  store: Store,
  ctx: SchedulingContext,
  input: { proposal: ProposalRecord; bookings: readonly BookingRecord[] },
): Promise<CalendarOutcome> {
  const interview = await describeInterview(store, ctx, input.bookings, input.proposal);
  const { invitation } = interview;
  const ics = requestIcs(invitation, { stamp: nowOf(ctx) });
  const calendarErrors = await writeCalendars(store, ctx, input.bookings, ics);
  const message = await queueCalendarMessage(
    store,
    interview,
    {
      template: input.proposal.reschedulesUid === null ? 'scheduling_booked' : 'scheduling_moved',
      step: `request:${invitation.uid}:${invitation.sequence}`,
      method: 'REQUEST',
      ics,
    },
    input.proposal.applicationId,
  );
  await cancelReminders(
    store,
    interview.candidate.id,
    invitation.uid,
    'the interview moved; new reminders are queued',
  );
  await queueReminders(store, ctx, {
    candidate: interview.candidate,
    applicationId: input.proposal.applicationId,
    uid: invitation.uid,
    sequence: invitation.sequence,
    start: invitation.start,
    candidateTimeZone: interview.candidateTimeZone,
    values: interview.values,
  });
  return { message, calendarErrors };
}

/**
 * Cancels an application's booked interview: the bookings become `cancelled` (SEQUENCE + 1), the
 * candidate gets METHOD:CANCEL, each interviewer's stored event is marked CANCELLED, queued
 * reminders are cancelled, and an open proposal is closed.
 * @returns null when the application has no booked interview
 */
export async function cancelInterview(
  store: Store,
  ctx: SchedulingContext,
  applicationId: string,
  reason: string,
): Promise<(CalendarOutcome & { readonly bookings: readonly BookingRecord[] }) | null> {
  const proposals = await store.scheduling.listProposals(applicationId);
  for (const open of proposals.filter((p) => p.status === 'open')) {
    await store.scheduling.closeProposal(open.id, 'cancelled');
  }
  const all = await store.bookings.listByApplication(applicationId);
  const confirmed = all.filter((b) => b.status === 'confirmed');
  const newest = confirmed.at(-1);
  if (newest === undefined) return null;
  const bookings: BookingRecord[] = [];
  for (const booking of all.filter(
    (b) => b.uid === newest.uid && ['tentative', 'confirmed'].includes(b.status),
  )) {
    const done = await store.bookings.cancel(booking.id);
    if (booking.status === 'confirmed') bookings.push(done);
  }
  const proposal = proposals.filter((p) => p.bookedUid === newest.uid).at(-1) ?? null;
  const interview = await describeInterview(store, ctx, bookings, proposal);
  const ics = cancelIcs(interview.invitation, { stamp: nowOf(ctx) });
  const calendarErrors = await writeCalendars(store, ctx, bookings, ics);
  const message = await queueCalendarMessage(
    store,
    interview,
    {
      template: 'scheduling_cancelled',
      step: `cancel:${interview.invitation.uid}:${interview.invitation.sequence}`,
      method: 'CANCEL',
      ics,
      extra: { reason },
    },
    applicationId,
  );
  await cancelReminders(
    store,
    interview.candidate.id,
    interview.invitation.uid,
    'the interview was cancelled',
  );
  return { message, calendarErrors, bookings };
}
