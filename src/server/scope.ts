import type { FastifyRequest } from 'fastify';
import { CandorError } from '../core/index.js';
import type { UserRecord } from '../store/index.js';
import { currentAuth } from './auth.js';

/** The signed-in user of a request that passed `requireAuth`/`requireRole`. */
export function me(request: FastifyRequest): UserRecord {
  return currentAuth(request).user;
}

/**
 * Loads a record by id and hides it unless it belongs to the caller's workspace: a record of
 * another workspace answers exactly like an id that does not exist (404, same message), so
 * nothing hints that it exists.
 *
 * @example const job = await scoped(request, 'job', id, (i) => store.jobs.get(i))
 */
export async function scoped<T extends { readonly workspaceId: string | null }>(
  request: FastifyRequest,
  entity: string,
  id: string,
  load: (id: string) => Promise<T>,
): Promise<T> {
  const user = me(request);
  const record = await load(id);
  if (record.workspaceId !== user.workspaceId) throw hidden(entity, id);
  return record;
}

/** The NOT_FOUND every store read throws for an unknown id (`job x not found`). */
export function hidden(entity: string, id: string): CandorError {
  return new CandorError('NOT_FOUND', `${entity} ${id} not found`, { entity, id });
}
