/**
 * Every hiring route: 401 without credentials, 403 for a role that may not use it, and 404 —
 * worded exactly like an unknown id — for a record of another workspace. Also the OpenAPI doc.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinFrameworks } from './catalogue.js';
import type { SuiteContext } from './hiring.suite.js';
import { analysedExamples, analysedInterview, hiringRecords, send, type Member } from './test-helpers.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type MainName = 'admin' | 'recruiter' | 'manager' | 'advisor' | 'student' | 'student2';

interface Ids {
  job: string;
  candidate: string;
  application: string;
  application2: string;
  scorecard: string;
  cohort: string;
  student: string;
  framework: string;
  questionSet: string;
}

interface RouteCase {
  readonly method: Method;
  readonly url: (ids: Ids) => string;
  readonly payload?: (ids: Ids) => unknown;
  /** A role of the same workspace that gets 403. */
  readonly wrongRole?: MainName;
  /** Entity named in the 404 message when `url`/`payload` get another workspace's ids. */
  readonly hidden?: { entity: string; id: (ids: Ids) => string };
}

const ROUTES: readonly RouteCase[] = [
  { method: 'GET', url: () => '/users', wrongRole: 'recruiter' },
  {
    method: 'POST',
    url: () => '/users',
    payload: () => ({ email: 'x@example.com', name: 'X', role: 'recruiter', password: 'long enough pw' }),
    wrongRole: 'advisor',
  },
  { method: 'GET', url: () => '/tokens' },
  { method: 'POST', url: () => '/tokens', payload: () => ({ name: 'laptop' }) },
  { method: 'DELETE', url: () => '/tokens/tok_missing' },
  { method: 'GET', url: () => '/frameworks' },
  {
    method: 'GET',
    url: (ids) => `/frameworks/${ids.framework}`,
    hidden: { entity: 'framework', id: (ids) => ids.framework },
  },
  {
    method: 'POST',
    url: () => '/frameworks',
    payload: () => ({ ...defaultFramework(), id: 'access-denied' }),
    wrongRole: 'manager',
  },
  { method: 'GET', url: () => '/question-sets' },
  {
    method: 'GET',
    url: (ids) => `/question-sets/${ids.questionSet}`,
    hidden: { entity: 'question set', id: (ids) => ids.questionSet },
  },
  {
    method: 'POST',
    url: () => '/question-sets',
    payload: () => ({
      id: 'access-denied',
      name: 'Denied',
      questions: [{ id: 'q1', text: 'Why this job?' }],
    }),
    wrongRole: 'manager',
  },
  { method: 'GET', url: () => '/jobs', wrongRole: 'advisor' },
  {
    method: 'POST',
    url: () => '/jobs',
    payload: () => ({ title: 'T', description: 'D' }),
    wrongRole: 'manager',
  },
  {
    method: 'GET',
    url: (ids) => `/jobs/${ids.job}`,
    wrongRole: 'student',
    hidden: { entity: 'job', id: (i) => i.job },
  },
  {
    method: 'PATCH',
    url: (ids) => `/jobs/${ids.job}`,
    payload: () => ({ title: 'Renamed' }),
    wrongRole: 'manager',
    hidden: { entity: 'job', id: (i) => i.job },
  },
  {
    method: 'GET',
    url: (ids) => `/jobs/${ids.job}/ranking`,
    wrongRole: 'advisor',
    hidden: { entity: 'job', id: (i) => i.job },
  },
  {
    method: 'GET',
    url: (ids) => `/jobs/${ids.job}/ranking.csv`,
    wrongRole: 'advisor',
    hidden: { entity: 'job', id: (i) => i.job },
  },
  {
    method: 'GET',
    url: (ids) => `/jobs/${ids.job}/compare?applications=${ids.application},${ids.application2}`,
    wrongRole: 'student',
    hidden: { entity: 'job', id: (i) => i.job },
  },
  { method: 'GET', url: () => '/candidates', wrongRole: 'advisor' },
  { method: 'POST', url: () => '/candidates', payload: () => ({ name: 'N' }), wrongRole: 'manager' },
  {
    method: 'GET',
    url: (ids) => `/candidates/${ids.candidate}`,
    wrongRole: 'student',
    hidden: { entity: 'candidate', id: (i) => i.candidate },
  },
  {
    method: 'PATCH',
    url: (ids) => `/candidates/${ids.candidate}`,
    payload: () => ({ name: 'Renamed' }),
    wrongRole: 'manager',
    hidden: { entity: 'candidate', id: (i) => i.candidate },
  },
  {
    method: 'POST',
    url: () => '/applications',
    payload: (ids) => ({ candidateId: ids.candidate, jobId: ids.job }),
    wrongRole: 'manager',
    hidden: { entity: 'candidate', id: (i) => i.candidate },
  },
  {
    method: 'GET',
    url: (ids) => `/applications/${ids.application}`,
    wrongRole: 'advisor',
    hidden: { entity: 'application', id: (i) => i.application },
  },
  {
    method: 'POST',
    url: (ids) => `/applications/${ids.application}/decisions`,
    payload: () => ({ decision: 'hold', reason: 'access check' }),
    wrongRole: 'student',
    hidden: { entity: 'application', id: (i) => i.application },
  },
  {
    method: 'GET',
    url: (ids) => `/scorecards/${ids.scorecard}`,
    wrongRole: 'advisor',
    hidden: { entity: 'scorecard', id: (i) => i.scorecard },
  },
  { method: 'GET', url: () => '/practice', wrongRole: 'recruiter' },
  { method: 'GET', url: () => '/cohorts', wrongRole: 'recruiter' },
  { method: 'POST', url: () => '/cohorts', payload: () => ({ name: 'Access' }), wrongRole: 'manager' },
  {
    method: 'POST',
    url: (ids) => `/cohorts/${ids.cohort}/members`,
    payload: (ids) => ({ userIds: [ids.student] }),
    wrongRole: 'recruiter',
    hidden: { entity: 'cohort', id: (i) => i.cohort },
  },
  {
    method: 'GET',
    url: (ids) => `/cohorts/${ids.cohort}`,
    wrongRole: 'student',
    hidden: { entity: 'cohort', id: (i) => i.cohort },
  },
  {
    method: 'GET',
    url: (ids) => `/cohorts/${ids.cohort}/students/${ids.student}`,
    wrongRole: 'manager',
    hidden: { entity: 'cohort', id: (i) => i.cohort },
  },
];

const label = (r: RouteCase) => `${r.method} ${r.url(PLACEHOLDER).replace(/\?.*/, '')}`;
const PLACEHOLDER: Ids = {
  job: ':job',
  candidate: ':candidate',
  application: ':application',
  application2: ':application2',
  scorecard: ':scorecard',
  cohort: ':cohort',
  student: ':student',
  framework: ':framework',
  questionSet: ':questionSet',
};

function defaultFramework() {
  const framework = builtinFrameworks().find((fw) => fw.id === 'default');
  if (framework === undefined) throw new Error('no built-in default framework');
  return framework;
}

export function accessCases(f: () => SuiteContext): void {
  describe('access', () => {
    let mine: Ids;
    let theirs: Ids;
    const call = (who: Member | null, r: RouteCase, ids: Ids) =>
      send(f().fx.app, who, r.method, r.url(ids), r.payload?.(ids) ?? (r.method === 'GET' ? undefined : {}));

    beforeAll(async () => {
      const { store, workspaceId, otherWorkspaceId, users, other } = f().fx;
      const { priya } = await analysedExamples();
      const seed = async (ws: string, student: string, suffix: string): Promise<Ids> => {
        const framework = `access-fw-${suffix}`;
        const questionSet = `access-qs-${suffix}`;
        const definition = { ...defaultFramework(), id: framework };
        await store.frameworks.save({
          id: framework,
          version: '1.0.0',
          name: 'Access',
          definition,
          workspaceId: ws,
        });
        await store.questionSets.save(
          {
            id: questionSet,
            name: 'Access',
            version: '1',
            questions: [{ id: 'q1', text: 'Why?', competencies: [], keyPoints: [] }],
          },
          { workspaceId: ws },
        );
        const a = await hiringRecords(store, ws, 'Access Ada');
        const b = await hiringRecords(store, ws, 'Access Ben', a.job.id);
        const kind = 'live' as const;
        const { scorecardId } = await analysedInterview(
          store,
          { workspaceId: ws, kind, applicationId: a.application.id },
          priya,
        );
        const cohort = await store.cohorts.create({ workspaceId: ws, name: `Access ${ws}` });
        await store.cohorts.addMembers(cohort.id, [student]);
        return {
          job: a.job.id,
          candidate: a.candidate.id,
          application: a.application.id,
          application2: b.application.id,
          scorecard: scorecardId,
          cohort: cohort.id,
          student,
          framework,
          questionSet,
        };
      };
      mine = await seed(workspaceId, users.student.user.id, 'mine');
      theirs = await seed(otherWorkspaceId, other.student.user.id, 'theirs');
    });

    it.each(ROUTES.map((r) => [label(r), r] as const))('%s: 401 without credentials', async (_, route) => {
      const res = await call(null, route, mine);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    });

    // Credentials and role are checked before the body is read: a malformed body from a caller
    // who may not use the route says nothing about what the route would accept.
    const withBody = ROUTES.filter((r) => r.payload !== undefined);
    it.each(withBody.map((r) => [label(r), r] as const))(
      '%s: a malformed body answers 401 without credentials and 403 for a wrong role, not 400',
      async (_, route) => {
        const malformed = [1, 'not an object'];
        const anonymous = await send(f().fx.app, null, route.method, route.url(mine), malformed);
        expect(anonymous.statusCode).toBe(401);
        expect(anonymous.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
        if (route.wrongRole !== undefined) {
          const who = f().fx.users[route.wrongRole];
          const denied = await send(f().fx.app, who, route.method, route.url(mine), malformed);
          expect(denied.statusCode).toBe(403);
          expect(denied.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
        }
        // The right caller still gets the validation error.
        const admin = await send(f().fx.app, f().fx.users.admin, route.method, route.url(mine), malformed);
        expect([400, 403]).toContain(admin.statusCode);
      },
    );

    // A read of one record the role may not make answers like an unknown id; other refusals 403.
    const hidesRecord = (r: RouteCase) => r.method === 'GET' && r.hidden !== undefined;
    const guarded = ROUTES.filter((r) => r.wrongRole !== undefined && !hidesRecord(r));
    it.each(guarded.map((r) => [label(r), r.wrongRole, r] as const))(
      '%s: 403 for %s',
      async (_, role, route) => {
        const res = await call(f().fx.users[role ?? 'student'], route, mine);
        expect(res.statusCode).toBe(403);
        expect(res.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
      },
    );

    const hiddenReads = ROUTES.filter((r) => r.wrongRole !== undefined && hidesRecord(r));
    it.each(hiddenReads.map((r) => [label(r), r.wrongRole, r] as const))(
      '%s: 404 for %s, like an unknown id',
      async (_, role, route) => {
        const res = await call(f().fx.users[role ?? 'student'], route, mine);
        const hidden = route.hidden!;
        expect(res.statusCode).toBe(404);
        expect(res.json()).toEqual({
          error: {
            code: 'NOT_FOUND',
            message: `${hidden.entity} ${hidden.id(mine)} not found`,
            details: { entity: hidden.entity, id: hidden.id(mine) },
          },
        });
      },
    );

    const scoped = ROUTES.filter((r) => r.hidden !== undefined);
    it.each(scoped.map((r) => [label(r), r] as const))(
      '%s: another workspace’s record answers 404 like an unknown id',
      async (_, route) => {
        const who = f().fx.users.admin;
        const hidden = route.hidden!;
        const unknownIds = Object.fromEntries(
          Object.keys(PLACEHOLDER).map((k) => [k, `nope_${k}`]),
        ) as unknown as Ids;
        const [foreign, unknown] = [await call(who, route, theirs), await call(who, route, unknownIds)];
        expect(foreign.statusCode).toBe(404);
        expect(unknown.statusCode).toBe(404);
        const message = (ids: Ids) => `${hidden.entity} ${hidden.id(ids)} not found`;
        expect(foreign.json().error).toMatchObject({ code: 'NOT_FOUND', message: message(theirs) });
        expect(unknown.json().error).toMatchObject({ code: 'NOT_FOUND', message: message(unknownIds) });
      },
    );

    it('documents every route with a tag and a summary in the OpenAPI document', async () => {
      const res = await f().fx.app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(res.statusCode).toBe(200);
      const doc = res.json<{
        paths: Record<string, Record<string, { tags?: string[]; summary?: string }>>;
      }>();
      for (const route of ROUTES) {
        const openApiPath = `/api/v1${route.url(PLACEHOLDER).replace(/\?.*/, '')}`.replace(/:(\w+)/g, '{$1}');
        const candidates = Object.entries(doc.paths).filter(([p]) =>
          new RegExp(`^${p.replace(/\{\w+\}/g, '[^/]+')}$`).test(openApiPath),
        );
        const operation = candidates.map(([, ops]) => ops[route.method.toLowerCase()]).find(Boolean);
        expect(operation, label(route)).toBeDefined();
        expect(operation?.tags?.length, label(route)).toBeGreaterThan(0);
        expect(operation?.summary, label(route)).toMatch(/\w{3}/);
      }
    });
  });
}
