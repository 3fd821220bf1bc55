import { deadlineToExpiry, DEFAULT_TERMS, inviteCandidates } from '../../invitations/invite.js';
import { linkPath, newLinkToken } from '../../invitations/link-token.js';
import type { Store } from '../../store/index.js';
import { DEMO_PEOPLE } from './demo-people.js';

/** The demo's invited candidate: their link is printed at every start of `serve --demo`. */
export const DEMO_INVITEE = { name: 'Casey Morgan', email: 'casey.morgan@example.com' } as const;

/**
 * A working interview link for the demo workspace's first job, so the candidate's page can be
 * tried at once: a fresh link for the demo invitee's open invitation (the old link stops working),
 * or a new invitation when the last one was completed. Null when the workspace has no job.
 * @example const path = await demoInvitationLink(store, workspaceId, new Date()) // '/take/…'
 */
export async function demoInvitationLink(
  store: Store,
  workspaceId: string,
  now: Date,
): Promise<string | null> {
  const job = (await store.jobs.listByWorkspace(workspaceId))[0];
  if (job === undefined) return null;
  const recruiterEmail = DEMO_PEOPLE.find((p) => p.role === 'recruiter')?.email ?? '';
  const recruiter = (await store.users.listByWorkspace(workspaceId)).find((u) => u.email === recruiterEmail);
  if (recruiter === undefined) return null;
  const candidate = await store.candidates.findByEmail(workspaceId, DEMO_INVITEE.email);
  const open = candidate === null ? null : await store.invitations.findOpen(job.id, candidate.id);
  if (open !== null) {
    const { token, hash } = newLinkToken();
    await store.invitations.replaceToken(open.id, hash, deadlineToExpiry(undefined, now));
    return linkPath(token);
  }
  const { created } = await inviteCandidates(store, {
    job,
    invitees: [DEMO_INVITEE],
    terms: {
      expiresAt: deadlineToExpiry(undefined, now),
      answerSeconds: DEFAULT_TERMS.answerSeconds,
      prepSeconds: DEFAULT_TERMS.prepSeconds,
      retakes: DEFAULT_TERMS.retakes,
      textAnswers: true,
    },
    createdBy: recruiter.id,
  });
  return created[0]?.linkPath ?? null;
}
