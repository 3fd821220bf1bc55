/** POST /interviews, POST /practice, GET /interviews/:id; registered by `interviews.test.ts`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../store/index.js';
import { codeOf, routeFixture, type RouteFixture } from './test-fixture.js';

interface InterviewBody {
  id: string;
  kind: string;
  title: string | null;
  applicationId: string | null;
  userId: string | null;
  account?: string | null;
  occurredAt?: string;
}

/** @example describeInterviewRecords('sqlite', () => openStore({ dataDir })) */
export function describeInterviewRecords(name: string, open: () => Promise<Store>): void {
  describe(`interview records on ${name}`, () => {
    let fx: RouteFixture;
    beforeAll(async () => {
      fx = await routeFixture(open, 'records');
    });
    afterAll(() => fx.close());

    const create = (caller: Parameters<RouteFixture['as']>[0], body: object) =>
      fx.as(caller, { method: 'POST', url: '/api/v1/interviews', payload: body });
    const practise = (caller: Parameters<RouteFixture['as']>[0], body: object) =>
      fx.as(caller, { method: 'POST', url: '/api/v1/practice', payload: body });
    const read = (caller: Parameters<RouteFixture['as']>[0], id: string) =>
      fx.as(caller, { method: 'GET', url: `/api/v1/interviews/${id}` });

    it('POST /interviews creates a hiring interview for an application', async () => {
      const res = await create('recruiter', { applicationId: fx.hiring.applicationId, kind: 'async' });
      expect(res.statusCode).toBe(201);
      const body = res.json<InterviewBody>();
      expect(body).toMatchObject({
        kind: 'async',
        applicationId: fx.hiring.applicationId,
        userId: null,
        sourceFile: null,
        format: null,
        title: 'Recorded answers: Priya Raman for Sales Development Representative',
      });
      expect((await fx.store.interviews.get(body.id)).workspaceId).toBe(fx.hiring.workspaceId);
      expect(
        (await create('admin', { applicationId: fx.hiring.applicationId, kind: 'live' })).statusCode,
      ).toBe(201);
    });

    it('POST /interviews: 400 naming the field, 401, 403 for other roles, 404 for another workspace', async () => {
      const bad = await create('recruiter', { applicationId: fx.hiring.applicationId, kind: 'practice' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: { field: 'kind' } } });
      expect((await create(null, { applicationId: fx.hiring.applicationId, kind: 'live' })).statusCode).toBe(
        401,
      );
      for (const role of ['hiring_manager', 'advisor', 'candidate'] as const) {
        const res = await create(role, { applicationId: fx.hiring.applicationId, kind: 'live' });
        expect(res.statusCode).toBe(403);
      }
      const foreign = await create('recruiter', { applicationId: fx.elsewhere.applicationId, kind: 'live' });
      const unknown = await create('recruiter', { applicationId: 'app_missing', kind: 'live' });
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json()).toEqual({
        error: {
          code: 'NOT_FOUND',
          message: `application ${fx.elsewhere.applicationId} not found`,
          details: { entity: 'application', id: fx.elsewhere.applicationId },
        },
      });
      expect(unknown.json()).toMatchObject({ error: { message: 'application app_missing not found' } });
    });

    it('POST /interviews creates a sales call outside hiring with its metadata; GET shows it', async () => {
      const res = await create('recruiter', {
        kind: 'sales',
        title: 'Discovery call',
        account: 'Acme Corp',
        segment: 'enterprise',
        role: 'VP Engineering',
        outcome: 'won',
        occurredAt: '2026-03-14',
      });
      expect(res.statusCode).toBe(201);
      const body = res.json<InterviewBody>();
      expect(body).toMatchObject({
        kind: 'sales',
        applicationId: null,
        title: 'Discovery call',
        account: 'Acme Corp',
        segment: 'enterprise',
        role: 'VP Engineering',
        outcome: 'won',
        occurredAt: '2026-03-14T00:00:00.000Z',
      });
      expect((await fx.store.interviews.get(body.id)).workspaceId).toBe(fx.hiring.workspaceId);
      expect((await read('admin', body.id)).json()).toMatchObject({ interview: { account: 'Acme Corp' } });
      // Without a date, the conversation happened when it was recorded.
      const undated = (await create('admin', { kind: 'exit' })).json<InterviewBody & { createdAt: string }>();
      expect(undated).toMatchObject({ kind: 'exit', account: null, occurredAt: undated.createdAt });
    });

    it('POST /interviews: 400 naming the field for a bad date, a long account, an application on a sales call', async () => {
      const cases: Array<[object, string]> = [
        [{ kind: 'customer', occurredAt: '2026-02-30' }, 'occurredAt'],
        [{ kind: 'customer', account: 'x'.repeat(201) }, 'account'],
        [{ kind: 'sales', applicationId: fx.hiring.applicationId }, 'applicationId'],
        [{ kind: 'live' }, 'applicationId'],
      ];
      for (const [payload, field] of cases) {
        const res = await create('recruiter', payload);
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
        expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: { field } } });
      }
    });

    it('POST /practice starts a practice interview the student owns, titled with the question', async () => {
      const res = await practise('candidate', { questionSetId: 'default', questionId: 'difficult-problem' });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        kind: 'practice',
        userId: fx.users.candidate.id,
        applicationId: null,
        title: 'Tell me about the most difficult problem you solved at work and how you approached it.',
      });
    });

    it('POST /practice: 400 for an unknown question, 404 for an unknown set, 401, 403 for staff', async () => {
      const noQuestion = await practise('candidate', { questionSetId: 'default', questionId: 'nope' });
      expect(noQuestion.statusCode).toBe(400);
      expect(noQuestion.json()).toMatchObject({
        error: { code: 'VALIDATION_FAILED', details: { field: 'questionId' } },
      });
      const missingField = await practise('candidate', { questionSetId: 'default' });
      expect(missingField.json()).toMatchObject({ error: { details: { field: 'questionId' } } });
      const noSet = await practise('candidate', { questionSetId: '../../etc/passwd', questionId: 'x' });
      expect(noSet.statusCode).toBe(404);
      expect(noSet.json()).toMatchObject({ error: { message: 'question set ../../etc/passwd not found' } });
      expect(
        (await practise(null, { questionSetId: 'default', questionId: 'conflict-remote' })).statusCode,
      ).toBe(401);
      for (const role of ['recruiter', 'advisor', 'admin'] as const) {
        expect(
          (await practise(role, { questionSetId: 'default', questionId: 'conflict-remote' })).statusCode,
        ).toBe(403);
      }
    });

    it("POST /practice cannot use another workspace's question set", async () => {
      const set = {
        id: `private-${Date.now()}`,
        name: 'Private',
        version: '1',
        questions: [{ id: 'q1', text: 'Why do you want this role?', competencies: [], keyPoints: [] }],
      };
      await fx.store.questionSets.save(set, { workspaceId: fx.elsewhere.workspaceId });
      const res = await practise('candidate', { questionSetId: set.id, questionId: 'q1' });
      expect(res.statusCode).toBe(404);
      expect(
        (await practise('outsiderStudent', { questionSetId: set.id, questionId: 'q1' })).statusCode,
      ).toBe(201);
    });

    it('GET /interviews/:id shows a hiring interview to hiring staff with media, scorecard and tasks', async () => {
      const { id } = (
        await create('recruiter', { applicationId: fx.hiring.applicationId, kind: 'live' })
      ).json<InterviewBody>();
      for (const role of ['admin', 'recruiter', 'hiring_manager'] as const) {
        const res = await read(role, id);
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ interview: { id }, media: [], scorecardId: null, tasks: [] });
      }
      expect((await read('advisor', id)).statusCode).toBe(404);
      // A candidate never learns of hiring interviews: the same 404 as an unknown id.
      const asCandidate = await read('candidate', id);
      expect(asCandidate.statusCode).toBe(404);
      expect(asCandidate.json()).toMatchObject({ error: { message: `interview ${id} not found` } });
      expect((await read(null, id)).statusCode).toBe(401);
      const outsider = await read('outsider', id);
      expect(outsider.statusCode).toBe(404);
      expect(outsider.json()).toEqual({
        error: {
          code: 'NOT_FOUND',
          message: `interview ${id} not found`,
          details: { entity: 'interview', id },
        },
      });
    });

    it('GET /interviews/:id shows a practice interview to its student, advisors and admins only', async () => {
      const { id } = (
        await practise('candidate', { questionSetId: 'default', questionId: 'conflict-remote' })
      ).json<InterviewBody>();
      for (const caller of ['candidate', 'advisor', 'admin'] as const)
        expect((await read(caller, id)).statusCode).toBe(200);
      expect((await read('student2', id)).statusCode).toBe(404);
      expect((await read('recruiter', id)).statusCode).toBe(404);
      expect((await read('hiring_manager', id)).statusCode).toBe(404);
      expect((await read('outsiderStudent', id)).statusCode).toBe(404);
      expect(codeOf(await read('outsider', id))).toBe('NOT_FOUND');
    });
  });
}
