/**
 * A preview of any flow's message for any candidate (issue 14, tone): the workspace's template
 * filled with that candidate's real values (name, job, invitation terms, dates, where the
 * application stands), exactly as the agent would send it now, or the engine's error naming the
 * variable the candidate has no value for. Nothing is queued.
 */
import { CandorError, isCandorError } from '../core/index.js';
import { addBusinessDays } from '../invitations/business-days.js';
import type { CandidateApplicationRecord, CandidateRecord, InvitationRecord, Store } from '../store/index.js';
import { chooseChannel } from './channel.js';
import { MORE_FLOW_PREVIEW_VALUES } from './preview-flows.js';
import { statusLine } from './replies.js';
import { firstName, longDate, type TemplateChannel } from './templates.js';
import { flowVariables, renderWorkspaceMessage, type TemplateValues } from './workspace-templates.js';

export interface PreviewRequest {
  readonly candidateId: string;
  readonly flow: string;
  /** Default: the channel the agent would choose for this candidate. */
  readonly channel?: TemplateChannel | undefined;
  /** Default: the candidate's latest application. */
  readonly applicationId?: string | undefined;
  /** Who signs a message a person sends (holding replies); default the invitation's sender. */
  readonly senderName?: string | undefined;
}

export interface MessagePreview {
  readonly candidateId: string;
  readonly applicationId: string | null;
  readonly flow: string;
  readonly channel: TemplateChannel;
  /** The candidate's address on that channel, or null when they have none. */
  readonly to: string | null;
  readonly subject: string | null;
  readonly body: string;
  /** Whether the workspace's own template was used (else the built-in one). */
  readonly customTemplate: boolean;
}

/** What the preview knows of the candidate, for flows that fill more than the common values. */
export interface PreviewContext {
  readonly store: Store;
  readonly publicUrl: string;
  readonly candidate: CandidateRecord;
  readonly application: CandidateApplicationRecord | null;
  readonly invitation: InvitationRecord | null;
}

/**
 * Values of flows added later (reminders, micro-tasks, declines…): a flow registers how to fill
 * its own variables for a candidate; the common ones (name, job, organisation, dates) are there.
 */
export const FLOW_PREVIEW_VALUES: Record<string, (ctx: PreviewContext) => Promise<TemplateValues>> = {
  ...MORE_FLOW_PREVIEW_VALUES,
};

/** Why a candidate has no value for a variable, said next to the engine's error. */
const MISSING_BECAUSE: Readonly<Record<string, string>> = {
  jobTitle: 'the candidate has applied to no job',
  deadline: 'the candidate has no invitation to interview',
  questionCount: 'the candidate has no invitation to interview',
  answerMinutes: 'the candidate has no invitation to interview',
  link: 'the candidate has no invitation to interview',
  statusLine: 'the candidate has applied to no job',
};

/**
 * @throws CandorError NOT_FOUND (candidate, application, flow); VALIDATION_FAILED naming the
 *   variable the candidate has no value for, or when the candidate can be reached on no channel
 * @example await previewMessage(store, { publicUrl }, { candidateId, flow: 'confirmation', channel: 'email' })
 */
export async function previewMessage(
  store: Store,
  options: { publicUrl: string },
  request: PreviewRequest,
): Promise<MessagePreview> {
  flowVariables(request.flow); // NOT_FOUND for a flow with no template
  const candidate = await store.candidates.get(request.candidateId);
  const applications = await store.applications.listByCandidate(candidate.id);
  const application =
    request.applicationId === undefined
      ? (applications.at(-1) ?? null)
      : (applications.find((a) => a.id === request.applicationId) ?? null);
  if (request.applicationId !== undefined && application === null)
    throw new CandorError(
      'NOT_FOUND',
      `application ${request.applicationId} is not one of candidate ${candidate.id}'s`,
      { entity: 'application', id: request.applicationId },
    );
  const channel = request.channel ?? chooseChannel(candidate, await store.messages.timeline(candidate.id));
  if (channel === null)
    throw new CandorError(
      'VALIDATION_FAILED',
      `${candidate.name} can be reached on no channel (no e-mail, or no agreement to e-mail or texts): name --channel to preview anyway`,
      { field: 'channel', candidateId: candidate.id },
    );
  const invitation =
    application === null
      ? null
      : ((await store.invitations.listByJob(application.jobId)).find(
          (i) => i.applicationId === application.id,
        ) ?? null);
  const ctx: PreviewContext = { store, publicUrl: options.publicUrl, candidate, application, invitation };
  const values = { ...(await commonValues(ctx, request.senderName)) };
  const extra = FLOW_PREVIEW_VALUES[request.flow];
  if (extra !== undefined) Object.assign(values, await extra(ctx));
  const own = await store.agentSettings.template(candidate.workspaceId, request.flow, channel);
  try {
    const { subject, body } = await renderWorkspaceMessage(
      store,
      candidate.workspaceId,
      request.flow,
      channel,
      values,
    );
    return {
      candidateId: candidate.id,
      applicationId: application?.id ?? null,
      flow: request.flow,
      channel,
      to: (channel === 'email' ? candidate.email : candidate.phone) ?? null,
      subject,
      body,
      customTemplate: own !== null,
    };
  } catch (error) {
    const missing = isCandorError(error) ? error.details.missing : undefined;
    if (!isCandorError(error) || !Array.isArray(missing)) throw error;
    const because = [...new Set((missing as string[]).flatMap((m) => MISSING_BECAUSE[m] ?? []))];
    throw new CandorError(
      'VALIDATION_FAILED',
      `${error.message} for ${candidate.name}${because.length > 0 ? ` (${because.join('; ')})` : ''}`,
      { ...error.details, candidateId: candidate.id },
    );
  }
}

/** The values every flow may use, each only when the candidate has it. */
async function commonValues(
  ctx: PreviewContext,
  senderName: string | undefined,
): Promise<Record<string, string | number | undefined>> {
  const { store, candidate, application, invitation } = ctx;
  const [workspace, settings] = await Promise.all([
    store.workspaces.get(candidate.workspaceId),
    store.workspaces.settings(candidate.workspaceId),
  ]);
  const now = new Date();
  const completed = invitation?.completedAt ? new Date(invitation.completedAt) : now;
  const sender =
    senderName ?? (invitation === null ? undefined : (await store.users.get(invitation.createdBy)).name);
  return {
    firstName: firstName(candidate.name),
    organisation: workspace.name,
    jobTitle: application?.jobTitle,
    senderName: sender,
    respondBy: longDate(addBusinessDays(completed, settings.responseTargetDays)),
    replyBy: longDate(addBusinessDays(now, 1)),
    statusLine:
      application === null
        ? undefined
        : await statusLine(
            store,
            { workspaceId: candidate.workspaceId, applicationId: application.id },
            application.stage,
          ),
    ...(invitation === null
      ? {}
      : {
          deadline: longDate(invitation.expiresAt),
          questionCount: invitation.questions.length,
          answerMinutes: Math.round((invitation.answerSeconds / 60) * 10) / 10,
          // The link's token is never stored (only its hash): the preview cannot show it.
          link: `${ctx.publicUrl}/take/‹the candidate's private link›`,
        }),
  };
}
