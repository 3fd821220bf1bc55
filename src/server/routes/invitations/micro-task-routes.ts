/**
 * Micro-tasks over HTTP. The candidate, by link (public): `GET /take/:token/micro-task` (the extra
 * question, or null), `POST /take/:token/micro-task/text` and `POST /take/:token/micro-task/recording`.
 * The hiring team: `GET /scorecards/:id/versions` (every scorecard of the interview, which one came
 * before and after the micro-task, and each competency side by side), and `GET|PUT
 * /micro-tasks/switch` (micro-tasks on or off for the workspace or a job).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CandorError } from '../../../core/index.js';
import { ScorecardBody } from '../../../domain/scorecard.js';
import type { MicroTaskRecord } from '../../../store/index.js';
import { requireAuth, requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { hidden, me, scoped } from '../../scope.js';
import { recordActivity } from '../admin/record-activity.js';
import { errorResponses, HIRING_TEAM, IdParams, RECRUITERS } from '../hiring/schemas.js';
import { answerMicroTaskRecording, answerMicroTaskText } from './micro-task-answer.js';
import { resolveMicroTaskLink } from './micro-task-link.js';
import { TextAnswerBody, TokenParams } from './schemas.js';
import { CHUNK_LIMIT_BYTES } from './take.js';

const CandidateMicroTask = z
  .object({
    status: z.enum(['open', 'answered', 'expired', 'revoked']),
    question: z.string(),
    /** The area the question is about (a competency's name). */
    competencyName: z.string(),
    expiresAt: z.string(),
    answeredAt: z.string().nullable(),
    answerKind: z.enum(['text', 'recording']).nullable(),
    /** Longest recording in seconds (the invitation's answer time); typed answers are always allowed. */
    answerSeconds: z.number().int(),
  })
  .meta({ id: 'CandidateMicroTask' });
const CandidateMicroTaskResult = z.object({ microTask: CandidateMicroTask.nullable() });

const MicroTaskView = z
  .object({
    id: z.string(),
    competencyId: z.string(),
    competencyName: z.string(),
    reason: z.enum(['insufficient_evidence', 'gap']),
    detail: z.string(),
    question: z.string(),
    questionSource: z.string(),
    status: z.enum(['open', 'answered', 'revoked']),
    createdAt: z.string(),
    expiresAt: z.string(),
    answeredAt: z.string().nullable(),
    answerKind: z.enum(['text', 'recording']).nullable(),
    /** The answer's index among the scorecard's responses (evidence `response`). */
    position: z.number().int(),
    messageId: z.string().nullable(),
    beforeScorecardId: z.string(),
    /** The first scorecard stored after the answer; null until the new analysis is done. */
    afterScorecardId: z.string().nullable(),
  })
  .meta({ id: 'MicroTaskView' });

const ScorecardVersions = z.object({
  /** Every scorecard of the interview, oldest first. */
  versions: z.array(
    z.object({
      id: z.string(),
      createdAt: z.string(),
      overallScore: z.number().nullable(),
      label: z.enum(['before micro-task', 'after micro-task']).nullable(),
    }),
  ),
  microTask: MicroTaskView.nullable(),
  /** Each competency before and after the micro-task (empty without a scored answer). */
  comparison: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      before: z.number().nullable(),
      after: z.number().nullable(),
      beforeConfidence: z.number(),
      afterConfidence: z.number(),
      /** Quotes the after version takes from the micro-task's answer. */
      evidenceFromAnswer: z.number().int(),
    }),
  ),
});

const SwitchQuery = z.object({ jobId: z.string().min(1).max(200).optional() });
const SwitchBody = z.object({
  /** A job of the workspace; without it, the whole workspace. */
  jobId: z.string().min(1).max(200).optional(),
  enabled: z.boolean(),
});
const SwitchView = z.object({
  /** The workspace's own switch; null = never set (on). */
  workspace: z.boolean().nullable(),
  job: z.boolean().nullable(),
  /** Whether micro-tasks go for this job (or the workspace): on unless either is off. */
  enabled: z.boolean(),
});

function candidateView(
  task: MicroTaskRecord,
  answerSeconds: number,
  now: Date,
): z.output<typeof CandidateMicroTask> {
  const expired = task.status === 'open' && new Date(task.expiresAt).getTime() <= now.getTime();
  return {
    status: expired ? 'expired' : task.status,
    question: task.questionText,
    competencyName: task.competencyName,
    expiresAt: task.expiresAt,
    answeredAt: task.answeredAt,
    answerKind: task.answerKind,
    answerSeconds,
  };
}

/** @example await app.register(microTaskRoutes({ store, config })) */
export function microTaskRoutes({ store, config }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.addContentTypeParser(
      [
        'application/octet-stream',
        'audio/webm',
        'video/webm',
        'audio/ogg',
        'audio/mp4',
        'video/mp4',
        'audio/wav',
      ],
      { parseAs: 'buffer', bodyLimit: Math.min(config.uploadLimitBytes, 8 * CHUNK_LIMIT_BYTES) },
      (_request, body, done) => done(null, body),
    );
    const tags = ['candidate interview'];
    const stateOf = async (token: string) => {
      const { invitation } = await resolveMicroTaskLink(store, token);
      const task = await store.microTasks.findByInvitation(invitation.id);
      return { microTask: task === null ? null : candidateView(task, invitation.answerSeconds, new Date()) };
    };

    app.get(
      '/take/:token/micro-task',
      {
        schema: {
          tags,
          summary:
            "The interview's extra question (a micro-task), if the hiring team sent one (public, by link)",
          security: [],
          params: TokenParams,
          response: { 200: CandidateMicroTaskResult, ...errorResponses(400, 410) },
        },
      },
      async (request) => stateOf(request.params.token),
    );

    app.post(
      '/take/:token/micro-task/text',
      {
        schema: {
          tags,
          summary: 'Answer the extra question in writing (always allowed); the interview is analysed again',
          security: [],
          params: TokenParams,
          body: TextAnswerBody,
          response: { 200: CandidateMicroTaskResult, ...errorResponses(400, 404, 409, 410, 413) },
        },
      },
      async (request) => {
        await answerMicroTaskText(store, {
          token: request.params.token,
          text: request.body.text,
          mediaDir: config.mediaDir,
          limitChars: config.inputLimits.typedAnswerChars,
        });
        return stateOf(request.params.token);
      },
    );

    app.post(
      '/take/:token/micro-task/recording',
      {
        schema: {
          tags,
          summary:
            'Answer the extra question with a recording (the whole file as the body); the interview is analysed again',
          security: [],
          consumes: ['application/octet-stream'],
          params: TokenParams,
          response: { 200: CandidateMicroTaskResult, ...errorResponses(400, 404, 409, 410, 413, 415, 422) },
        },
      },
      async (request) => {
        const body = request.body;
        if (!Buffer.isBuffer(body)) {
          throw new CandorError('VALIDATION_FAILED', 'body: send the recording as application/octet-stream', {
            in: 'body',
          });
        }
        await answerMicroTaskRecording(store, {
          token: request.params.token,
          bytes: body,
          mediaDir: config.mediaDir,
        });
        return stateOf(request.params.token);
      },
    );

    app.get(
      '/scorecards/:id/versions',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['scorecards'],
          summary: "Every scorecard of this scorecard's interview, and the micro-task's before and after",
          params: IdParams,
          response: { 200: ScorecardVersions, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => {
        const { id } = request.params;
        const user = me(request);
        const card = await store.scorecards.get(id).catch(() => {
          throw hidden('scorecard', id);
        });
        const interview = await store.interviews.get(card.interviewId);
        if (
          interview.workspaceId !== user.workspaceId ||
          interview.kind === 'practice' ||
          !HIRING_TEAM.includes(user.role)
        ) {
          // Practice scorecards never have micro-tasks; their readers use GET /scorecards/:id.
          throw hidden('scorecard', id);
        }
        const all = (await store.scorecards.listForInterview(interview.id)).reverse();
        const task = await store.microTasks.findByInterview(interview.id);
        const after =
          task?.answeredAt == null ? undefined : all.find((s) => s.createdAt > (task.answeredAt ?? ''));
        const label = (sid: string) =>
          task?.scorecardId === sid
            ? ('before micro-task' as const)
            : after?.id === sid
              ? ('after micro-task' as const)
              : null;
        const comparison = (() => {
          const before = all.find((s) => s.id === task?.scorecardId);
          if (task === null || before === undefined || after === undefined) return [];
          const a = ScorecardBody.parse(before.body);
          const b = ScorecardBody.parse(after.body);
          return a.competencies.map((c) => {
            const next = b.competencies.find((x) => x.id === c.id);
            return {
              id: c.id,
              name: c.name,
              before: c.score,
              after: next?.score ?? null,
              beforeConfidence: c.confidence,
              afterConfidence: next?.confidence ?? 0,
              evidenceFromAnswer: next?.evidence.filter((e) => e.response === task.position).length ?? 0,
            };
          });
        })();
        return {
          versions: all.map((s) => ({
            id: s.id,
            createdAt: s.createdAt,
            overallScore: s.overallScore,
            label: label(s.id),
          })),
          microTask:
            task === null
              ? null
              : {
                  id: task.id,
                  competencyId: task.competencyId,
                  competencyName: task.competencyName,
                  reason: task.reason,
                  detail: task.detail,
                  question: task.questionText,
                  questionSource: task.questionSource,
                  status: task.status,
                  createdAt: task.createdAt,
                  expiresAt: task.expiresAt,
                  answeredAt: task.answeredAt,
                  answerKind: task.answerKind,
                  position: task.position,
                  messageId: task.messageId,
                  beforeScorecardId: task.scorecardId,
                  afterScorecardId: after?.id ?? null,
                },
          comparison,
        };
      },
    );

    app.post(
      '/micro-tasks/:id/revoke',
      {
        onRequest: requireRole(...RECRUITERS),
        schema: {
          tags: ['agent'],
          summary:
            'Withdraw a micro-task that is not answered: its link stops working and its message, if still queued, is cancelled',
          params: IdParams,
          response: {
            200: z.object({ id: z.string(), status: z.string() }),
            ...errorResponses(400, 401, 403, 404, 409),
          },
        },
      },
      async (request) => {
        const { id } = request.params;
        const task = await scoped(request, 'micro-task', id, (i) => store.microTasks.get(i));
        const revoked = await store.microTasks.revoke(task.id);
        if (revoked.messageId !== null) {
          const message = await store.messages.get(revoked.messageId);
          if (message.status === 'queued')
            await store.messages.cancel(message.id, 'the micro-task was withdrawn');
        }
        await recordActivity(store, request, {
          action: 'micro_task.revoked',
          subjectType: 'interview',
          subjectId: revoked.interviewId,
          summary: `Withdrew the extra question about ${revoked.competencyName}`,
          details: { microTask: revoked.id },
        });
        return { id: revoked.id, status: revoked.status };
      },
    );

    const switchOf = async (workspaceId: string, jobId: string | null) => {
      const s = await store.microTasks.switches(workspaceId, jobId);
      return { ...s, enabled: s.workspace !== false && s.job !== false };
    };
    app.get(
      '/micro-tasks/switch',
      {
        onRequest: requireRole(...HIRING_TEAM),
        schema: {
          tags: ['agent'],
          summary: 'Whether micro-tasks go for the workspace, or for one job (?jobId=)',
          querystring: SwitchQuery,
          response: { 200: SwitchView, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const { jobId } = request.query;
        if (jobId !== undefined) await scoped(request, 'job', jobId, (i) => store.jobs.get(i));
        return switchOf(me(request).workspaceId, jobId ?? null);
      },
    );
    app.put(
      '/micro-tasks/switch',
      {
        onRequest: requireRole(...RECRUITERS),
        schema: {
          tags: ['agent'],
          summary: 'Turn micro-tasks on or off for the workspace, or for one job (jobId)',
          body: SwitchBody,
          response: { 200: SwitchView, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const user = me(request);
        const { jobId, enabled } = request.body;
        const job =
          jobId === undefined ? null : await scoped(request, 'job', jobId, (i) => store.jobs.get(i));
        await store.microTasks.setEnabled({
          workspaceId: user.workspaceId,
          jobId: job?.id ?? null,
          enabled,
          by: user.id,
        });
        await recordActivity(store, request, {
          action: 'settings.changed',
          subjectType: job === null ? 'workspace' : 'job',
          subjectId: job?.id ?? user.workspaceId,
          summary: `Micro-tasks ${enabled ? 'on' : 'off'} for ${job === null ? 'the workspace' : job.title}`,
          details: { microTasks: enabled },
        });
        return switchOf(user.workspaceId, job?.id ?? null);
      },
    );
    return Promise.resolve();
  };
}
