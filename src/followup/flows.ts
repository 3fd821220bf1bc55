/**
 * The agent's flows: product events turned into queued messages, one per (candidate, flow, step)
 * however often the event repeats. The dispatcher decides when they go.
 */
import { addBusinessDays } from '../invitations/business-days.js';
import type { CandidateRecord, InvitationRecord, JobRecord, MessageRecord, Store } from '../store/index.js';
import { chooseChannel } from './channel.js';
import { firstName, longDate } from './templates.js';
import { renderWorkspaceMessage } from './workspace-templates.js';

export interface FlowContext {
  /** Where the web app is reached from outside (links in messages). */
  readonly publicUrl: string;
}

function addressOf(candidate: CandidateRecord, channel: 'email' | 'sms'): string {
  return (channel === 'email' ? candidate.email : candidate.phone) ?? '';
}

/**
 * Queues the invitation to interview, with the candidate's link, on their channel. A new link for
 * the same invitation is a new step, so it is sent too.
 * @returns the queued message, or null when the candidate can be reached on no channel
 */
export async function queueInvitationMessage(
  store: Store,
  ctx: FlowContext,
  input: {
    invitation: InvitationRecord;
    candidate: CandidateRecord;
    job: JobRecord;
    linkPath: string;
    senderName: string;
  },
): Promise<MessageRecord | null> {
  const { invitation, candidate, job } = input;
  const channel = chooseChannel(candidate, await store.messages.timeline(candidate.id));
  if (channel === null) return null;
  const workspace = await store.workspaces.get(invitation.workspaceId);
  const { subject, body } = await renderWorkspaceMessage(
    store,
    invitation.workspaceId,
    'invitation',
    channel,
    {
      firstName: firstName(candidate.name),
      jobTitle: job.title,
      organisation: workspace.name,
      deadline: longDate(invitation.expiresAt),
      questionCount: invitation.questions.length,
      answerMinutes: Math.round((invitation.answerSeconds / 60) * 10) / 10,
      link: `${ctx.publicUrl}${input.linkPath}`,
      senderName: input.senderName,
    },
  );
  const { message } = await store.messages.enqueue({
    workspaceId: invitation.workspaceId,
    candidateId: candidate.id,
    applicationId: invitation.applicationId,
    invitationId: invitation.id,
    flow: 'invitation',
    step: `${invitation.id}:${input.linkPath.slice(-10)}`,
    channel,
    toAddress: addressOf(candidate, channel),
    subject,
    body,
  });
  return message;
}

/**
 * Queues "Thanks, we got it" with the date the candidate hears back by (the workspace's response
 * target in business days from the completion). Goes at once: quiet hours do not hold a reply to
 * what the candidate just did.
 */
export async function queueConfirmation(
  store: Store,
  invitation: InvitationRecord,
): Promise<MessageRecord | null> {
  const candidate = await store.candidates.get(invitation.candidateId);
  const channel = chooseChannel(candidate, await store.messages.timeline(candidate.id));
  if (channel === null) return null;
  const [job, workspace, settings] = await Promise.all([
    store.jobs.get(invitation.jobId),
    store.workspaces.get(invitation.workspaceId),
    store.workspaces.settings(invitation.workspaceId),
  ]);
  const completed = new Date(invitation.completedAt ?? new Date().toISOString());
  const { subject, body } = await renderWorkspaceMessage(
    store,
    invitation.workspaceId,
    'confirmation',
    channel,
    {
      firstName: firstName(candidate.name),
      jobTitle: job.title,
      organisation: workspace.name,
      respondBy: longDate(addBusinessDays(completed, settings.responseTargetDays)),
    },
  );
  const { message } = await store.messages.enqueue({
    workspaceId: invitation.workspaceId,
    candidateId: candidate.id,
    applicationId: invitation.applicationId,
    invitationId: invitation.id,
    flow: 'confirmation',
    step: invitation.id,
    channel,
    toAddress: addressOf(candidate, channel),
    subject,
    body,
  });
  return message;
}
