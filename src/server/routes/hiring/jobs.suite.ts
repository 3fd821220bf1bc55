/** Jobs, the ranking of a job's candidates, and side-by-side comparison. */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SuiteContext } from './hiring.suite.js';
import { analysedExamples, analysedInterview, hiringRecords, send } from './test-helpers.js';

export function jobCases(f: () => SuiteContext): void {
  describe('jobs', () => {
    it('creates, reads and changes a job', async () => {
      const { app, users } = f().fx;
      const body = { title: 'Support lead', description: 'Leads the support team.', skills: ['Zendesk'] };
      const created = await send(app, users.recruiter, 'POST', '/jobs', { ...body, frameworkId: 'default' });
      expect(created.statusCode).toBe(201);
      const job = created.json();
      expect(job).toMatchObject({ ...body, frameworkId: 'default', questionSetId: null });
      expect(job).not.toHaveProperty('workspaceId');

      const read = await send(app, users.manager, 'GET', `/jobs/${job.id}`);
      expect(read.json()).toEqual(job);
      const patch = {
        title: 'Head of support',
        skills: ['Zendesk', 'SQL'],
        frameworkId: null,
        questionSetId: 'default',
      };
      const changed = await send(app, users.admin, 'PATCH', `/jobs/${job.id}`, patch);
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toEqual({ ...job, ...patch });
    });

    it('validates jobs: required fields, and only frameworks and question sets the workspace can use', async () => {
      const { app, users } = f().fx;
      const noTitle = await send(app, users.recruiter, 'POST', '/jobs', { description: 'x' });
      expect(noTitle.statusCode).toBe(400);
      expect(noTitle.json().error.details.field).toBe('title');
      const base = { title: 'T', description: 'D' };
      const unknownFramework = await send(app, users.recruiter, 'POST', '/jobs', {
        ...base,
        frameworkId: 'nope',
      });
      expect(unknownFramework.statusCode).toBe(400);
      expect(unknownFramework.json().error).toMatchObject({ details: { field: 'frameworkId' } });
      // The access suite saved `access-qs-theirs` in the other workspace.
      const theirs = await send(app, users.recruiter, 'POST', '/jobs', {
        ...base,
        questionSetId: 'access-qs-theirs',
      });
      expect(theirs.statusCode).toBe(400);
      expect(theirs.json().error.details.field).toBe('questionSetId');
      const created = await send(app, users.recruiter, 'POST', '/jobs', base);
      const emptyTitle = await send(app, users.recruiter, 'PATCH', `/jobs/${created.json().id}`, {
        title: '',
      });
      expect(emptyTitle.statusCode).toBe(400);
      expect(emptyTitle.json().error.details.field).toBe('title');
    });
  });

  describe('ranking', () => {
    let jobId: string;
    const apps: Record<string, string> = {};

    beforeAll(async () => {
      const { store, workspaceId } = f().fx;
      const examples = await analysedExamples();
      const job = await store.jobs.create({
        workspaceId,
        title: 'SDR ranking',
        description: 'Books meetings.',
      });
      jobId = job.id;
      for (const [name, result] of [
        ['Jordan Reyes', examples.jordan],
        ['Tess Short', examples.tooShort],
        ['Priya Patel', examples.priya],
        ['Marcus Lee', examples.marcus],
      ] as const) {
        const { application } = await hiringRecords(store, workspaceId, name, job.id);
        apps[name] = application.id;
        await analysedInterview(store, { workspaceId, kind: 'live', applicationId: application.id }, result);
      }
    });

    it('pages the ranking with limit and offset, keeping ranks and the total', async () => {
      const page = await send(
        f().fx.app,
        f().fx.users.manager,
        'GET',
        `/jobs/${jobId}/ranking?limit=2&offset=1`,
      );
      expect(page.statusCode).toBe(200);
      const body = page.json();
      expect(body).toMatchObject({ total: 4, limit: 2, offset: 1 });
      expect(
        body.ranking.map((r: { candidateName: string; rank: number }) => [r.candidateName, r.rank]),
      ).toEqual([
        ['Marcus Lee', 2],
        ['Jordan Reyes', 3],
      ]);
      const tooMany = await send(
        f().fx.app,
        f().fx.users.manager,
        'GET',
        `/jobs/${jobId}/ranking?limit=5000`,
      );
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.json()).toMatchObject({
        error: { code: 'VALIDATION_FAILED', details: { field: 'limit' } },
      });
    });

    it('orders by overall score, best first, with the insufficient-evidence candidate last', async () => {
      const examples = await analysedExamples();
      const res = await send(f().fx.app, f().fx.users.manager, 'GET', `/jobs/${jobId}/ranking`);
      expect(res.statusCode).toBe(200);
      const { job, ranking } = res.json();
      expect(job.id).toBe(jobId);
      const overall = (r: typeof examples.priya) => r.scorecard.overall.score;
      expect(ranking.map((r: { candidateName: string }) => r.candidateName)).toEqual([
        'Priya Patel',
        'Marcus Lee',
        'Jordan Reyes',
        'Tess Short',
      ]);
      expect(ranking.map((r: { overallScore: number | null }) => r.overallScore)).toEqual([
        overall(examples.priya),
        overall(examples.marcus),
        overall(examples.jordan),
        null,
      ]);
      expect(ranking.map((r: { rank: number | null }) => r.rank)).toEqual([1, 2, 3, null]);
      expect(ranking[3]).toMatchObject({ status: 'insufficient evidence', confidence: 0, strengths: [] });
      expect(ranking[0]).toMatchObject({
        status: 'scored',
        applicationId: apps['Priya Patel'],
        stage: 'applied',
        strengths: examples.priya.scorecard.strengths.map((s) => s.name),
        gaps: examples.priya.scorecard.gaps.map((s) => s.name),
      });
      expect(ranking[0].competencies).toEqual(
        examples.priya.scorecard.competencies.map((c) => ({ id: c.id, name: c.name, score: c.score })),
      );
    });

    it('counts applications and scored ones per job, and lists no other workspace’s jobs', async () => {
      const res = await send(f().fx.app, f().fx.users.recruiter, 'GET', '/jobs');
      expect(res.statusCode).toBe(200);
      const job = res.json().jobs.find((j: { id: string }) => j.id === jobId);
      expect(job).toMatchObject({ title: 'SDR ranking', applicationCount: 4, scoredCount: 3 });
      const theirs = await send(f().fx.app, f().fx.other.recruiter, 'GET', '/jobs');
      expect(theirs.json().jobs.map((j: { id: string }) => j.id)).not.toContain(jobId);
    });

    it('shows why a candidate has no score: analysing, failed, not interviewed', async () => {
      const { store, workspaceId, app, users } = f().fx;
      const { jordan } = await analysedExamples();
      const job = await store.jobs.create({ workspaceId, title: 'Statuses', description: 'Status check.' });
      const make = async (name: string, interview: boolean) => {
        const { application } = await hiringRecords(store, workspaceId, name, job.id);
        if (!interview) return null;
        return store.interviews.create({ workspaceId, kind: 'async', applicationId: application.id });
      };
      const scored = (await make('Erin Scored', true))!;
      await analysedInterview(
        store,
        { workspaceId, kind: 'live', applicationId: scored.applicationId! },
        jordan,
      );
      const running = (await make('Ana Running', true))!;
      await store.queue.enqueue({
        workspaceId,
        kind: 'analyze-interview',
        payload: { interviewId: running.id },
      });
      const broken = (await make('Bo Broken', true))!;
      const kind = `test-${randomUUID()}`;
      const task = await store.queue.enqueue({ workspaceId, kind, payload: { interviewId: broken.id } });
      await store.queue.claim('test-worker', [kind], 60_000);
      await store.queue.fail(task.id, 'test-worker', 'unreadable', { retryDelayMs: 0, permanent: true });
      await make('Cy Waiting', true);
      await make('Di Absent', false);

      const res = await send(app, users.recruiter, 'GET', `/jobs/${job.id}/ranking`);
      const rows = res
        .json()
        .ranking.map((r: { candidateName: string; status: string; interviewId: string | null }) => [
          r.candidateName,
          r.status,
          r.interviewId !== null,
        ]);
      expect(rows).toEqual([
        ['Erin Scored', 'scored', true],
        ['Ana Running', 'analysing', true],
        ['Bo Broken', 'failed', true],
        ['Cy Waiting', 'not interviewed', true],
        ['Di Absent', 'not interviewed', false],
      ]);
      // Pages across the scored rows (sorted in SQL) and the rest (sorted by why) join up.
      const names = async (query: string) => {
        const page = (await send(app, users.recruiter, 'GET', `/jobs/${job.id}/ranking?${query}`)).json();
        expect(page.total).toBe(5);
        return page.ranking.map((r: { candidateName: string; rank: number | null }) => [
          r.candidateName,
          r.rank,
        ]);
      };
      expect(await names('limit=2&offset=0')).toEqual([
        ['Erin Scored', 1],
        ['Ana Running', null],
      ]);
      expect(await names('limit=2&offset=1')).toEqual([
        ['Ana Running', null],
        ['Bo Broken', null],
      ]);
      expect(await names('limit=5&offset=3')).toEqual([
        ['Cy Waiting', null],
        ['Di Absent', null],
      ]);
      expect(await names('limit=5&offset=9')).toEqual([]);
    });

    it('compares two to four candidates competency by competency', async () => {
      const { app, users } = f().fx;
      const examples = await analysedExamples();
      const ids = [apps['Jordan Reyes'], apps['Priya Patel'], apps['Tess Short']];
      const res = await send(
        app,
        users.manager,
        'GET',
        `/jobs/${jobId}/compare?applications=${ids.join(',')}`,
      );
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.competencies).toEqual(
        examples.priya.scorecard.competencies.map((c) => ({ id: c.id, name: c.name })),
      );
      expect(body.candidates.map((c: { applicationId: string }) => c.applicationId)).toEqual(ids);
      const priya = body.candidates[1];
      expect(priya.overallScore).toBe(examples.priya.scorecard.overall.score);
      expect(priya.scores['clarity-coherence']).toBe(
        examples.priya.scorecard.competencies.find((c) => c.id === 'clarity-coherence')?.score,
      );
      expect(Object.values(body.candidates[2].scores).every((s) => s === null)).toBe(true);
    });

    it('validates the comparison: 2–4 distinct ids, all of this job', async () => {
      const { app, users, store, workspaceId } = f().fx;
      const url = (ids: string[]) => `/jobs/${jobId}/compare?applications=${ids.join(',')}`;
      const one = [apps['Priya Patel']!];
      for (const ids of [one, [...one, ...one], ['a', 'b', 'c', 'd', 'e']]) {
        const res = await send(app, users.recruiter, 'GET', url(ids));
        expect(res.statusCode).toBe(400);
        expect(res.json().error.details.field).toBe('applications');
      }
      const elsewhere = await hiringRecords(store, workspaceId, 'Other Job Olga');
      const res = await send(app, users.recruiter, 'GET', url([...one, elsewhere.application.id]));
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toBe(`application ${elsewhere.application.id} not found`);
    });
  });
}
