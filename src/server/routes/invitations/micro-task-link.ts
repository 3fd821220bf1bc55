/**
 * The links a candidate's interview page answers to: the invitation's own, and the link a
 * micro-task message carries (its own token, stored as a hash like the invitation's), which opens
 * the same page of the same invitation.
 */
import { CandorError } from '../../../core/index.js';
import { hashLinkToken, looksLikeLinkToken } from '../../../invitations/link-token.js';
import type { InvitationRecord, MicroTaskRecord, Store } from '../../../store/index.js';

/**
 * The invitation of a link token's hash: the invitation's own link or a micro-task's.
 * @example await invitationOfToken(store, hashLinkToken(token))
 */
export async function invitationOfToken(store: Store, tokenHash: string): Promise<InvitationRecord | null> {
  const own = await store.invitations.findByTokenHash(tokenHash);
  if (own !== null) return own;
  const microTask = await store.microTasks.findByTokenHash(tokenHash);
  return microTask === null ? null : store.invitations.get(microTask.invitationId);
}

/**
 * The invitation and its micro-task (null when it has none) by either link.
 * @throws CandorError LINK_INVALID (410) `{ reason: 'unknown' | 'revoked' }`
 */
export async function resolveMicroTaskLink(
  store: Store,
  token: string,
): Promise<{ invitation: InvitationRecord; microTask: MicroTaskRecord | null }> {
  const unknown = () =>
    new CandorError(
      'LINK_INVALID',
      'This link is not valid. Check that the whole link was copied, or ask the recruiter who invited you.',
      { reason: 'unknown' },
    );
  if (!looksLikeLinkToken(token)) throw unknown();
  const hash = hashLinkToken(token);
  const byTask = await store.microTasks.findByTokenHash(hash);
  const invitation =
    byTask === null
      ? await store.invitations.findByTokenHash(hash)
      : await store.invitations.get(byTask.invitationId);
  if (invitation === null) throw unknown();
  if (invitation.status === 'revoked') {
    throw new CandorError(
      'LINK_INVALID',
      'This interview link was withdrawn by the hiring team. Ask the recruiter who invited you if you think this is a mistake.',
      { reason: 'revoked' },
    );
  }
  const microTask = byTask ?? (await store.microTasks.findByInvitation(invitation.id));
  return { invitation, microTask };
}
