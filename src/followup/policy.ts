/**
 * The agent's cadence policy: when a queued message may go, and when it must never go. Pure:
 * given the message, the candidate's situation and the time, it answers send, wait until, or
 * cancel, with the reason recruiters see.
 */
import { DateTime } from 'luxon';
import type { CadenceSettings } from '../messaging/config.js';

/** How each flow is treated. Replies to what the candidate just did go at once. */
export interface FlowRule {
  /** Waits out the candidate's quiet hours. */
  readonly quietHours: boolean;
  /** Counts against, and waits for, the weekly cap. */
  readonly capped: boolean;
  /** Still goes once the candidate is hired, withdrawn or rejected (closure, opt-out). */
  readonly afterDecision: boolean;
}

export const FLOW_RULES: Readonly<Record<string, FlowRule>> = {
  invitation: { quietHours: true, capped: true, afterDecision: false },
  confirmation: { quietHours: false, capped: false, afterDecision: false },
  reminder: { quietHours: false, capped: false, afterDecision: false },
  /** Calendar invitations, updates and cancellations (ICS): a CANCEL must reach even a withdrawn candidate. */
  calendar: { quietHours: false, capped: false, afterDecision: true },
  status_update: { quietHours: true, capped: true, afterDecision: false },
  micro_task: { quietHours: true, capped: true, afterDecision: false },
  scheduling: { quietHours: true, capped: false, afterDecision: false },
  decline: { quietHours: true, capped: true, afterDecision: true },
  // The weekly nurture keeps a candidate who still waits informed; it stops at any decision.
  nurture: { quietHours: true, capped: true, afterDecision: false },
  pulse: { quietHours: true, capped: true, afterDecision: true },
  opt_out: { quietHours: false, capped: false, afterDecision: true },
  reply: { quietHours: false, capped: false, afterDecision: true },
};

/** Stages after which only closure messages go. */
const DECIDED = new Set(['hired', 'withdrawn', 'rejected']);
/** Stages after which only answers to the candidate (a reply, an opt-out's confirmation) go. */
const CLOSED = new Set(['hired', 'withdrawn']);
/** Flows that answer what the candidate just wrote. */
const ANSWERS = new Set(['reply', 'opt_out']);

export interface PolicyInput {
  readonly flow: string;
  readonly channel: 'email' | 'sms';
  readonly now: Date;
  /** The candidate's IANA zone, or null (the settings' default zone is used). */
  readonly timeZone: string | null;
  /** Channels the candidate agreed to (SMS only when explicitly true). */
  readonly consent: Readonly<Record<string, boolean>>;
  /** The application's stage, when the message concerns one. */
  readonly stage: string | null;
  readonly paused: boolean;
  /** Capped messages sent to the candidate in the last 7 days. */
  readonly sentLastWeek: number;
  /** When the oldest of those drops out of the 7 days, if the cap is reached. */
  readonly capFreesAt: Date | null;
}

export type Decision =
  | { readonly action: 'send' }
  | { readonly action: 'wait'; readonly until: Date; readonly reason: string }
  | { readonly action: 'cancel'; readonly reason: string };

/** An hour later than now, when a pause is in force: paused messages are looked at again then. */
const PAUSE_RECHECK_MS = 3_600_000;

/**
 * @example decide({ flow: 'invitation', channel: 'email', now, timeZone: 'Europe/Paris', consent: { email: true }, stage: 'invited', paused: false, sentLastWeek: 0, capFreesAt: null }, DEFAULT_CADENCE)
 */
export function decide(input: PolicyInput, cadence: CadenceSettings): Decision {
  const rule = FLOW_RULES[input.flow] ?? FLOW_RULES.status_update!;
  const consented =
    input.consent[input.channel] === true || (input.channel === 'email' && input.consent.email === undefined);
  if (!consented && input.flow !== 'opt_out') {
    return {
      action: 'cancel',
      reason: `the candidate has not agreed to ${input.channel === 'sms' ? 'texts' : 'e-mail'}`,
    };
  }
  if (input.stage !== null && DECIDED.has(input.stage) && !rule.afterDecision) {
    return { action: 'cancel', reason: `the candidate is ${input.stage}; only closure messages go now` };
  }
  // Closure (a decline, a pulse) is for candidates who were not hired and did not withdraw.
  if (input.stage !== null && CLOSED.has(input.stage) && !ANSWERS.has(input.flow)) {
    return {
      action: 'cancel',
      reason: `the candidate is ${input.stage}; only answers to their replies go now`,
    };
  }
  if (input.flow === 'decline' && input.stage !== 'rejected') {
    return {
      action: 'cancel',
      reason: `a decline goes only to a rejected candidate; this one is ${input.stage ?? 'not in a process'}`,
    };
  }
  if (input.paused && input.flow !== 'opt_out') {
    return {
      action: 'wait',
      until: new Date(input.now.getTime() + PAUSE_RECHECK_MS),
      reason: 'the agent is paused for this candidate or job',
    };
  }
  if (rule.quietHours) {
    const until = quietUntil(input.now, input.timeZone ?? cadence.defaultTimeZone, cadence);
    if (until !== null) {
      const local = DateTime.fromJSDate(until).setZone(input.timeZone ?? cadence.defaultTimeZone);
      return {
        action: 'wait',
        until,
        reason: `quiet hours in the candidate's time zone; goes ${local.toFormat('cccc d LLLL, HH:mm')} (${local.zoneName})`,
      };
    }
  }
  if (rule.capped && input.sentLastWeek >= cadence.weeklyCap) {
    const until = input.capFreesAt ?? new Date(input.now.getTime() + 86_400_000);
    return {
      action: 'wait',
      until,
      reason: `${cadence.weeklyCap} messages already went to this candidate in the last 7 days`,
    };
  }
  return { action: 'send' };
}

/**
 * The end of the quiet period `now` falls in, in the zone, or null when `now` is not quiet.
 * Quiet: from `quietStartHour` to `quietEndHour` local time, and (optionally) all weekend.
 * @example quietUntil(new Date('2026-12-04T21:30:00Z'), 'Europe/London', DEFAULT_CADENCE) // Monday 7 December 08:00 London
 */
export function quietUntil(now: Date, zone: string, cadence: CadenceSettings): Date | null {
  let t = DateTime.fromJSDate(now).setZone(zone);
  const quiet = (d: DateTime): boolean => {
    if (cadence.quietWeekends && (d.weekday === 6 || d.weekday === 7)) return true;
    const h = d.hour;
    const { quietStartHour: s, quietEndHour: e } = cadence;
    if (s === e) return false;
    return s > e ? h >= s || h < e : h >= s && h < e;
  };
  if (!quiet(t)) return null;
  // Step to the next quiet-end hour until it is not quiet (at most a weekend and a night).
  for (let i = 0; i < 10; i++) {
    let next = t.set({ hour: cadence.quietEndHour, minute: 0, second: 0, millisecond: 0 });
    if (next <= t) next = next.plus({ days: 1 });
    t = next;
    if (!quiet(t)) return t.toJSDate();
  }
  return t.toJSDate();
}
