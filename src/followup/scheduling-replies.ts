/**
 * A candidate's reply to scheduling: a choice among the open proposal's slots ("2", "the second
 * one", "Tuesday at 3 works") is booked; "none of these work" brings other times; a reschedule
 * request for a booked interview starts a new proposal (the old time stays booked until the new
 * one is confirmed). Whatever cannot be tied to exactly one slot goes to a person with the reason.
 */
import { parseSlotChoice } from '../scheduling/index.js';
import type { MessageRecord, NewInboundMessage, ProposalRecord, Store } from '../store/index.js';
import { bookSlot, currentInterview, startScheduling, type BookingOutcome } from './scheduling.js';
import { nowOf, type SchedulingContext } from './scheduling-context.js';

/** What to do with a reply: not a scheduling matter, hand it to a person, or act. */
export type SchedulingPlan =
  | null
  | { readonly kind: 'person'; readonly reason: string }
  | { readonly kind: 'act'; run(): Promise<{ action: string; problem: string | null }> };

const SCHEDULING_INTENTS = new Set(['slot_choice', 'confirmation', 'reschedule_request']);
/** Intents that may still be a choice when the reply names a slot ("Thu 15:00, thanks!"). */
const LOOSE_INTENTS = new Set(['other', 'thanks']);
/** What parseSlotChoice says when the reply names no number, day or time at all. */
const NOTHING_NAMED = 'no option number, day or time found in the reply';

/**
 * @example const plan = await planSchedulingReply(store, ctx, { applicationId, text: 'the second one', intent: 'slot_choice' })
 */
export async function planSchedulingReply(
  store: Store,
  ctx: SchedulingContext,
  reply: { applicationId: string; text: string; intent: string },
): Promise<SchedulingPlan> {
  const open = await store.scheduling.openProposal(reply.applicationId);
  if (open === null) return planWithoutProposal(store, ctx, reply);
  const slots = open.slots.map((s) => ({ start: new Date(s.start) }));
  const choice = parseSlotChoice(reply.text, slots, open.candidateTimeZone, nowOf(ctx));
  const namesSomething = !(choice.kind === 'unknown' && choice.reason === NOTHING_NAMED);
  if (!SCHEDULING_INTENTS.has(reply.intent) && !namesSomething) return null;
  // "I applied on Tuesday, any news?" names a day but chooses nothing.
  if (!SCHEDULING_INTENTS.has(reply.intent) && !LOOSE_INTENTS.has(reply.intent)) {
    return {
      kind: 'person',
      reason: `the reply reads as ${reply.intent.replace('_', ' ')} but names a day or time: a person should check which it is`,
    };
  }
  switch (choice.kind) {
    case 'chosen':
      return act(() => book(store, ctx, open, choice.index));
    case 'none':
      return act(() => otherTimes(store, ctx, open));
    case 'ambiguous':
      return { kind: 'person', reason: `the reply could mean more than one proposed time: ${choice.reason}` };
    case 'unknown':
      if (reply.intent === 'reschedule_request') return act(() => otherTimes(store, ctx, open));
      if (reply.intent === 'confirmation' && !namesSomething && open.slots.length === 1) {
        return act(() => book(store, ctx, open, 0));
      }
      return {
        kind: 'person',
        reason: `the reply could not be matched to a proposed time: ${choice.reason}`,
      };
  }
}

async function planWithoutProposal(
  store: Store,
  ctx: SchedulingContext,
  reply: { applicationId: string; intent: string },
): Promise<SchedulingPlan> {
  if (reply.intent !== 'reschedule_request') return null;
  const booked = await currentInterview(store, reply.applicationId);
  const first = booked[0];
  if (first === undefined) return null;
  const proposals = await store.scheduling.listProposals(reply.applicationId);
  const origin = proposals.filter((p) => p.bookedUid === first.uid).at(-1);
  const minutes = Math.round((Date.parse(first.endsAt) - Date.parse(first.startsAt)) / 60_000);
  return act(async () => {
    const next = await startScheduling(
      store,
      ctx,
      {
        applicationId: reply.applicationId,
        interviewerIds: booked.map((b) => b.interviewerId),
        durationMinutes: origin?.durationMinutes ?? minutes,
        horizonDays: origin?.horizonDays ?? 14,
        location: origin?.location ?? null,
      },
      { opening: 'reschedule', reschedulesUid: first.uid },
    );
    return {
      action: `new times proposed to move the interview (proposal ${next.proposal.id}); the current time stays booked until one is confirmed`,
      problem: null,
    };
  });
}

function act(run: () => Promise<{ action: string; problem: string | null }>): SchedulingPlan {
  return { kind: 'act', run };
}

async function book(
  store: Store,
  ctx: SchedulingContext,
  proposal: ProposalRecord,
  index: number,
): Promise<{ action: string; problem: string | null }> {
  return describeBooking(await bookSlot(store, ctx, proposal.id, index), proposal.slots[index]?.label ?? '');
}

/** What a booking attempt did, for the reply's record; `problem` puts the reply before a person. */
export function describeBooking(
  outcome: BookingOutcome,
  label: string,
): { action: string; problem: string | null } {
  switch (outcome.kind) {
    case 'booked':
      return {
        action: `booked ${label}; invitation sent${outcome.calendarErrors.length === 0 ? '' : ` (${outcome.calendarErrors.join('; ')})`}`,
        problem: outcome.calendarErrors.length === 0 ? null : outcome.calendarErrors.join('; '),
      };
    case 'taken':
      return outcome.next === null
        ? {
            action: outcome.reason,
            problem: `${outcome.reason}, and no other time is free: a person should arrange one`,
          }
        : {
            action: `${outcome.reason}; new times proposed (proposal ${outcome.next.proposal.id})`,
            problem: null,
          };
    case 'closed':
      return { action: `nothing booked: the proposal was already ${outcome.status}`, problem: null };
  }
}

async function otherTimes(
  store: Store,
  ctx: SchedulingContext,
  open: ProposalRecord,
): Promise<{ action: string; problem: string | null }> {
  try {
    const next = await startScheduling(
      store,
      ctx,
      {
        applicationId: open.applicationId,
        interviewerIds: open.interviewerIds,
        durationMinutes: open.durationMinutes,
        horizonDays: open.horizonDays,
        location: open.location,
      },
      {
        opening: 'other-times',
        reschedulesUid: open.reschedulesUid,
        exclude: open.slots.map((s) => ({ start: new Date(s.start), end: new Date(s.end) })),
      },
    );
    return {
      action: `none of the times suited; new times proposed (proposal ${next.proposal.id})`,
      problem: null,
    };
  } catch (error) {
    const message = (error as Error).message;
    return {
      action: `no other times proposed: ${message}`,
      problem: `the candidate needs other times and ${message}`,
    };
  }
}

/**
 * Records a scheduling reply and carries out its plan; a plan that fails or leaves a problem puts
 * the reply in the recruiters' inbox with the reason.
 */
export async function applySchedulingPlan(
  store: Store,
  plan: Exclude<SchedulingPlan, null>,
  reply: Omit<NewInboundMessage, 'needsPerson' | 'note'>,
): Promise<{ message: MessageRecord; action: string }> {
  const message = await store.messages.recordInbound({
    ...reply,
    needsPerson: plan.kind === 'person',
    note: plan.kind === 'person' ? plan.reason : null,
  });
  if (plan.kind === 'person') return { message, action: `kept for a person: ${plan.reason}` };
  try {
    const { action, problem } = await plan.run();
    if (problem !== null) await store.messages.flagForPerson(message.id, problem);
    return { message: await store.messages.get(message.id), action };
  } catch (error) {
    const reason = `scheduling failed: ${(error as Error).message}`;
    await store.messages.flagForPerson(message.id, reason);
    return { message: await store.messages.get(message.id), action: `kept for a person: ${reason}` };
  }
}
