import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { me, scoped } from '../../scope.js';
import {
  ApplicationView,
  CandidateView,
  errorResponses,
  HIRING_TEAM,
  IdParams,
  RECRUITERS,
  toCandidateView,
} from './schemas.js';

/** True for a time zone name the runtime knows (IANA names such as `America/New_York`, and `UTC`). */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return /^[A-Za-z]/.test(name);
  } catch {
    return false;
  }
}

const Fields = {
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320).nullable(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ().-]{3,40}$/, 'digits, spaces and + ( ) . - only')
    .nullable(),
  timeZone: z
    .string()
    .max(100)
    .refine(isTimeZone, 'expected an IANA time zone such as Europe/Berlin')
    .nullable(),
};

const NewCandidateBody = z.object({
  name: Fields.name,
  email: Fields.email.optional(),
  phone: Fields.phone.optional(),
  timeZone: Fields.timeZone.optional(),
});

const CandidatePatchBody = z.object(Fields).partial();

const CandidateApplication = ApplicationView.extend({ jobTitle: z.string() });

/**
 * `GET /candidates`, `GET /candidates/:id` (admin, recruiter, hiring manager); `POST /candidates`,
 * `PATCH /candidates/:id` (admin, recruiter).
 * @example await app.register(candidateRoutes({ store, config }))
 */
export function candidateRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/candidates',
      {
        onRequest: requireRole(...HIRING_TEAM),
        schema: {
          tags: ['candidates'],
          summary: "The workspace's candidates by name",
          response: { 200: z.object({ candidates: z.array(CandidateView) }), ...errorResponses(401, 403) },
        },
      },
      async (request) => {
        const candidates = await store.candidates.listByWorkspace(me(request).workspaceId);
        return { candidates: candidates.map(toCandidateView) };
      },
    );

    app.post(
      '/candidates',
      {
        onRequest: requireRole(...RECRUITERS),
        schema: {
          tags: ['candidates'],
          summary: 'Add a candidate',
          body: NewCandidateBody,
          response: { 201: CandidateView, ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => {
        const candidate = await store.candidates.create({
          ...request.body,
          workspaceId: me(request).workspaceId,
        });
        return reply.code(201).send(toCandidateView(candidate));
      },
    );

    app.get(
      '/candidates/:id',
      {
        onRequest: requireRole(...HIRING_TEAM),
        schema: {
          tags: ['candidates'],
          summary: 'A candidate and the jobs they applied to',
          params: IdParams,
          response: {
            200: z.object({ candidate: CandidateView, applications: z.array(CandidateApplication) }),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (request) => {
        const candidate = await scoped(request, 'candidate', request.params.id, (i) =>
          store.candidates.get(i),
        );
        return {
          candidate: toCandidateView(candidate),
          applications: await store.applications.listByCandidate(candidate.id),
        };
      },
    );

    app.patch(
      '/candidates/:id',
      {
        onRequest: requireRole(...RECRUITERS),
        schema: {
          tags: ['candidates'],
          summary: 'Change some of a candidate’s details (null clears email, phone or time zone)',
          params: IdParams,
          body: CandidatePatchBody,
          response: { 200: CandidateView, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const candidate = await scoped(request, 'candidate', request.params.id, (i) =>
          store.candidates.get(i),
        );
        return toCandidateView(await store.candidates.update(candidate.id, request.body));
      },
    );
    return Promise.resolve();
  };
}
