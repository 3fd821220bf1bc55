/**
 * Follow-up on performance (issue 14, flow 3): after the scorecard of an interview taken by link
 * is stored, one micro-task for the competency most in need of evidence, sent with its own link
 * to the candidate's interview page. One per interview (the micro-task table's unique interview,
 * and the outbox key `<candidate>:micro_task:<interview id>`), however often a scorecard is stored.
 */
import type { Framework } from '../assessment/framework-schema.js';
import { isCandorError } from '../core/index.js';
import { ScorecardBody } from '../domain/scorecard.js';
import { linkPath, newLinkToken } from '../invitations/link-token.js';
import { findFramework, findQuestionSet, DEFAULT_QUESTION_SET_ID } from '../pipeline/interview-plan.js';
import type { MessageRecord, MicroTaskRecord, ScorecardRecord, Store } from '../store/index.js';
import { chooseChannel } from './channel.js';
import { chooseMicroTaskQuestion, microTaskBank, pickMicroTaskNeed } from './micro-task-choice.js';
import type { FlowContext } from './flows.js';
import { firstName, longDate } from './templates.js';
import { renderWorkspaceMessage } from './workspace-templates.js';

/** Days a candidate has to answer a micro-task, from when it is queued. */
export const MICRO_TASK_ANSWER_DAYS = 7;

/** Stages after which no micro-task goes (the candidate is no longer in process). */
const DECIDED = new Set(['hired', 'withdrawn', 'rejected']);

export type QueueMicroTaskResult =
  | {
      readonly queued: true;
      readonly microTask: MicroTaskRecord;
      readonly message: MessageRecord;
      /** `/take/<token>`: the micro-task's link, as sent in the message (only its hash is stored). */
      readonly linkPath: string;
    }
  | { readonly queued: false; readonly reason: string; readonly microTask?: MicroTaskRecord };

const skip = (reason: string, microTask?: MicroTaskRecord): QueueMicroTaskResult =>
  microTask === undefined ? { queued: false, reason } : { queued: false, reason, microTask };

/**
 * Queues the micro-task a stored scorecard calls for, or says why none goes: the interview was not
 * taken by link, the invitation is revoked or not completed, the candidate is no longer in
 * process, micro-tasks are off for the job or workspace, the interview already had its micro-task,
 * no competency is short of evidence or below the gap line, or the candidate can be reached on no
 * channel. The message (flow `micro_task`, step = the interview id) carries the question and a link
 * of its own to the candidate's interview page; it waits out quiet hours and the weekly cap.
 *
 * @example const result = await queueMicroTask(store, { publicUrl }, scorecard)
 */
export async function queueMicroTask(
  store: Store,
  ctx: FlowContext,
  scorecard: ScorecardRecord | string,
  now: Date = new Date(),
): Promise<QueueMicroTaskResult> {
  const record = typeof scorecard === 'string' ? await store.scorecards.get(scorecard) : scorecard;
  const interview = await store.interviews.get(record.interviewId);
  const invitationId = await store.microTasks.invitationOfInterview(interview.id);
  if (invitationId === null) return skip('the interview was not taken by link');
  const invitation = await store.invitations.get(invitationId);
  if (invitation.status === 'revoked') return skip('the invitation was revoked');
  if (invitation.status !== 'completed') return skip('the interview is not completed');
  const existing = await store.microTasks.findByInterview(interview.id);
  if (existing !== null && !(existing.status === 'open' && existing.messageId === null)) {
    return skip('this interview already had its micro-task', existing);
  }
  const application = await store.applications.get(invitation.applicationId);
  if (DECIDED.has(application.stage)) return skip(`the candidate is ${application.stage}`);
  if (!(await store.microTasks.enabled(invitation.workspaceId, invitation.jobId))) {
    return skip('micro-tasks are turned off for this job or workspace');
  }
  const candidate = await store.candidates.get(invitation.candidateId);
  const channel = chooseChannel(candidate, await store.messages.timeline(candidate.id));
  if (channel === null) return skip('the candidate can be reached on no channel they agreed to');

  const { token, hash } = newLinkToken();
  let microTask: MicroTaskRecord;
  if (existing !== null) {
    // Created before, but its message never queued (a crash in between): a new link, then the message.
    await store.microTasks.replaceToken(existing.id, hash);
    microTask = existing;
  } else {
    const body = ScorecardBody.parse(record.body);
    const framework = await findFramework(store, invitation.workspaceId, body.framework.id).catch(
      (error: unknown) => {
        if (isCandorError(error)) return null;
        throw error;
      },
    );
    const need = pickMicroTaskNeed(body, framework);
    if (need === null) return skip('every competency is scored at 60 or above');
    const question = await questionFor(store, invitation, need.competencyId, framework);
    if (question === null) return skip(`no question for ${need.competencyName} in any bank`);
    const created = await store.microTasks.create({
      workspaceId: invitation.workspaceId,
      interviewId: interview.id,
      invitationId: invitation.id,
      candidateId: candidate.id,
      applicationId: invitation.applicationId,
      scorecardId: record.id,
      ...need,
      questionId: question.id,
      questionText: question.text,
      questionSource: question.source,
      position: invitation.questions.length,
      tokenHash: hash,
      expiresAt: new Date(now.getTime() + MICRO_TASK_ANSWER_DAYS * 86_400_000).toISOString(),
    });
    if (!created.created) return skip('this interview already had its micro-task', created.microTask);
    microTask = created.microTask;
  }
  const [job, workspace] = await Promise.all([
    store.jobs.get(invitation.jobId),
    store.workspaces.get(invitation.workspaceId),
  ]);
  const link = linkPath(token);
  const { subject, body } = await renderWorkspaceMessage(
    store,
    invitation.workspaceId,
    'micro_task',
    channel,
    {
      firstName: firstName(candidate.name),
      jobTitle: job.title,
      organisation: workspace.name,
      competencyName: microTask.competencyName,
      question: microTask.questionText,
      deadline: longDate(microTask.expiresAt),
      link: `${ctx.publicUrl}${link}`,
    },
  );
  const { message } = await store.messages.enqueue({
    workspaceId: invitation.workspaceId,
    candidateId: candidate.id,
    applicationId: invitation.applicationId,
    invitationId: invitation.id,
    flow: 'micro_task',
    step: interview.id,
    channel,
    toAddress: (channel === 'email' ? candidate.email : candidate.phone) ?? '',
    subject,
    body,
  });
  await store.microTasks.setMessage(microTask.id, message.id);
  return { queued: true, microTask: await store.microTasks.get(microTask.id), message, linkPath: link };
}

async function questionFor(
  store: Store,
  invitation: { workspaceId: string; questionSetId: string | null; questions: readonly { id: string }[] },
  competencyId: string,
  framework: Framework | null,
) {
  const questionSet = await findQuestionSet(
    store,
    invitation.workspaceId,
    invitation.questionSetId ?? DEFAULT_QUESTION_SET_ID,
  )
    .then((s) => s.questions)
    .catch(() => []);
  const asked = new Set(invitation.questions.map((q) => q.id));
  return chooseMicroTaskQuestion(competencyId, framework, { bank: microTaskBank(), questionSet }, asked);
}

/**
 * What the server does when the analysis of an interview has stored a scorecard: queue the
 * micro-task its newest scorecard calls for (nothing when the interview already had one, which is
 * how the re-analysis after a micro-task's answer sends nothing more).
 * @example await afterScorecardStored(store, { publicUrl }, interviewId)
 */
export async function afterScorecardStored(
  store: Store,
  ctx: FlowContext,
  interviewId: string,
): Promise<QueueMicroTaskResult> {
  const latest = await store.scorecards.latestForInterview(interviewId);
  if (latest === null) return skip('the interview has no scorecard');
  return queueMicroTask(store, ctx, latest);
}
