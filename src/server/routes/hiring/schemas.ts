/** Request and response shapes shared by the hiring and coaching routes (one place per noun). */
import { z } from 'zod';
import type {
  UserRole,
  ApplicationRecord,
  CandidateRecord,
  JobRecord,
  PipelineEventRecord,
} from '../../../store/index.js';
import { ErrorBody } from '../../errors.js';

/** Who may do what (contract roles): R = admin + recruiter, H = hiring manager, A = advisor, C = student. */
export const RECRUITERS: readonly UserRole[] = ['admin', 'recruiter'];
export const HIRING_TEAM: readonly UserRole[] = ['admin', 'recruiter', 'hiring_manager'];
export const COACHES: readonly UserRole[] = ['admin', 'advisor'];

/**
 * The error body under each status a route can answer with, for its `response` schema.
 * @example response: { 200: JobView, ...errorResponses(401, 403, 404) }
 */
export function errorResponses<const C extends number>(...codes: C[]): Record<C, typeof ErrorBody> {
  return Object.fromEntries(codes.map((code) => [code, ErrorBody])) as Record<C, typeof ErrorBody>;
}

/**
 * A record id: prefixed random text (`job_3f2a…`) or a readable slug (`default`). At most 100
 * characters, Fastify's longest path parameter.
 */
export const Id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\w.-]+$/, 'letters, digits, _ . - only');
export const IdParams = z.object({ id: Id });

export const JobView = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    skills: z.array(z.string()),
    frameworkId: z.string().nullable(),
    questionSetId: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Job' });
export type JobView = z.infer<typeof JobView>;

export const CandidateView = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    /** IANA time zone, e.g. `Europe/Berlin`. */
    timeZone: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Candidate' });
export type CandidateView = z.infer<typeof CandidateView>;

export const ApplicationView = z
  .object({
    id: z.string(),
    candidateId: z.string(),
    jobId: z.string(),
    /** `applied`, `advanced`, `rejected`, `on_hold`, … */
    stage: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Application' });
export type ApplicationView = z.infer<typeof ApplicationView>;

export const PipelineEventView = z
  .object({
    id: z.string(),
    /** `applied`, `decision`, … */
    kind: z.string(),
    /** A user id, or `system` / `agent`. */
    actor: z.string(),
    /** The acting user's name; null for `system`, `agent` or a deleted user. */
    actorName: z.string().nullable(),
    reason: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
    occurredAt: z.string(),
  })
  .meta({ id: 'PipelineEvent' });
export type PipelineEventView = z.infer<typeof PipelineEventView>;

/** An uploaded recording as the player needs it (the bytes are at `url`). */
/** @example toJobView(await store.jobs.get(id)) */
export function toJobView(job: JobRecord): JobView {
  return {
    id: job.id,
    title: job.title,
    description: job.description,
    skills: [...job.skills],
    frameworkId: job.frameworkId,
    questionSetId: job.questionSetId,
    createdAt: job.createdAt,
  };
}

/** @example toCandidateView(await store.candidates.get(id)) */
export function toCandidateView(candidate: CandidateRecord): CandidateView {
  return {
    id: candidate.id,
    name: candidate.name,
    email: candidate.email,
    phone: candidate.phone,
    timeZone: candidate.timeZone,
    createdAt: candidate.createdAt,
  };
}

/** @example toApplicationView(await store.applications.get(id)) */
export function toApplicationView(application: ApplicationRecord): ApplicationView {
  return {
    id: application.id,
    candidateId: application.candidateId,
    jobId: application.jobId,
    stage: application.stage,
    createdAt: application.createdAt,
    updatedAt: application.updatedAt,
  };
}

/** @example toEventView(event, new Map([[user.id, user.name]])) */
export function toEventView(
  event: PipelineEventRecord,
  names: ReadonlyMap<string, string>,
): PipelineEventView {
  return {
    id: event.id,
    kind: event.kind,
    actor: event.actor,
    actorName: names.get(event.actor) ?? null,
    reason: event.reason,
    payload: { ...event.payload },
    occurredAt: event.occurredAt,
  };
}
