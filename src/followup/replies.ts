/**
 * What happens to a candidate's reply: it is matched to the candidate Candor last wrote to at that
 * address, classified, recorded in their timeline, and either acted on (an opt-out, a withdrawal,
 * a status question, thanks) or put in the recruiters' inbox with the reason and a draft (a
 * question, frustration, scheduling, anything uncertain). Nothing is ever sent to an address
 * other than the one the reply came from.
 */
import { addBusinessDays } from '../invitations/business-days.js';
import type { MessageChannel, MessageRecord, Store } from '../store/index.js';
import { displayStage } from '../store/index.js';
import { handlePulseReply } from './pulse.js';
import { firstName, longDate } from './templates.js';
import { cancelInterview } from './scheduling-calendar.js';
import type { SchedulingContext } from './scheduling-context.js';
import { applySchedulingPlan, planSchedulingReply } from './scheduling-replies.js';
import { renderWorkspaceMessage } from './workspace-templates.js';

/** What the classifier says of a reply. */
export interface ReplyClassification {
  readonly intent: string;
  readonly confidence: number;
  readonly frustrated: boolean;
  /** Why, as `classifyReply` gives it ("rule: …", "model: …"); a classifier without reasons is taken at its word. */
  readonly reasons?: readonly string[];
}

export type ReplyClassifier = (text: string) => ReplyClassification;

export interface InboundReply {
  readonly channel: MessageChannel;
  /** The sender's address (e-mail, lower case) or number (E.164). */
  readonly from: string;
  readonly to: string;
  readonly subject: string | null;
  /** What they wrote now (quoted history and signature already removed for e-mail). */
  readonly text: string;
  readonly providerId?: string | null;
  readonly attachments?: number;
}

export interface ReplyOutcome {
  readonly message: MessageRecord;
  /** What the agent did, in words recruiters read. */
  readonly action: string;
}

/** Below this confidence a reply goes to a person whatever its intent. */
export const AUTO_CONFIDENCE = 0.6;

/** Intents acted on without a person (unless the reply is frustrated or uncertain). */
const AUTOMATIC = new Set(['opt_out', 'withdrawal', 'status_question', 'thanks']);

/**
 * @example await handleReply(store, { classify: classifyReply, defaultWorkspaceId }, { channel: 'sms', from: '+15551234567', to: '+15005550006', subject: null, text: 'STOP' })
 */
export async function handleReply(
  store: Store,
  deps: {
    classify: ReplyClassifier;
    defaultWorkspaceId: string;
    /** Calendars connected: slot choices, confirmations and reschedule requests are acted on. */
    scheduling?: SchedulingContext;
  },
  reply: InboundReply,
): Promise<ReplyOutcome> {
  const answered = await store.messages.lastSentTo(reply.channel, reply.from);
  const text = reply.text.trim();
  const base = {
    channel: reply.channel,
    fromAddress: reply.from,
    toAddress: reply.to,
    subject: reply.subject,
    body: text,
    providerId: reply.providerId ?? null,
  };
  if (answered === null || answered.candidateId === null) {
    const message = await store.messages.recordInbound({
      ...base,
      workspaceId: deps.defaultWorkspaceId,
      candidateId: null,
      intent: 'other',
      confidence: 0,
      frustrated: false,
      needsPerson: true,
      note: `from ${reply.from}, an address Candor never wrote to: not matched to a candidate; nothing was sent back`,
    });
    return { message, action: 'kept for a person: unknown sender' };
  }
  const scope = {
    workspaceId: answered.workspaceId,
    candidateId: answered.candidateId,
    applicationId: answered.applicationId,
  };
  if (text === '') {
    const attachments = reply.attachments ?? 0;
    const message = await store.messages.recordInbound({
      ...base,
      ...scope,
      intent: 'other',
      confidence: 0,
      frustrated: false,
      needsPerson: attachments > 0,
      note:
        attachments > 0
          ? `no text, ${attachments} attachment${attachments === 1 ? '' : 's'}: a person should look`
          : 'no text (only quoted history or a signature): nothing to answer',
    });
    return {
      message,
      action: attachments > 0 ? 'kept for a person: attachments without text' : 'recorded: empty reply',
    };
  }
  // An answer to the pulse survey (when the survey was the last message there) is stored, not classified.
  const pulse = await handlePulseReply(store, deps, { ...reply, text }, answered);
  if (pulse !== null) return pulse;
  const verdict = deps.classify(text);
  const plan =
    deps.scheduling === undefined ||
    scope.applicationId === null ||
    verdict.frustrated ||
    verdict.intent === 'opt_out'
      ? null
      : await planSchedulingReply(store, deps.scheduling, {
          applicationId: scope.applicationId,
          text,
          intent: verdict.intent,
        });
  if (plan !== null) {
    const { intent, confidence, frustrated } = verdict;
    return applySchedulingPlan(store, plan, { ...base, ...scope, intent, confidence, frustrated });
  }
  // Withdrawing ends an application: only an explicit request (a rule) does it without a person;
  // the model alone once read "Can we do Friday at 25:00?" as a withdrawal (0.73).
  const unconfirmedWithdrawal =
    verdict.intent === 'withdrawal' &&
    verdict.reasons !== undefined &&
    !verdict.reasons.some((r) => r.startsWith('rule:'));
  const automatic =
    AUTOMATIC.has(verdict.intent) &&
    !verdict.frustrated &&
    verdict.confidence >= AUTO_CONFIDENCE &&
    !unconfirmedWithdrawal;
  // An opt-out is honoured whatever else the reply says.
  const act = automatic || verdict.intent === 'opt_out';
  const reason = act
    ? null
    : verdict.frustrated
      ? 'the reply sounds frustrated'
      : verdict.confidence < AUTO_CONFIDENCE
        ? `the agent is not sure what it asks (${verdict.intent}, confidence ${verdict.confidence.toFixed(2)})`
        : unconfirmedWithdrawal
          ? `it may be a withdrawal (confidence ${verdict.confidence.toFixed(2)}), but it does not say so in words the agent acts on; a person decides`
          : verdict.intent === 'needs_person'
            ? 'a question only a person can answer'
            : deps.scheduling === undefined
              ? `${verdict.intent.replace('_', ' ')}: scheduling replies go to a person until calendars are connected`
              : `${verdict.intent.replace('_', ' ')}: there is no open proposal or booked interview to apply it to`;
  const message = await store.messages.recordInbound({
    ...base,
    ...scope,
    intent: verdict.intent,
    confidence: verdict.confidence,
    frustrated: verdict.frustrated,
    needsPerson: !act,
    note: reason,
  });
  if (!act) return { message, action: `kept for a person: ${reason}` };
  const action = await actOn(store, verdict.intent, message, reply.channel);
  if (verdict.intent === 'withdrawal' && deps.scheduling !== undefined && scope.applicationId !== null) {
    const cancelled = await cancelInterview(
      store,
      deps.scheduling,
      scope.applicationId,
      'You withdrew your application.',
    );
    if (cancelled !== null) return { message, action: `${action}; booked interview cancelled` };
  }
  return { message, action };
}

async function actOn(
  store: Store,
  intent: string,
  reply: MessageRecord,
  channel: MessageChannel,
): Promise<string> {
  const candidate = await store.candidates.get(reply.candidateId ?? '');
  const application = reply.applicationId === null ? null : await store.applications.get(reply.applicationId);
  const job = application === null ? null : await store.jobs.get(application.jobId);
  const workspace = await store.workspaces.get(reply.workspaceId);
  const values = {
    firstName: firstName(candidate.name),
    jobTitle: job?.title ?? 'your application',
    organisation: workspace.name,
  };
  const send = async (flow: string, extra: Record<string, string> = {}) => {
    const { subject, body } = await renderWorkspaceMessage(store, reply.workspaceId, flow, channel, {
      ...values,
      ...extra,
    });
    await store.messages.enqueue({
      workspaceId: reply.workspaceId,
      candidateId: candidate.id,
      applicationId: reply.applicationId,
      flow: flow === 'opt_out' ? 'opt_out' : 'reply',
      step: `${flow}:${reply.id}`,
      channel,
      toAddress: reply.fromAddress ?? '',
      subject: subject === null ? null : reply.subject?.startsWith('Re:') ? reply.subject : subject,
      body,
    });
  };
  switch (intent) {
    case 'opt_out': {
      await store.candidates.update(candidate.id, { consent: { ...candidate.consent, [channel]: false } });
      const cancelled = await store.messages.cancelQueuedFor(
        candidate.id,
        `the candidate opted out of ${channel === 'sms' ? 'texts' : 'e-mail'}`,
        channel,
      );
      await send('opt_out');
      return `opted out of ${channel === 'sms' ? 'texts' : 'e-mail'} at once (${cancelled} queued message${cancelled === 1 ? '' : 's'} cancelled); confirmation sent`;
    }
    case 'withdrawal': {
      if (application !== null && !['withdrawn', 'hired'].includes(application.stage)) {
        await store.applications.recordDecision({
          workspaceId: reply.workspaceId,
          applicationId: application.id,
          decision: 'withdraw',
          stage: 'withdrawn',
          reason: `the candidate wrote: "${reply.body.slice(0, 300)}"`,
          actor: 'candidate',
        });
      }
      const cancelled = await store.messages.cancelQueuedFor(candidate.id, 'the candidate withdrew');
      await send('withdrawal');
      return `application withdrawn at the candidate's request (${cancelled} queued message${cancelled === 1 ? '' : 's'} cancelled); acknowledgement sent`;
    }
    case 'status_question': {
      await send('status', { statusLine: await statusLine(store, reply, application?.stage ?? null) });
      return 'answered with the application status';
    }
    default:
      return 'recorded: nothing to answer';
  }
}

/**
 * One sentence on where the application stands, with a date when there is one (the `status`
 * template's `{{statusLine}}`).
 * @example await statusLine(store, { workspaceId, applicationId }, 'invited')
 */
export async function statusLine(
  store: Store,
  reply: { readonly workspaceId: string; readonly applicationId: string | null },
  stage: string | null,
): Promise<string> {
  const settings = await store.workspaces.settings(reply.workspaceId);
  const respondBy = longDate(addBusinessDays(new Date(), settings.responseTargetDays));
  const scored =
    reply.applicationId === null
      ? false
      : (await store.interviews.listByApplication(reply.applicationId)).length > 0;
  switch (displayStage(stage ?? 'applied', false)) {
    case 'invited':
      return 'your interview link is waiting for you; the e-mail with it says until when it works. Once you have taken it, a person on our team reads every answer.';
    case 'in_progress':
      return scored
        ? `your interview is with our team: a person reads every answer. We expect to get back to you by ${respondBy}.`
        : 'you have started your interview; finish it from the same link whenever you are ready.';
    case 'advanced':
      return 'you are through to the next step; a person from our team will contact you about it shortly.';
    case 'on_hold':
    case 'rejected':
    case 'withdrawn':
      return 'a person from our team will reply to you about your application.';
    default:
      return `your application is with our team. We expect to get back to you by ${respondBy}.`;
  }
}
