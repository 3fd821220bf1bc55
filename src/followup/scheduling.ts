/**
 * Scheduling through the agent (issue 14, flow 4): propose slots from the interviewers' free time
 * (CalDAV and Candor's bookings, working hours, daily caps) in the candidate's zone and send them
 * numbered, with a pick-by-link; book the candidate's choice without double booking, re-checking
 * the calendars at that moment; when the time was taken meanwhile, propose again kindly.
 */
import { CandorError, isCandorError, newId } from '../core/index.js';
import { newLinkToken } from '../invitations/link-token.js';
import { bookingUid, overlaps, proposeSlots, type Interval } from '../scheduling/index.js';
import type { BookingRecord, MessageRecord, ProposalRecord, Store } from '../store/index.js';
import { chooseChannel } from './channel.js';
import { sendInvitation, type CalendarOutcome } from './scheduling-calendar.js';
import { availabilityOf, calendarClient, nowOf, type SchedulingContext } from './scheduling-context.js';
import { firstName } from './templates.js';
import { renderWorkspaceMessage } from './workspace-templates.js';

/** Most interviews per interviewer per local day when their calendar settings name none. */
export const DEFAULT_DAILY_CAP = 4;
const HOLDING = new Set(['tentative', 'confirmed']);

export interface StartSchedulingInput {
  readonly applicationId: string;
  /** Users of the application's workspace; all attend (a panel). */
  readonly interviewerIds: readonly string[];
  readonly durationMinutes: number;
  /** How far ahead to look, in days; default 14. */
  readonly horizonDays?: number;
  /** How many slots to offer; default 3. */
  readonly count?: number;
  /** Earliest start after now, in hours; default 24. */
  readonly minNoticeHours?: number;
  /** A video link or an address, shown in the invitation and reminders. */
  readonly location?: string | null;
  readonly createdBy?: string | null;
}

export interface StartedScheduling {
  readonly proposal: ProposalRecord;
  /** The queued proposal, or null when the candidate can be reached on no channel. */
  readonly message: MessageRecord | null;
  /** The pick-by-link path (`/schedule/<token>`); the token is stored only as its hash. */
  readonly linkPath: string;
}

export type Opening = 'first' | 'taken' | 'other-times' | 'reschedule';

/** The first line of a proposal, by why it is sent. */
export const OPENINGS: Record<Opening, string> = {
  first: 'we would like to invite you to a {{minutes}}-minute interview for {{job}}. These times are free:',
  taken:
    'sorry, the time you picked was taken a moment before your reply reached us. These times are still free:',
  'other-times': 'thanks for letting us know. Here are other times that are free:',
  reschedule:
    'of course, we can move your interview. These times are free; your current time stays booked until you pick a new one:',
};

/**
 * Proposes slots to the application's candidate and queues the message listing them.
 * @throws CandorError NOT_FOUND for an unknown application or interviewer (or one of another workspace)
 * @throws CandorError VALIDATION_FAILED for a duration or horizon out of range
 * @throws CandorError CONFLICT `{ reason: 'no-free-slots' }` when nothing fits in the horizon
 * @throws CandorError CALENDAR_UNAVAILABLE when an interviewer's CalDAV server cannot be read
 * @example await startScheduling(store, ctx, { applicationId, interviewerIds: [dana.id], durationMinutes: 45 })
 */
export async function startScheduling(
  store: Store,
  ctx: SchedulingContext,
  input: StartSchedulingInput,
  options: { opening?: Opening; reschedulesUid?: string | null; exclude?: readonly Interval[] } = {},
): Promise<StartedScheduling> {
  const horizonDays = input.horizonDays ?? 14;
  if (!(
    Number.isInteger(input.durationMinutes) &&
    input.durationMinutes >= 10 &&
    input.durationMinutes <= 480
  )) {
    throw new CandorError('VALIDATION_FAILED', 'durationMinutes: whole minutes from 10 to 480', {
      field: 'durationMinutes',
    });
  }
  if (!(Number.isInteger(horizonDays) && horizonDays >= 1 && horizonDays <= 90)) {
    throw new CandorError('VALIDATION_FAILED', 'horizonDays: whole days from 1 to 90', {
      field: 'horizonDays',
    });
  }
  if (input.interviewerIds.length === 0) {
    throw new CandorError('VALIDATION_FAILED', 'interviewerIds: name at least one interviewer', {
      field: 'interviewerIds',
    });
  }
  const application = await store.applications.get(input.applicationId);
  const candidate = await store.candidates.get(application.candidateId);
  const interviewers = await store.users.getMany(candidate.workspaceId, input.interviewerIds);
  for (const id of input.interviewerIds) {
    if (!interviewers.has(id)) {
      throw new CandorError('NOT_FOUND', `interviewer ${id} not found`, { entity: 'interviewer', id });
    }
  }
  const now = nowOf(ctx);
  const range = { start: now, end: new Date(now.getTime() + horizonDays * 86_400_000) };
  const availability = await Promise.all(
    input.interviewerIds.map((id) => availabilityOf(store, ctx, id, range, options.exclude ?? [])),
  );
  const candidateTimeZone = candidate.timeZone ?? ctx.defaultTimeZone;
  const slots = proposeSlots({
    interviewers: availability,
    durationMinutes: input.durationMinutes,
    candidateTimeZone,
    now,
    horizonDays,
    ...(input.count === undefined ? {} : { count: input.count }),
    ...(input.minNoticeHours === undefined ? {} : { minNoticeHours: input.minNoticeHours }),
  });
  if (slots.length === 0) {
    throw new CandorError(
      'CONFLICT',
      `no time in the next ${horizonDays} days fits every interviewer's working hours, calendar and daily cap`,
      { reason: 'no-free-slots', applicationId: application.id, interviewerIds: input.interviewerIds },
    );
  }
  const { token, hash } = newLinkToken();
  const proposal = await store.scheduling.createProposal({
    workspaceId: candidate.workspaceId,
    applicationId: application.id,
    candidateId: candidate.id,
    slots: slots.map((s) => ({
      start: s.start.toISOString(),
      end: s.end.toISOString(),
      interviewerIds: s.interviewerIds,
      label: s.label,
    })),
    interviewerIds: input.interviewerIds,
    durationMinutes: input.durationMinutes,
    horizonDays,
    candidateTimeZone,
    location: input.location ?? null,
    tokenHash: hash,
    reschedulesUid: options.reschedulesUid ?? null,
    createdBy: input.createdBy ?? null,
  });
  const linkPath = `/schedule/${token}`;
  const channel = chooseChannel(candidate, await store.messages.timeline(candidate.id));
  if (channel === null) return { proposal, message: null, linkPath };
  const [job, workspace] = await Promise.all([
    store.jobs.get(application.jobId),
    store.workspaces.get(candidate.workspaceId),
  ]);
  const intro = OPENINGS[options.opening ?? 'first']
    .replace('{{minutes}}', String(input.durationMinutes))
    .replace('{{job}}', job.title);
  const separator = channel === 'sms' ? ' ' : '\n';
  const { subject, body } = await renderWorkspaceMessage(
    store,
    candidate.workspaceId,
    'scheduling',
    channel,
    {
      firstName: firstName(candidate.name),
      jobTitle: job.title,
      organisation: workspace.name,
      intro: channel === 'sms' ? intro : intro.charAt(0).toUpperCase() + intro.slice(1),
      slotList: slots.map((s, i) => `${i + 1}. ${s.label}`).join(separator),
      link: `${ctx.publicUrl}${linkPath}`,
      timeZone: candidateTimeZone,
    },
  );
  const { message } = await store.messages.enqueue({
    workspaceId: candidate.workspaceId,
    candidateId: candidate.id,
    applicationId: application.id,
    flow: 'scheduling',
    step: `propose:${proposal.id}`,
    channel,
    toAddress: (channel === 'email' ? candidate.email : candidate.phone) ?? '',
    subject,
    body,
  });
  return { proposal, message, linkPath };
}

export type BookingOutcome =
  | ({ readonly kind: 'booked'; readonly bookings: readonly BookingRecord[] } & CalendarOutcome)
  /** The time was taken meanwhile; new times were proposed (or none fit: `next` is null). */
  | { readonly kind: 'taken'; readonly reason: string; readonly next: StartedScheduling | null }
  /** The proposal was no longer open (another reply or click booked it first). */
  | { readonly kind: 'closed'; readonly status: string };

/**
 * Books slot `index` (from 0) of an open proposal for every interviewer of the slot: re-reads
 * their calendars, books in the store (which refuses an overlap or a full day), confirms, sends
 * the invitation (ICS REQUEST, to the candidate by e-mail and PUT to each CalDAV calendar) and
 * queues the reminders. A reschedule releases the old time only as the new one is confirmed.
 * @throws CandorError VALIDATION_FAILED for an index outside the proposal
 */
export async function bookSlot(
  store: Store,
  ctx: SchedulingContext,
  proposalId: string,
  index: number,
): Promise<BookingOutcome> {
  const proposal = await store.scheduling.getProposal(proposalId);
  const slot = proposal.slots[index];
  if (slot === undefined) {
    throw new CandorError('VALIDATION_FAILED', `slot: choose 1 to ${proposal.slots.length}`, {
      field: 'slot',
      proposalId,
    });
  }
  // Claim the proposal first: two replies (or a reply and a click) book it once.
  if (!(await store.scheduling.closeProposal(proposal.id, 'superseded'))) {
    return { kind: 'closed', status: (await store.scheduling.getProposal(proposal.id)).status };
  }
  const time = { start: new Date(slot.start), end: new Date(slot.end) };
  const made: BookingRecord[] = [];
  try {
    for (const interviewerId of slot.interviewerIds) {
      const calendar = await store.scheduling.getCalendar(interviewerId);
      const client = calendarClient(ctx, calendar);
      if (client !== null && (await client.busy(time)).some((busy) => overlaps(busy, time))) {
        throw new CandorError('CONFLICT', `interviewer ${interviewerId}'s calendar is busy then now`, {
          reason: 'calendar-busy',
          interviewerId,
        });
      }
      const dailyCap = calendar?.dailyCap ?? DEFAULT_DAILY_CAP;
      const old = await heldBooking(store, proposal, interviewerId);
      const id = newId('bkg');
      made.push(
        old === null
          ? await store.bookings.book({
              id,
              uid: made[0]?.uid ?? bookingUid(id, new URL(ctx.publicUrl).hostname || 'candor'),
              workspaceId: proposal.workspaceId,
              applicationId: proposal.applicationId,
              interviewerId,
              startsAt: time.start,
              endsAt: time.end,
              timeZone: calendar?.timeZone ?? ctx.defaultTimeZone,
              dailyCap,
            })
          : await store.bookings.reschedule(old.id, { startsAt: time.start, endsAt: time.end, dailyCap }),
      );
    }
  } catch (error) {
    for (const booking of made) await store.bookings.release(booking.id);
    if (!isCandorError(error) || error.code !== 'CONFLICT') {
      // A calendar that cannot be read now: the offer stands for another try.
      await store.scheduling.reopenProposal(proposal.id);
      throw error;
    }
    const reason = `${slot.label} was taken meanwhile (${error.message})`;
    const next = await startScheduling(
      store,
      ctx,
      {
        applicationId: proposal.applicationId,
        interviewerIds: proposal.interviewerIds,
        durationMinutes: proposal.durationMinutes,
        horizonDays: proposal.horizonDays,
        location: proposal.location,
      },
      { opening: 'taken', reschedulesUid: proposal.reschedulesUid, exclude: [time] },
    ).catch((again: unknown) => {
      if (isCandorError(again) && again.code === 'CONFLICT') return null;
      throw again;
    });
    return { kind: 'taken', reason, next };
  }
  const confirmed: BookingRecord[] = [];
  for (const booking of made) confirmed.push(await store.bookings.confirm(booking.id));
  await store.scheduling.markBooked(proposal.id, confirmed[0]?.uid ?? '');
  const sent = await sendInvitation(store, ctx, { proposal, bookings: confirmed });
  return { kind: 'booked', bookings: confirmed, ...sent };
}

/** The booking an interviewer holds for the interview a reschedule proposal moves, if any. */
async function heldBooking(
  store: Store,
  proposal: ProposalRecord,
  interviewerId: string,
): Promise<BookingRecord | null> {
  if (proposal.reschedulesUid === null) return null;
  const bookings = await store.bookings.listByApplication(proposal.applicationId);
  return (
    bookings.find(
      (b) =>
        b.uid === proposal.reschedulesUid && b.interviewerId === interviewerId && b.status === 'confirmed',
    ) ?? null
  );
}

/** The application's booked interview: its confirmed bookings sharing the newest UID. */
export async function currentInterview(store: Store, applicationId: string): Promise<BookingRecord[]> {
  const held = (await store.bookings.listByApplication(applicationId)).filter((b) => HOLDING.has(b.status));
  const newest = held.filter((b) => b.status === 'confirmed').at(-1);
  return newest === undefined ? [] : held.filter((b) => b.uid === newest.uid && b.status === 'confirmed');
}
