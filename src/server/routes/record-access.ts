/**
 * What a caller learns about a record they may not see. The rule, applied by every route that
 * reads or changes one record:
 *
 * - A record the caller may not read answers exactly like an id that does not exist: 404
 *   `<entity> <id> not found`, the same body, whether the record is in another workspace, is
 *   another student's, or is of a kind the caller's role never reads (a student asking for a
 *   hiring scorecard). Nothing tells the caller that it exists.
 * - A record the caller may read but not change answers 403 to the change: its existence is no
 *   secret to them, and 403 says why the change is refused.
 * - A route a role may never use, whatever the id (listing users, creating a job), answers 403:
 *   it depends on no record, so it hints at none.
 */
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { UserRole } from '../../store/index.js';
import { currentAuth } from '../auth.js';
import { hidden } from '../scope.js';

/**
 * Route `onRequest` hook for reads of one record named by the `:id` path parameter: 401 without
 * credentials, and for a role not among `roles` the 404 of an unknown `entity` id (see the rule
 * above), before the request is validated or the record loaded.
 *
 * @example app.get('/jobs/:id', { onRequest: readableBy('job', ...HIRING_TEAM) }, handler)
 */
export function readableBy(entity: string, ...roles: readonly UserRole[]): onRequestAsyncHookHandler {
  const allowed = new Set(roles);
  return function readableByHandler(request: FastifyRequest) {
    const { user } = currentAuth(request);
    if (!allowed.has(user.role)) {
      const { id } = request.params as { id?: unknown };
      throw hidden(entity, typeof id === 'string' ? id : '');
    }
    return Promise.resolve();
  };
}
