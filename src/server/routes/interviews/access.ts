/**
 * Who may see and change an interview. Hiring interviews: admins, recruiters and hiring managers
 * see them, admins and recruiters change them. Practice interviews: the student who owns one sees
 * and changes it; advisors and admins of the workspace see it.
 *
 * The rule of `../record-access.ts`: whoever may not read an interview gets the 404 of an unknown
 * id for anything they ask of it (and of its recordings, transcript, tasks and scorecards), so
 * nobody learns that an interview exists that they may not see. Only a caller who may read it
 * and asks to change it gets 403 (a hiring manager uploading, an advisor changing a practice).
 */
import type { FastifyRequest } from 'fastify';
import { CandorError } from '../../../core/index.js';
import type { InterviewRecord, Store, TaskRecord, UserRecord, UserRole } from '../../../store/index.js';
import { hidden, me, scoped } from '../../scope.js';
import { INTERVIEW_KEY } from '../../worker/index.js';
import { KNOWLEDGE_IMPORT } from '../knowledge/import-runner.js';
import { KNOWLEDGE_RETAG } from '../knowledge/retag-runner.js';

export type Access = 'read' | 'write';

const HIRING: Record<Access, readonly UserRole[]> = {
  read: ['admin', 'recruiter', 'hiring_manager'],
  write: ['admin', 'recruiter'],
};
const PRACTICE_READERS: readonly UserRole[] = ['admin', 'advisor'];

function forbidden(user: UserRecord, what: string): CandorError {
  return new CandorError('FORBIDDEN', `role ${user.role} may not ${what}`, { role: user.role });
}

/**
 * Throws unless `user` may read or write `interview` (already known to be in their workspace).
 * @example checkInterviewAccess(me(request), interview, 'write')
 */
export function checkInterviewAccess(user: UserRecord, interview: InterviewRecord, access: Access): void {
  if (interview.kind === 'practice') {
    if (interview.userId === user.id) return;
    if (!PRACTICE_READERS.includes(user.role)) throw hidden('interview', interview.id);
    if (access === 'write') throw forbidden(user, "change a student's practice");
    return;
  }
  if (!HIRING.read.includes(user.role)) throw hidden('interview', interview.id);
  if (!HIRING[access].includes(user.role)) throw forbidden(user, 'change hiring interviews');
}

/**
 * The interview `id` if the caller may read or write it; 404 for another workspace's.
 * @example const interview = await loadInterview(request, store, request.params.id, 'read')
 */
export async function loadInterview(
  request: FastifyRequest,
  store: Store,
  id: string,
  access: Access,
): Promise<InterviewRecord> {
  const interview = await scoped(request, 'interview', id, (i) => store.interviews.get(i));
  checkInterviewAccess(me(request), interview, access);
  return interview;
}

/**
 * A task the caller may see: one of their workspace's, about an interview they may read.
 * Tasks about no interview are for admins only, but for bulk imports and re-tags, which recruiters
 * follow too;
 * anyone else gets the 404 of an unknown task.
 */
export async function loadTask(request: FastifyRequest, store: Store, id: string): Promise<TaskRecord> {
  const task = await scoped(request, 'task', id, (i) => store.queue.get(i));
  const interviewId = task.payload[INTERVIEW_KEY];
  const user = me(request);
  if (typeof interviewId !== 'string') {
    if (user.role === 'admin') return task;
    if ((task.kind === KNOWLEDGE_IMPORT || task.kind === KNOWLEDGE_RETAG) && user.role === 'recruiter')
      return task;
    throw hidden('task', id);
  }
  const interview = await store.interviews.get(interviewId).catch(() => null);
  if (interview === null || interview.workspaceId !== task.workspaceId) throw hidden('task', id);
  try {
    checkInterviewAccess(user, interview, 'read');
  } catch (error) {
    // Say "task", not "interview": the caller asked for a task.
    if (error instanceof CandorError && error.code === 'NOT_FOUND') throw hidden('task', id);
    throw error;
  }
  return task;
}
