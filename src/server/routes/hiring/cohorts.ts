import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CandorError } from '../../../core/index.js';
import type { CohortRecord, Store } from '../../../store/index.js';
import { requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { readableBy } from '../record-access.js';
import { hidden, me, scoped } from '../../scope.js';
import { cohortReport } from './cohort-report.js';
import { practiceHistory, PracticeSessionView, ProgressView } from './practice-history.js';
import type { ScorecardSummaries } from './scorecard-summaries.js';
import { COACHES, errorResponses, Id, IdParams } from './schemas.js';

const CohortItem = z.object({
  id: z.string(),
  name: z.string(),
  studentCount: z.number(),
  createdAt: z.string(),
});
const CohortView = z.object({ id: z.string(), name: z.string(), createdAt: z.string() });
const nullableNumber = z.number().nullable();

const CohortDetail = z.object({
  cohort: CohortView,
  students: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      email: z.string(),
      sessions: z.number(),
      latestOverall: nullableNumber,
      lastPractice: z.string().nullable(),
    }),
  ),
  competencies: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      scores: z.array(z.number()),
      median: nullableNumber,
      p25: nullableNumber,
      p75: nullableNumber,
      min: nullableNumber,
      max: nullableNumber,
      shareBelow50: z.number(),
    }),
  ),
  lacksMost: z.array(
    z.object({ id: z.string(), name: z.string(), median: z.number(), shareBelow50: z.number() }),
  ),
  trend: z.array(
    z.object({ week: z.string(), sessions: z.number(), competencies: z.record(z.string(), nullableNumber) }),
  ),
});

const view = (c: CohortRecord) => ({ id: c.id, name: c.name, createdAt: c.createdAt });

/** Every id must be a student (role candidate) of the workspace; others read as unknown users. */
async function checkStudents(store: Store, workspaceId: string, userIds: readonly string[]): Promise<void> {
  const users = await store.users.getMany(workspaceId, userIds);
  userIds.forEach((id, index) => {
    const user = users.get(id);
    if (user === undefined) throw hidden('user', id);
    if (user.role !== 'candidate') {
      const field = `userIds.${index}`;
      const message = `body.${field}: user ${id} is not a student (role ${user.role})`;
      throw new CandorError('VALIDATION_FAILED', message, { in: 'body', field });
    }
  });
}

/**
 * Advisors' cohorts (admin, advisor): `GET /cohorts`, `POST /cohorts`, `POST /cohorts/:id/members`,
 * `GET /cohorts/:id` (statistics), `GET /cohorts/:id/students/:userId` (one student's practice).
 * @example await app.register(cohortRoutes({ store, config }, summaries))
 */
export function cohortRoutes(
  { store, config }: RouteDeps,
  summaries: ScorecardSummaries,
): FastifyPluginAsyncZod {
  const load = (id: string) => store.cohorts.get(id);
  return (app) => {
    app.get(
      '/cohorts',
      {
        onRequest: requireRole(...COACHES),
        schema: {
          tags: ['cohorts'],
          summary: "The workspace's cohorts with their number of students",
          response: { 200: z.object({ cohorts: z.array(CohortItem) }), ...errorResponses(401, 403) },
        },
      },
      async (request) => {
        const { workspaceId } = me(request);
        const [cohorts, counts] = await Promise.all([
          store.cohorts.listByWorkspace(workspaceId),
          store.cohorts.studentCounts(workspaceId),
        ]);
        return { cohorts: cohorts.map((c) => ({ ...view(c), studentCount: counts.get(c.id) ?? 0 })) };
      },
    );

    app.post(
      '/cohorts',
      {
        onRequest: requireRole(...COACHES),
        schema: {
          tags: ['cohorts'],
          summary: 'Start a cohort (409 if the workspace has one of that name)',
          body: z.object({ name: z.string().trim().min(1).max(200) }),
          response: { 201: CohortItem, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) => {
        const cohort = await store.cohorts.create({
          workspaceId: me(request).workspaceId,
          name: request.body.name,
        });
        return reply.code(201).send({ ...view(cohort), studentCount: 0 });
      },
    );

    app.post(
      '/cohorts/:id/members',
      {
        onRequest: requireRole(...COACHES),
        schema: {
          tags: ['cohorts'],
          summary: 'Add students (users with the candidate role) to a cohort; adding one twice is fine',
          params: IdParams,
          body: z.object({ userIds: z.array(Id).min(1).max(500) }),
          response: {
            200: z.object({ cohort: CohortView, studentCount: z.number() }),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (request) => {
        const cohort = await scoped(request, 'cohort', request.params.id, load);
        await checkStudents(store, cohort.workspaceId, request.body.userIds);
        await store.cohorts.addMembers(cohort.id, request.body.userIds);
        return { cohort: view(cohort), studentCount: (await store.cohorts.members(cohort.id)).length };
      },
    );

    app.get(
      '/cohorts/:id',
      {
        onRequest: readableBy('cohort', ...COACHES),
        schema: {
          tags: ['cohorts'],
          summary: 'A cohort: students, competency spread, what it lacks most, weekly trend',
          params: IdParams,
          response: { 200: CohortDetail, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const cohort = await scoped(request, 'cohort', request.params.id, load);
        const report = await cohortReport(store, summaries, cohort);
        return { cohort: view(cohort), ...report };
      },
    );

    app.get(
      '/cohorts/:id/students/:userId',
      {
        onRequest: readableBy('cohort', ...COACHES),
        schema: {
          tags: ['cohorts'],
          summary: "One student's practice sessions and progress",
          params: z.object({ id: Id, userId: Id }),
          response: {
            200: z.object({
              student: z.object({ userId: z.string(), name: z.string(), email: z.string() }),
              sessions: z.array(PracticeSessionView),
              progress: z.array(ProgressView),
            }),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (request) => {
        const { userId } = request.params;
        const cohort = await scoped(request, 'cohort', request.params.id, load);
        const members = await store.cohorts.members(cohort.id);
        const student = members.includes(userId)
          ? (await store.users.getMany(cohort.workspaceId, [userId])).get(userId)
          : undefined;
        if (student === undefined) throw hidden('student', userId);
        const history = await practiceHistory(store, summaries, student, config.mediaDir);
        return { student: { userId: student.id, name: student.name, email: student.email }, ...history };
      },
    );
    return Promise.resolve();
  };
}
