/**
 * The inbox's suggested drafts and the answer a person sends (issue 14, replies): a status
 * question gets where the application stands (the `status` template), a frustrated reply an
 * apology with a date (`apology`), anything else a polite holding reply (`holding`); all from
 * the workspace's templates, signed by the recruiter, and edited before it goes. The answer is
 * queued as a `reply` to the address the candidate wrote from, once per inbound reply.
 */
import { CandorError } from '../core/index.js';
import { addBusinessDays } from '../invitations/business-days.js';
import type { MessageRecord, Store } from '../store/index.js';
import { statusLine } from './replies.js';
import { firstName, longDate } from './templates.js';
import { renderWorkspaceMessage } from './workspace-templates.js';

export interface ReplyDraft {
  /** The template it was made from. */
  readonly template: 'status' | 'apology' | 'holding';
  readonly channel: 'email' | 'sms';
  readonly to: string;
  /** E-mail only: "Re: …" of the candidate's subject when they gave one. */
  readonly subject: string | null;
  readonly body: string;
}

function matchedReply(reply: MessageRecord): MessageRecord & { candidateId: string } {
  // Only a candidate's reply has a draft or an answer: for any other message, as for an unknown
  // id, there is no such reply (the same 404, so the answer hints at nothing).
  if (reply.direction !== 'in')
    throw new CandorError('NOT_FOUND', `message ${reply.id} not found`, { entity: 'message', id: reply.id });
  if (reply.candidateId === null || (reply.fromAddress ?? '') === '')
    throw new CandorError(
      'VALIDATION_FAILED',
      `message ${reply.id} came from an address not matched to a candidate: answer it from your own mailbox`,
      { field: 'id' },
    );
  return reply as MessageRecord & { candidateId: string };
}

function replySubject(reply: MessageRecord, fallback: string | null): string | null {
  if (reply.channel === 'sms') return null;
  const theirs = reply.subject?.trim() ?? '';
  if (theirs === '') return fallback;
  return /^re:/i.test(theirs) ? theirs : `Re: ${theirs}`;
}

/**
 * @throws CandorError VALIDATION_FAILED for an outbound message or a reply from an unknown sender
 * @example const draft = await suggestDraft(store, reply, { senderName: 'Rita Reyes' })
 */
export async function suggestDraft(
  store: Store,
  message: MessageRecord,
  options: { senderName: string },
): Promise<ReplyDraft> {
  const reply = matchedReply(message);
  const candidate = await store.candidates.get(reply.candidateId);
  const application = reply.applicationId === null ? null : await store.applications.get(reply.applicationId);
  const job = application === null ? null : await store.jobs.get(application.jobId);
  const workspace = await store.workspaces.get(reply.workspaceId);
  const template =
    reply.frustrated === true ? 'apology' : reply.intent === 'status_question' ? 'status' : 'holding';
  const values = {
    firstName: firstName(candidate.name),
    jobTitle: job?.title ?? 'your application',
    organisation: workspace.name,
    senderName: options.senderName,
    replyBy: longDate(addBusinessDays(new Date(), 1)),
    statusLine:
      template === 'status' ? await statusLine(store, reply, application?.stage ?? null) : undefined,
  };
  const { subject, body } = await renderWorkspaceMessage(
    store,
    reply.workspaceId,
    template,
    reply.channel,
    values,
  );
  return {
    template,
    channel: reply.channel,
    to: reply.fromAddress ?? '',
    subject: replySubject(reply, subject),
    body,
  };
}

/**
 * Queues a person's answer to a reply (flow `reply`: it goes at once, quiet hours or not) and
 * takes the reply out of the inbox.
 * @throws CandorError CONFLICT when the reply was already answered from the inbox;
 *   VALIDATION_FAILED for an empty answer or a reply from an unknown sender
 * @example await sendPersonReply(store, reply, { body: 'Hi Ana, …', userId: rita.id })
 */
export async function sendPersonReply(
  store: Store,
  message: MessageRecord,
  input: { subject?: string | null | undefined; body: string; userId: string },
): Promise<MessageRecord> {
  const reply = matchedReply(message);
  const body = input.body.trim();
  if (body === '')
    throw new CandorError('VALIDATION_FAILED', 'body: the answer is empty', { in: 'body', field: 'body' });
  const subject =
    reply.channel === 'sms' ? null : input.subject?.trim() || replySubject(reply, 'Your application');
  const { message: queued, created } = await store.messages.enqueue({
    workspaceId: reply.workspaceId,
    candidateId: reply.candidateId,
    applicationId: reply.applicationId,
    flow: 'reply',
    step: `person:${reply.id}`,
    channel: reply.channel,
    toAddress: reply.fromAddress ?? '',
    subject,
    body,
  });
  if (!created)
    throw new CandorError('CONFLICT', `reply ${reply.id} was already answered (message ${queued.id})`, {
      entity: 'message',
      id: queued.id,
    });
  await store.messages.markHandled(reply.id, input.userId);
  return queued;
}
