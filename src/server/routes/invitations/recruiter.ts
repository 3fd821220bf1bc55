/**
 * Recruiters invite candidates to a job's interview by link, list the invitations with their
 * progress, revoke one, or issue a new link (the old one stops working).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deadlineToExpiry, inviteCandidates, parseInviteesCsv } from '../../../invitations/invite.js';
import { linkPath, newLinkToken } from '../../../invitations/link-token.js';
import { queueInvitationMessage } from '../../../followup/flows.js';
import type { ServerConfig } from '../../config.js';
import type { CandidateRecord, InvitationRecord, Store } from '../../../store/index.js';
import { requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { me, scoped } from '../../scope.js';
import { recordActivity } from '../admin/record-activity.js';
import { readableBy } from '../record-access.js';
import { errorResponses, HIRING_TEAM, IdParams, RECRUITERS } from '../hiring/schemas.js';
import { InvitationView, InviteBody, InviteResult } from './schemas.js';

/** Where links in messages point: the agent's public URL, else localhost. */
export function publicUrlOf(config: ServerConfig): string {
  return config.agent?.publicUrl ?? 'http://localhost:3000';
}

/** The invitation as recruiters see it; `linkPath` only when a link was just issued. */
async function invitationView(
  store: Store,
  invitation: InvitationRecord,
  candidate: CandidateRecord,
  now: Date,
  link?: string,
): Promise<InvitationView> {
  const attempts = await store.invitations.attempts(invitation.id);
  const answered = new Set(attempts.filter((a) => a.status === 'kept').map((a) => a.position)).size;
  const expired =
    (invitation.status === 'invited' || invitation.status === 'started') &&
    new Date(invitation.expiresAt).getTime() <= now.getTime();
  return {
    id: invitation.id,
    jobId: invitation.jobId,
    applicationId: invitation.applicationId,
    candidate: { id: candidate.id, name: candidate.name, email: candidate.email },
    status: expired ? 'expired' : invitation.status,
    expiresAt: invitation.expiresAt,
    answerSeconds: invitation.answerSeconds,
    prepSeconds: invitation.prepSeconds,
    retakes: invitation.retakes,
    textAnswers: invitation.textAnswers,
    questionCount: invitation.questions.length,
    answered,
    createdAt: invitation.createdAt,
    openedAt: invitation.openedAt,
    consentedAt: invitation.consentedAt,
    completedAt: invitation.completedAt,
    interviewId: invitation.interviewId,
    ...(link === undefined ? {} : { linkPath: link }),
  };
}

const NewLinkBody = z
  .object({
    /** A new last day (YYYY-MM-DD); default: the current deadline, or 14 days if it has passed. */
    deadline: z.string().max(10).optional(),
    /** Send the new link to the candidate (e-mail or SMS, through the follow-up agent); default true. */
    notify: z.boolean().default(true),
  })
  .default({ notify: true });

/**
 * `POST /jobs/:id/invitations`, `GET /jobs/:id/invitations`, `POST /invitations/:id/revoke`,
 * `POST /invitations/:id/link`.
 * @example await app.register(invitationRoutes({ store, config }))
 */
export function invitationRoutes({ store, config }: RouteDeps): FastifyPluginAsyncZod {
  const tags = ['invitations'];
  return (app) => {
    app.post(
      '/jobs/:id/invitations',
      {
        onRequest: requireRole(...RECRUITERS),
        schema: {
          tags,
          summary: "Invite candidates (a list or a CSV with name and email) to the job's interview by link",
          description:
            'Each invited candidate gets a single-use link that expires at the end of `deadline` (UTC). The answer lists every link once (`linkPath`); only a hash is stored. Rows that cannot be invited (empty name, malformed e-mail, the same address twice, an open invitation already) are listed in `failures` with their reason; the others are invited.',
          params: IdParams,
          body: InviteBody,
          response: { 201: InviteResult, ...errorResponses(400, 401, 403, 404, 422) },
        },
      },
      async (request, reply) => {
        const user = me(request);
        const job = await scoped(request, 'job', request.params.id, (id) => store.jobs.get(id));
        const now = new Date();
        const body = request.body;
        const expiresAt = deadlineToExpiry(body.deadline, now);
        const invitees = body.csv === undefined ? (body.candidates ?? []) : parseInviteesCsv(body.csv);
        const { created, failures } = await inviteCandidates(store, {
          job,
          invitees,
          terms: {
            expiresAt,
            answerSeconds: body.answerSeconds,
            prepSeconds: body.prepSeconds,
            retakes: body.retakes,
            textAnswers: body.textAnswers,
          },
          createdBy: user.id,
        });
        if (created.length > 0) {
          await recordActivity(store, request, {
            action: 'invitations.sent',
            subjectType: 'job',
            subjectId: job.id,
            summary: `Invited ${created.length} candidate${created.length === 1 ? '' : 's'} to interview for ${job.title}`,
            details: { invitations: created.map((c) => c.invitation.id), failures: failures.length },
          });
        }
        if (body.notify) {
          for (const c of created) {
            await queueInvitationMessage(
              store,
              { publicUrl: publicUrlOf(config) },
              {
                invitation: c.invitation,
                candidate: c.candidate,
                job,
                linkPath: c.linkPath,
                senderName: user.name,
              },
            );
          }
        }
        const invitations = await Promise.all(
          created.map((c) => invitationView(store, c.invitation, c.candidate, now, c.linkPath)),
        );
        return reply.code(201).send({ invitations, failures });
      },
    );

    app.get(
      '/jobs/:id/invitations',
      {
        onRequest: readableBy('job', ...HIRING_TEAM),
        schema: {
          tags,
          summary: "The job's invitations, newest first, with each one's status and answers so far",
          params: IdParams,
          response: { 200: z.object({ invitations: z.array(InvitationView) }), ...errorResponses(401, 404) },
        },
      },
      async (request) => {
        const job = await scoped(request, 'job', request.params.id, (id) => store.jobs.get(id));
        const invitations = await store.invitations.listByJob(job.id);
        const now = new Date();
        return {
          invitations: await Promise.all(
            invitations.map(async (i) =>
              invitationView(store, i, await store.candidates.get(i.candidateId), now),
            ),
          ),
        };
      },
    );

    app.post(
      '/invitations/:id/revoke',
      {
        onRequest: requireRole(...RECRUITERS),
        schema: {
          tags,
          summary: 'Withdraw an invitation: its link stops working at once (a completed one cannot be)',
          params: IdParams,
          response: { 200: InvitationView, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request) => {
        const found = await scoped(request, 'invitation', request.params.id, (id) =>
          store.invitations.get(id),
        );
        const revoked = await store.invitations.revoke(found.id);
        const candidate = await store.candidates.get(revoked.candidateId);
        await recordActivity(store, request, {
          action: 'invitation.revoked',
          subjectType: 'invitation',
          subjectId: revoked.id,
          summary: `Withdrew the interview invitation of ${candidate.name}`,
        });
        return invitationView(store, revoked, candidate, new Date());
      },
    );

    app.post(
      '/invitations/:id/link',
      {
        onRequest: requireRole(...RECRUITERS),
        schema: {
          tags,
          summary:
            'Issue a new link for an open invitation (the old link stops working), optionally with a new deadline',
          params: IdParams,
          body: NewLinkBody,
          response: { 200: InvitationView, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const found = await scoped(request, 'invitation', request.params.id, (id) =>
          store.invitations.get(id),
        );
        const now = new Date();
        const { deadline } = request.body;
        const expiresAt =
          deadline !== undefined
            ? deadlineToExpiry(deadline, now)
            : new Date(found.expiresAt).getTime() <= now.getTime()
              ? deadlineToExpiry(undefined, now)
              : undefined;
        const { token, hash } = newLinkToken();
        const updated = await store.invitations.replaceToken(found.id, hash, expiresAt);
        const candidate = await store.candidates.get(updated.candidateId);
        if (request.body.notify) {
          await queueInvitationMessage(
            store,
            { publicUrl: publicUrlOf(config) },
            {
              invitation: updated,
              candidate,
              job: await store.jobs.get(updated.jobId),
              linkPath: linkPath(token),
              senderName: me(request).name,
            },
          );
        }
        await recordActivity(store, request, {
          action: 'invitation.link_issued',
          subjectType: 'invitation',
          subjectId: updated.id,
          summary: `Issued a new interview link for ${candidate.name}`,
        });
        return invitationView(store, updated, candidate, now, linkPath(token));
      },
    );
    return Promise.resolve();
  };
}
