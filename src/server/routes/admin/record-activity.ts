import type { FastifyRequest } from 'fastify';
import type { ActivityEntry, NewActivity, Store } from '../../../store/index.js';
import { me } from '../../scope.js';

/**
 * Writes one line of the workspace's activity log for the signed-in user's change.
 * @example await recordActivity(store, request, { action: 'token.revoked', subjectType: 'api_token', subjectId: id, summary: 'Revoked token "CI"' })
 */
export function recordActivity(
  store: Store,
  request: FastifyRequest,
  entry: Omit<NewActivity, 'workspaceId' | 'actor'>,
): Promise<ActivityEntry> {
  const user = me(request);
  return store.activity.record({ ...entry, workspaceId: user.workspaceId, actor: user.id });
}
