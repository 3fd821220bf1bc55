import type { FastifyRequest } from 'fastify';
import { CandorError } from '../../../core/index.js';
import type { ApplicationRecord, JobRecord, Store } from '../../../store/index.js';
import { hidden, me } from '../../scope.js';

/**
 * Loads an application and its job, hiding it unless the job is in the caller's workspace
 * (applications carry no workspace of their own): 404 `application <id> not found`, exactly
 * like an unknown id. Roles that never read applications are refused the same 404 before this
 * runs (`readableBy`); roles that read them but may not change them get 403 from the route's
 * `requireRole` (the rule of `../record-access.ts`).
 * @example const { application, job } = await scopedApplication(request, store, request.params.id)
 */
export async function scopedApplication(
  request: FastifyRequest,
  store: Store,
  id: string,
): Promise<{ application: ApplicationRecord; job: JobRecord }> {
  const { workspaceId } = me(request);
  try {
    const application = await store.applications.get(id);
    const job = await store.jobs.get(application.jobId);
    if (job.workspaceId !== workspaceId) throw hidden('application', id);
    return { application, job };
  } catch (error) {
    if (error instanceof CandorError && error.code === 'NOT_FOUND') throw hidden('application', id);
    throw error;
  }
}
