/**
 * The dispatcher: claims due messages from the outbox (with a lease, so several processes can run
 * it and a process that dies mid-batch leaves its messages to the next), applies the cadence
 * policy, sends on the message's channel, and records the outcome: sent, retried later after a
 * temporary failure (with back-off), failed or bounced for good, waiting (quiet hours, the weekly
 * cap, a pause, a channel not set up) or cancelled (opt-out, a decision), each with its reason.
 *
 * Delivery is at least once: a message whose send was under way when its process died is sent
 * again after its lease runs out. Every copy carries the same Message-ID (`<message id@host>`),
 * by which mail systems recognise a repeat.
 */
import type { CadenceSettings } from '../messaging/config.js';
import { DeliveryError, type Channel } from '../messaging/channel-error.js';
import type { MessageRecord, Store } from '../store/index.js';
import { decide, FLOW_RULES } from './policy.js';
import { cadenceLookup, type WorkspaceCadence } from './workspace-templates.js';

export interface Channels {
  readonly email: Channel | null;
  readonly sms: Channel | null;
}

export interface DispatchOptions {
  readonly channels: Channels;
  readonly cadence: CadenceSettings;
  readonly retryDelaysMs: readonly number[];
  readonly now?: Date;
  /** Messages claimed per pass (default 50). */
  readonly limit?: number;
  /** How long a claim holds before another dispatcher may take the message (default 2 min). */
  readonly leaseMs?: number;
  /**
   * Called with how many messages were claimed, before any is sent (graphile-worker's task asks
   * for the next batch here when this one is full, so other workers start on it at once).
   */
  readonly onClaimed?: (count: number) => Promise<void> | void;
}

export interface DispatchSummary {
  readonly sent: number;
  readonly waiting: number;
  readonly retrying: number;
  readonly failed: number;
  readonly cancelled: number;
}

/** Flows that count against the weekly cap: replies, confirmations and calendar updates do not. */
const CAPPED_FLOWS = Object.entries(FLOW_RULES)
  .filter(([, rule]) => rule.capped)
  .map(([flow]) => flow);
const WEEK_MS = 7 * 86_400_000;
/** A message for a channel that is not set up is looked at again after this long. */
const UNCONFIGURED_RECHECK_MS = 3_600_000;

const SETTING: Record<'email' | 'sms', string> = {
  email: 'e-mail is not set up (CANDOR_SMTP_URL)',
  sms: 'SMS is not set up (CANDOR_SMS_ACCOUNT_SID, CANDOR_SMS_AUTH_TOKEN, CANDOR_SMS_FROM)',
};

/**
 * One pass over the due messages.
 * @example await dispatchDue(store, { channels: { email, sms: null }, cadence, retryDelaysMs: [60000] })
 */
export async function dispatchDue(store: Store, options: DispatchOptions): Promise<DispatchSummary> {
  const now = options.now ?? new Date();
  const claimed = await store.messages.claimDue(now, options.limit ?? 50, options.leaseMs ?? 120_000);
  await options.onClaimed?.(claimed.length);
  const tally = { sent: 0, waiting: 0, retrying: 0, failed: 0, cancelled: 0 };
  // A workspace's own cadence (Admin → Agent settings) overrides the server's.
  const cadenceOf = cadenceLookup(store, options.cadence);
  for (const message of claimed) {
    const outcome = await dispatchOne(store, message, { ...options, now }, cadenceOf);
    tally[outcome] += 1;
  }
  return tally;
}

async function dispatchOne(
  store: Store,
  message: MessageRecord,
  options: DispatchOptions & { now: Date },
  cadenceOf: (workspaceId: string) => Promise<WorkspaceCadence>,
): Promise<keyof DispatchSummary> {
  const { now } = options;
  if (message.candidateId === null) {
    await store.messages.cancel(message.id, 'no candidate to write to');
    return 'cancelled';
  }
  const candidate = await store.candidates.get(message.candidateId);
  const application =
    message.applicationId === null
      ? null
      : await store.applications.get(message.applicationId).catch(() => null);
  const paused = await store.messages.isPaused({
    candidateId: candidate.id,
    jobId: application?.jobId ?? null,
  });
  const rule = FLOW_RULES[message.flow];
  const sentLastWeek =
    rule?.capped === false
      ? 0
      : await store.messages.sentSince(candidate.id, new Date(now.getTime() - WEEK_MS), CAPPED_FLOWS);
  const decision = decide(
    {
      flow: message.flow,
      channel: message.channel,
      now,
      timeZone: candidate.timeZone,
      consent: candidate.consent,
      stage: application?.stage ?? null,
      paused,
      sentLastWeek,
      capFreesAt: null,
    },
    await cadenceOf(message.workspaceId),
  );
  if (decision.action === 'cancel') {
    await store.messages.cancel(message.id, decision.reason);
    return 'cancelled';
  }
  if (decision.action === 'wait') {
    await store.messages.postpone(message.id, decision.until, decision.reason);
    return 'waiting';
  }
  const channel = options.channels[message.channel];
  if (channel === null) {
    await store.messages.postpone(
      message.id,
      new Date(now.getTime() + UNCONFIGURED_RECHECK_MS),
      SETTING[message.channel],
    );
    return 'waiting';
  }
  try {
    const sent = await channel.send({
      id: message.id,
      to: message.toAddress,
      subject: message.subject,
      body: message.body,
      ...(message.attachments.length === 0 ? {} : { attachments: message.attachments }),
    });
    await store.messages.markSent(message.id, sent.providerId, sent.from);
    return 'sent';
  } catch (error) {
    const failure =
      error instanceof DeliveryError
        ? error
        : new DeliveryError(String((error as Error).message ?? error), 'temporary');
    if (failure.optedOut) {
      await store.candidates.update(candidate.id, {
        consent: { ...candidate.consent, [message.channel]: false },
      });
      await store.messages.cancelQueuedFor(
        candidate.id,
        'the candidate opted out at the provider',
        message.channel,
      );
    }
    if (failure.kind === 'temporary') {
      const delay = options.retryDelaysMs[message.attempts - 1];
      if (delay !== undefined) {
        await store.messages.retryLater(message.id, failure.message, new Date(now.getTime() + delay));
        return 'retrying';
      }
      await store.messages.markFailed(
        message.id,
        'failed',
        `${failure.message} (gave up after ${message.attempts} attempts)`,
      );
      return 'failed';
    }
    await store.messages.markFailed(
      message.id,
      failure.kind === 'bounced' ? 'bounced' : 'failed',
      failure.message,
    );
    return 'failed';
  }
}
