/**
 * Pre-interview reminders (issue 14, flow 1): queued when an interview is booked, due a set time
 * before it (CANDOR_AGENT_REMINDERS, default 24 h and 2 h), with the time in the candidate's own
 * zone, where to join and device tips. One per (candidate, interview version, offset): a
 * reschedule cancels the queued ones and queues new ones under the new SEQUENCE.
 */
import type { CandidateRecord, Store } from '../store/index.js';
import { chooseChannel } from './channel.js';
import { nowOf, type SchedulingContext } from './scheduling-context.js';
import { DEVICE_TIPS } from './templates-scheduling.js';
import { renderWorkspaceMessage } from './workspace-templates.js';

/** `24h`, `2h`, `90m`: how an offset reads in a step key. */
export function offsetName(ms: number): string {
  return ms % 3_600_000 === 0 ? `${ms / 3_600_000}h` : `${Math.round(ms / 60_000)}m`;
}

/** "24 hours", "2 hours", "90 minutes". */
export function inWords(ms: number): string {
  if (ms % 3_600_000 === 0) {
    const hours = ms / 3_600_000;
    return hours === 1 ? '1 hour' : `${hours} hours`;
  }
  const minutes = Math.round(ms / 60_000);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/**
 * Queues the reminders of an interview version; an offset already past is skipped.
 * @returns how many were queued
 */
export async function queueReminders(
  store: Store,
  ctx: SchedulingContext,
  input: {
    candidate: CandidateRecord;
    applicationId: string;
    uid: string;
    sequence: number;
    start: Date;
    candidateTimeZone: string;
    /** firstName, jobTitle, organisation, when, interviewers, location. */
    values: Readonly<Record<string, string>>;
  },
): Promise<number> {
  const { candidate } = input;
  const channel = chooseChannel(candidate, await store.messages.timeline(candidate.id));
  if (channel === null) return 0;
  const now = nowOf(ctx).getTime();
  let queued = 0;
  for (const offset of ctx.reminderOffsetsMs) {
    const due = input.start.getTime() - offset;
    if (due <= now) continue;
    const { subject, body } = await renderWorkspaceMessage(
      store,
      candidate.workspaceId,
      'reminder',
      channel,
      {
        ...input.values,
        inHowLong: inWords(offset),
        deviceTips: DEVICE_TIPS,
      },
    );
    const { created } = await store.messages.enqueue({
      workspaceId: candidate.workspaceId,
      candidateId: candidate.id,
      applicationId: input.applicationId,
      flow: 'reminder',
      step: `${input.uid}:${input.sequence}:${offsetName(offset)}`,
      channel,
      toAddress: (channel === 'email' ? candidate.email : candidate.phone) ?? '',
      subject,
      body,
      dueAt: new Date(due).toISOString(),
    });
    if (created) queued += 1;
  }
  return queued;
}

/** Cancels every queued reminder of an interview (all its versions); returns how many. */
export function cancelReminders(
  store: Store,
  candidateId: string,
  uid: string,
  note: string,
): Promise<number> {
  return store.messages.cancelQueuedSteps(candidateId, 'reminder', `${uid}:`, note);
}
