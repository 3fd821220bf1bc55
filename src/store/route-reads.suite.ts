/**
 * The repository methods the API routes read and write through (lists, counts, decisions);
 * registered by `describeStore`, so they run on SQLite and PostgreSQL alike.
 */
import { describe, expect, it } from 'vitest';
import { newId } from '../core/index.js';
import type { Store, UserRole } from './index.js';
import { addCandidate, candorError, sampleScorecardBody, seedInterview } from './store-fixtures.suite.js';

const PASSWORD = 'long-enough-password';

async function addScorecard(store: Store, interviewId: string, overallScore: number | null) {
  return store.scorecards.add({
    interviewId,
    frameworkId: 'f',
    frameworkVersion: '1',
    engineVersion: '0',
    overallScore,
    contentHash: newId('h'),
    body: sampleScorecardBody(overallScore),
  });
}

export function describeRouteReadCases(store: () => Store): void {
  describe('route reads', () => {
    const addUser = (workspaceId: string, role: UserRole, name = 'S') =>
      store().users.create({
        workspaceId,
        email: `${newId('u')}@example.test`,
        name,
        role,
        password: PASSWORD,
      });

    it('ping answers after a round trip', async () => {
      await expect(store().ping()).resolves.toBeUndefined();
    });

    it('users: lists a workspace by name and role, and looks up many ids in one workspace only', async () => {
      const { workspace } = await seedInterview(store());
      const other = await seedInterview(store());
      const add = (workspaceId: string, name: string, role: UserRole) => addUser(workspaceId, role, name);
      const zoe = await add(workspace.id, 'Zoe', 'candidate');
      const ada = await add(workspace.id, 'Ada', 'candidate');
      const ben = await add(workspace.id, 'Ben', 'advisor');
      const stranger = await add(other.workspace.id, 'Stranger', 'candidate');
      expect(await store().users.listByWorkspace(workspace.id)).toEqual([ada, ben, zoe]);
      expect(await store().users.listByWorkspace(workspace.id, 'candidate')).toEqual([ada, zoe]);
      const found = await store().users.getMany(workspace.id, [zoe.id, stranger.id, zoe.id, 'user_missing']);
      expect([...found.entries()]).toEqual([[zoe.id, zoe]]);
      expect(await store().users.getMany(workspace.id, [])).toEqual(new Map());
      expect(Object.keys(zoe)).not.toContain('passwordHash');
    });

    it('users: lists and revokes only the caller’s own API tokens', async () => {
      const { workspace } = await seedInterview(store());
      const create = (name: string) => addUser(workspace.id, 'recruiter', name);
      const [rita, rob] = [await create('Rita'), await create('Rob')];
      const first = await store().users.createApiToken(rita.id, 'ci');
      const second = await store().users.createApiToken(rita.id, 'laptop');
      const robs = await store().users.createApiToken(rob.id, 'rob');
      expect(await store().users.listApiTokens(rita.id)).toEqual([first.record, second.record]);
      expect(await store().users.deleteApiToken(rita.id, robs.record.id)).toBe(false);
      expect(await store().users.deleteApiToken(rita.id, first.record.id)).toBe(true);
      expect(await store().users.deleteApiToken(rita.id, first.record.id)).toBe(false);
      expect(await store().users.listApiTokens(rita.id)).toEqual([second.record]);
      expect(await store().users.findByToken(first.token)).toBeNull();
      expect(await store().users.listApiTokens(rob.id)).toEqual([robs.record]);
    });

    it('applications: a candidate’s applications with their job titles, oldest first', async () => {
      const { workspace, candidate, application } = await seedInterview(store());
      const analyst = await store().jobs.create({
        workspaceId: workspace.id,
        title: 'Analyst',
        description: 'SQL.',
      });
      const { application: second } = await store().applications.findOrCreate({
        candidateId: candidate.id,
        jobId: analyst.id,
      });
      expect(await store().applications.listByCandidate(candidate.id)).toEqual([
        { ...application, jobTitle: 'Customer support lead' },
        { ...second, jobTitle: 'Analyst' },
      ]);
      expect(await store().applications.listByCandidate('cand_missing')).toEqual([]);
    });

    it('applications: a decision moves the stage and appends its event, after the last one', async () => {
      const { workspace, application } = await seedInterview(store());
      const later = new Date(Date.now() + 60_000).toISOString();
      await store().pipelineEvents.append({
        workspaceId: workspace.id,
        applicationId: application.id,
        kind: 'imported',
        actor: 'system',
        occurredAt: later,
      });
      const decide = (decision: string, stage: string) =>
        store().applications.recordDecision({
          workspaceId: workspace.id,
          applicationId: application.id,
          decision,
          stage,
          reason: 'strong references',
          actor: 'user_1',
        });
      const eventId = await decide('hold', 'on_hold');
      expect((await store().applications.get(application.id)).stage).toBe('on_hold');
      const event = await store().pipelineEvents.get(eventId);
      expect(event).toMatchObject({
        kind: 'decision',
        actor: 'user_1',
        reason: 'strong references',
        payload: { decision: 'hold', previousStage: 'applied' },
      });
      expect(event.occurredAt > later).toBe(true);
      await decide('advance', 'advanced');
      const history = await store().pipelineEvents.listByApplication(application.id);
      expect(history.map((e) => e.payload['previousStage'] ?? e.kind)).toEqual([
        'imported',
        'applied',
        'on_hold',
      ]);
      const updated = await store().applications.get(application.id);
      expect(updated.stage).toBe('advanced');
      expect(updated.updatedAt).toBe(history.at(-1)?.occurredAt);
    });

    it('applications: a decision on an unknown application is NOT_FOUND and writes nothing', async () => {
      const { workspace } = await seedInterview(store());
      const error = await candorError(
        store().applications.recordDecision({
          workspaceId: workspace.id,
          applicationId: 'app_missing',
          decision: 'reject',
          stage: 'rejected',
          reason: 'no',
          actor: 'user_1',
        }),
      );
      expect(error.code).toBe('NOT_FOUND');
      expect(await store().pipelineEvents.listByApplication('app_missing')).toEqual([]);
    });

    it('jobs: counts applications and those whose newest scorecard has an overall score', async () => {
      const { workspace, job, interview } = await seedInterview(store());
      const b = await addCandidate(store(), workspace, job, 'Bo');
      await addCandidate(store(), workspace, job, 'Cy');
      const empty = await store().jobs.create({
        workspaceId: workspace.id,
        title: 'Empty',
        description: 'x',
      });
      await addScorecard(store(), interview.id, null);
      await addScorecard(store(), interview.id, 3.5); // newest of the first application: scored
      await addScorecard(store(), b.interview.id, 4);
      await addScorecard(store(), b.interview.id, null); // newest of the second: not scored
      const counts = await store().jobs.countsByWorkspace(workspace.id);
      expect(counts.get(job.id)).toEqual({ applicationCount: 3, scoredCount: 1 });
      expect(counts.has(empty.id)).toBe(false);
      expect(
        (await store().jobs.countsByWorkspace((await seedInterview(store())).workspace.id)).has(job.id),
      ).toBe(false);
    });

    it('cohorts: counts students per cohort of the workspace', async () => {
      const { workspace } = await seedInterview(store());
      const other = await seedInterview(store());
      const student = (workspaceId: string) => addUser(workspaceId, 'candidate');
      const [s1, s2] = [await student(workspace.id), await student(workspace.id)];
      const full = await store().cohorts.create({ workspaceId: workspace.id, name: 'Full' });
      const empty = await store().cohorts.create({ workspaceId: workspace.id, name: 'Empty' });
      const theirs = await store().cohorts.create({ workspaceId: other.workspace.id, name: 'Theirs' });
      await store().cohorts.addMembers(full.id, [s1.id, s2.id]);
      await store().cohorts.addMembers(theirs.id, [(await student(other.workspace.id)).id]);
      const counts = await store().cohorts.studentCounts(workspace.id);
      expect([...counts.entries()]).toEqual([[full.id, 2]]);
      expect(counts.has(empty.id)).toBe(false);
    });

    it('interviews: practice of some students in one workspace, oldest first', async () => {
      const { workspace, interview: hiring } = await seedInterview(store());
      const other = await seedInterview(store());
      const student = (workspaceId: string) => addUser(workspaceId, 'candidate');
      const [s1, s2, s3] = [
        await student(workspace.id),
        await student(workspace.id),
        await student(workspace.id),
      ];
      const practise = (workspaceId: string, userId: string) =>
        store().interviews.create({ workspaceId, kind: 'practice', userId });
      const a = await practise(workspace.id, s2.id);
      const b = await practise(workspace.id, s1.id);
      await practise(workspace.id, s3.id);
      await practise(other.workspace.id, s1.id);
      const found = await store().interviews.listPracticeOf(workspace.id, [s1.id, s2.id, hiring.id]);
      expect(found).toEqual([a, b]);
      expect(await store().interviews.listPracticeOf(workspace.id, [])).toEqual([]);
    });

    it('scorecards: the newest of each interview, by time then id, without the body', async () => {
      const { workspace, job, interview } = await seedInterview(store());
      const other = await addCandidate(store(), workspace, job, 'Bo');
      const none = await addCandidate(store(), workspace, job, 'Cy');
      await addScorecard(store(), interview.id, 1);
      const newest = await addScorecard(store(), interview.id, null);
      const only = await addScorecard(store(), other.interview.id, 2.5);
      const found = await store().scorecards.latestForInterviews([
        interview.id,
        other.interview.id,
        none.interview.id,
        interview.id,
      ]);
      expect([...found.entries()].sort()).toEqual(
        [
          [
            interview.id,
            { id: newest.id, interviewId: interview.id, overallScore: null, createdAt: newest.createdAt },
          ],
          [
            other.interview.id,
            { id: only.id, interviewId: other.interview.id, overallScore: 2.5, createdAt: only.createdAt },
          ],
        ].sort(),
      );
      expect(await store().scorecards.latestForInterviews([])).toEqual(new Map());
    });

    it('queue: the newest task naming each subject, in one workspace only', async () => {
      const { workspace, interview } = await seedInterview(store());
      const other = await seedInterview(store());
      const enqueue = (workspaceId: string, interviewId: string) =>
        store().queue.enqueue({ workspaceId, kind: 'analyze-interview', payload: { interviewId } });
      await enqueue(workspace.id, interview.id);
      const newest = await enqueue(workspace.id, interview.id);
      await enqueue(other.workspace.id, other.interview.id);
      const ids = [interview.id, other.interview.id, 'intv_never'];
      const found = await store().queue.latestForSubjects(workspace.id, 'interviewId', ids);
      expect([...found.keys()]).toEqual([interview.id]);
      expect(found.get(interview.id)?.id).toBe(newest.id);
      // Past the LIKE prefilter's limit the workspace's tasks are scanned: same answer.
      const many = [...ids, ...Array.from({ length: 120 }, (_, i) => `intv_filler_${i}`)];
      const scanned = await store().queue.latestForSubjects(workspace.id, 'interviewId', many);
      expect([...scanned.keys()]).toEqual([interview.id]);
      expect(scanned.get(interview.id)?.id).toBe(newest.id);
    });
  });
}
