/**
 * The cadence scan, run by the agent on each pass: queues what has come due, once per (candidate,
 * flow, step) however often it runs. The dispatcher then applies the policy (quiet hours, the
 * weekly cap, pauses, consent, decisions), so the scan only decides what is due:
 *
 * - a **status update** after the workspace's `statusUpdateDelayHours` (default 48) without news (no message about the application and no
 *   stage change) while the candidate waits for the team, once per stage;
 * - a **weekly nurture** after that, when a week has passed without news (step: the ISO week);
 * - a **pulse** survey two hours after each round: an interview completed by link, or a confirmed
 *   booking's end (rounds of the last 14 days).
 */
import { DateTime } from 'luxon';
import { addBusinessDays } from '../invitations/business-days.js';
import type {
  CandidateRecord,
  EndedRound,
  MessageRecord,
  Store,
  WaitingApplication,
  WorkspaceRecord,
  WorkspaceSettings,
} from '../store/index.js';
import { chooseChannel } from './channel.js';
import { latestScorecardBody, strengthsOf } from './decline.js';
import type { FlowContext } from './flows.js';
import { firstName, longDate } from './templates.js';
import { DEFAULT_CADENCE, type CadenceSettings } from '../messaging/config.js';
import {
  DEFAULT_STATUS_UPDATE_DELAY_HOURS,
  renderWorkspaceMessage,
  workspaceCadence,
} from './workspace-templates.js';

/** The default wait before a status update (a workspace may set its own: `statusUpdateDelayHours`). */
export const STATUS_UPDATE_AFTER_MS = DEFAULT_STATUS_UPDATE_DELAY_HOURS * 3_600_000;
export const NURTURE_EVERY_MS = 7 * 86_400_000;
/** A pulse goes this long after the round, not on the heels of the confirmation. */
export const PULSE_DELAY_MS = 2 * 3_600_000;
/** Rounds older than this get no pulse (e.g. when the agent is first switched on). */
export const PULSE_LOOKBACK_MS = 14 * 86_400_000;

/** How the survey names each kind of round to the candidate. */
export const ROUND_NAMES: Readonly<Record<EndedRound['kind'], string>> = {
  online_interview: 'your online interview',
  scheduled_interview: 'your interview with our team',
};

export interface CadenceSummary {
  readonly statusUpdates: number;
  readonly nurtures: number;
  readonly pulses: number;
  /** Items the scan could not handle, each with its reason; the others were handled. */
  readonly failed: readonly { readonly applicationId: string; readonly error: string }[];
}

/** Reads a workspace, its settings and its cadence once per scan. */
function workspaceCache(store: Store, base: CadenceSettings = DEFAULT_CADENCE) {
  const cache = new Map<
    string,
    Promise<{ workspace: WorkspaceRecord; settings: WorkspaceSettings; statusUpdateAfterMs: number }>
  >();
  return (id: string) => {
    let hit = cache.get(id);
    if (hit === undefined) {
      hit = Promise.all([
        store.workspaces.get(id),
        store.workspaces.settings(id),
        workspaceCadence(store, id, base),
      ]).then(([workspace, settings, cadence]) => ({
        workspace,
        settings,
        statusUpdateAfterMs: cadence.statusUpdateDelayHours * 3_600_000,
      }));
      cache.set(id, hit);
    }
    return hit;
  };
}

/**
 * Renders a flow's template on the candidate's channel and queues it under its key.
 * @returns the message and whether it is new, or null when the candidate can be reached on no channel
 */
export async function queueForCandidate(
  store: Store,
  input: {
    workspaceId: string;
    candidate: CandidateRecord;
    applicationId: string | null;
    flow: string;
    step: string;
    template: string;
    values: Readonly<Record<string, string | number | null | undefined>>;
    /** E-mail only: a paragraph from another template, inserted before the sign-off (the last paragraph). */
    extra?: { template: string; values: Readonly<Record<string, string>> } | null;
    dueAt?: string;
  },
): Promise<{ message: MessageRecord; created: boolean } | null> {
  const { candidate } = input;
  const channel = chooseChannel(candidate, await store.messages.timeline(candidate.id));
  if (channel === null) return null;
  const rendered = await renderWorkspaceMessage(
    store,
    input.workspaceId,
    input.template,
    channel,
    input.values,
  );
  const { subject } = rendered;
  let { body } = rendered;
  if (input.extra && channel === 'email') {
    const extra = await renderWorkspaceMessage(
      store,
      input.workspaceId,
      input.extra.template,
      channel,
      input.extra.values,
    );
    const paragraphs = body.split('\n\n');
    paragraphs.splice(Math.max(1, paragraphs.length - 1), 0, extra.body);
    body = paragraphs.join('\n\n');
  }
  return store.messages.enqueue({
    workspaceId: input.workspaceId,
    candidateId: candidate.id,
    applicationId: input.applicationId,
    flow: input.flow,
    step: input.step,
    channel,
    toAddress: (channel === 'email' ? candidate.email : candidate.phone) ?? '',
    subject,
    body,
    ...(input.dueAt === undefined ? {} : { dueAt: input.dueAt }),
  });
}

/** `2026-W49` for a time in ISO week 49 of 2026 (UTC). */
export function isoWeek(now: Date): string {
  return DateTime.fromJSDate(now, { zone: 'utc' }).toFormat("kkkk-'W'WW");
}

/**
 * The date a waiting candidate hears back by: the response target counted from their last news
 * (what the confirmation promised), or from today once that date has passed.
 * @example respondByAfter(new Date('2026-11-19T10:00:00Z'), new Date('2026-11-21T10:00:00Z'), 5) // '2026-11-26'
 */
export function respondByAfter(lastNews: Date, now: Date, targetDays: number): string {
  const promised = addBusinessDays(lastNews, targetDays);
  return promised > now.toISOString().slice(0, 10) ? promised : addBusinessDays(now, targetDays);
}

/**
 * One scan. Safe to run as often as one likes, from several processes: every message has its key.
 * @example const summary = await planCadence(store, { publicUrl }, new Date())
 */
export async function planCadence(
  store: Store,
  ctx: FlowContext & {
    /** The server's cadence, under each workspace's own (its status-update delay). */
    readonly cadence?: CadenceSettings | undefined;
  },
  now: Date = new Date(),
): Promise<CadenceSummary> {
  const workspaceOf = workspaceCache(store, ctx.cadence);
  const tally = { statusUpdates: 0, nurtures: 0, pulses: 0 };
  const failed: { applicationId: string; error: string }[] = [];
  for (const row of await store.cadence.waiting()) {
    try {
      const queued = await planWaiting(store, row, now, workspaceOf);
      if (queued !== null) tally[queued] += 1;
    } catch (error) {
      failed.push({ applicationId: row.applicationId, error: String((error as Error).message ?? error) });
    }
  }
  const rounds = await store.cadence.roundsEnded(
    new Date(now.getTime() - PULSE_LOOKBACK_MS),
    new Date(now.getTime() - PULSE_DELAY_MS + 1),
  );
  for (const round of rounds) {
    try {
      if (await queuePulse(store, round, workspaceOf)) tally.pulses += 1;
    } catch (error) {
      failed.push({ applicationId: round.applicationId, error: String((error as Error).message ?? error) });
    }
  }
  return { ...tally, failed };
}

/**
 * The status update's line that refers to something the candidate said: the quote of their best
 * evidenced strength on their newest scorecard (decline.ts `strengthsOf`), or null when there is
 * none, so nothing is ever made up.
 */
async function saidLine(
  store: Store,
  applicationId: string,
): Promise<{ template: string; values: Record<string, string> } | null> {
  const strength = strengthsOf(await latestScorecardBody(store, applicationId))[0];
  return strength === undefined
    ? null
    : { template: 'status_update_said', values: { quote: strength.quote } };
}

async function planWaiting(
  store: Store,
  row: WaitingApplication,
  now: Date,
  workspaceOf: ReturnType<typeof workspaceCache>,
): Promise<'statusUpdates' | 'nurtures' | null> {
  const lastNews = [row.stageChangedAt, row.lastMessageAt]
    .filter((t): t is string => t !== null)
    .reduce((a, b) => (a > b ? a : b));
  const silentMs = now.getTime() - Date.parse(lastNews);
  const updatedThisStage = row.lastStatusUpdateAt !== null && row.lastStatusUpdateAt >= row.stageChangedAt;
  const { statusUpdateAfterMs } = await workspaceOf(row.workspaceId);
  const due = !updatedThisStage
    ? silentMs >= statusUpdateAfterMs
      ? 'status_update'
      : null
    : silentMs >= NURTURE_EVERY_MS
      ? 'nurture'
      : null;
  if (due === null) return null;
  const [candidate, { workspace, settings }] = await Promise.all([
    store.candidates.get(row.candidateId),
    workspaceOf(row.workspaceId),
  ]);
  const queued = await queueForCandidate(store, {
    workspaceId: row.workspaceId,
    candidate,
    applicationId: row.applicationId,
    flow: due,
    step:
      due === 'status_update'
        ? `${row.applicationId}:${row.stage}:${row.stageChangedAt}`
        : `${row.applicationId}:${isoWeek(now)}`,
    template: due,
    values: {
      firstName: firstName(candidate.name),
      jobTitle: row.jobTitle,
      organisation: workspace.name,
      respondBy: longDate(respondByAfter(new Date(lastNews), now, settings.responseTargetDays)),
    },
    extra: due === 'status_update' ? await saidLine(store, row.applicationId) : null,
  });
  if (queued === null || !queued.created) return null;
  return due === 'status_update' ? 'statusUpdates' : 'nurtures';
}

/**
 * Queues the pulse survey after a round (step `<kind>:<round id>`), due two hours after it ended.
 * Nothing after a withdrawal or a hire.
 * @returns whether a new survey was queued
 */
export async function queuePulse(
  store: Store,
  round: EndedRound,
  workspaceOf: ReturnType<typeof workspaceCache> = workspaceCache(store),
): Promise<boolean> {
  if (round.stage === 'withdrawn' || round.stage === 'hired') return false;
  const [candidate, job, { workspace }] = await Promise.all([
    store.candidates.get(round.candidateId),
    store.jobs.get(round.jobId),
    workspaceOf(round.workspaceId),
  ]);
  const queued = await queueForCandidate(store, {
    workspaceId: round.workspaceId,
    candidate,
    applicationId: round.applicationId,
    flow: 'pulse',
    step: `${round.kind}:${round.roundId}`,
    template: 'pulse',
    values: {
      firstName: firstName(candidate.name),
      jobTitle: job.title,
      organisation: workspace.name,
      roundName: ROUND_NAMES[round.kind],
    },
    dueAt: new Date(Date.parse(round.endedAt) + PULSE_DELAY_MS).toISOString(),
  });
  return queued?.created ?? false;
}
