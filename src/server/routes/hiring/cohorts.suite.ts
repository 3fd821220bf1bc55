/** Advisors' cohorts: membership, statistics from the students' practice, one student's history. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../assessment/index.js';
import type { SuiteContext } from './hiring.suite.js';
import { send } from './test-helpers.js';

const scoreOf = (result: AnalysisResult | null, id: string): number | null =>
  result?.scorecard.competencies.find((c) => c.id === id)?.score ?? null;
const round1 = (x: number) => Math.round(x * 10) / 10;

export function cohortCases(f: () => SuiteContext): void {
  describe('cohorts', () => {
    let cohortId: string;

    beforeAll(async () => {
      const { app, users } = f().fx;
      const created = await send(app, users.advisor, 'POST', '/cohorts', { name: 'MBA 2026' });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ name: 'MBA 2026', studentCount: 0 });
      cohortId = created.json().id;
    });

    it('adds students (twice is fine) and lists cohorts with their size, only the workspace’s', async () => {
      const { app, users, other } = f().fx;
      const url = `/cohorts/${cohortId}/members`;
      const ids = [users.student.user.id, users.student2.user.id];
      const added = await send(app, users.advisor, 'POST', url, { userIds: ids });
      expect(added.statusCode).toBe(200);
      expect(added.json()).toMatchObject({ cohort: { id: cohortId, name: 'MBA 2026' }, studentCount: 2 });
      expect((await send(app, users.admin, 'POST', url, { userIds: [ids[0]] })).json().studentCount).toBe(2);

      const list = await send(app, users.admin, 'GET', '/cohorts');
      expect(list.json().cohorts).toContainEqual(expect.objectContaining({ id: cohortId, studentCount: 2 }));
      const theirs = await send(app, other.admin, 'GET', '/cohorts');
      expect(theirs.json().cohorts.map((c: { id: string }) => c.id)).not.toContain(cohortId);
    });

    it('accepts only students of the workspace as members', async () => {
      const { app, users, other } = f().fx;
      const url = `/cohorts/${cohortId}/members`;
      const recruiter = await send(app, users.advisor, 'POST', url, { userIds: [users.recruiter.user.id] });
      expect(recruiter.statusCode).toBe(400);
      expect(recruiter.json().error).toMatchObject({ details: { field: 'userIds.0' } });
      const foreign = await send(app, users.advisor, 'POST', url, { userIds: [other.student.user.id] });
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json().error.message).toBe(`user ${other.student.user.id} not found`);
      const empty = await send(app, users.advisor, 'POST', url, { userIds: [] });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.details.field).toBe('userIds');
    });

    it('validates cohort names and refuses a duplicate', async () => {
      const { app, users } = f().fx;
      const blank = await send(app, users.advisor, 'POST', '/cohorts', { name: ' ' });
      expect(blank.statusCode).toBe(400);
      expect(blank.json().error.details.field).toBe('name');
      expect((await send(app, users.advisor, 'POST', '/cohorts', { name: 'MBA 2026' })).statusCode).toBe(409);
    });

    it('reports students, each competency’s spread, what the cohort lacks most and the weekly trend', async () => {
      const { app, users } = f().fx;
      const { student, student2 } = f().practice;
      const res = await send(app, users.advisor, 'GET', `/cohorts/${cohortId}`);
      expect(res.statusCode).toBe(200);
      const report = res.json();
      expect(report.cohort).toMatchObject({ id: cohortId, name: 'MBA 2026' });
      expect(report.students).toEqual([
        {
          userId: users.student.user.id,
          name: 'Main student',
          email: users.student.user.email,
          sessions: 6,
          latestOverall: student[2]!.result!.scorecard.overall.score,
          lastPractice: '2025-03-15T10:00:00.000Z',
        },
        {
          userId: users.student2.user.id,
          name: 'Main student2',
          email: users.student2.user.email,
          sessions: 2,
          // The newer session had too few words for an overall score.
          latestOverall: student2[0]!.result!.scorecard.overall.score,
          lastPractice: '2025-03-20T10:00:00.000Z',
        },
      ]);

      // Student 1: mean of their three scored sessions; student 2: their one scored session.
      const level = (id: string) => {
        const first = student.slice(0, 3).map((s) => scoreOf(s.result, id));
        const valid = first.filter((x): x is number => x !== null);
        return [valid.reduce((a, b) => a + b, 0) / valid.length, scoreOf(student2[0]!.result, id)!];
      };
      const clarity = report.competencies.find((c: { id: string }) => c.id === 'clarity-coherence');
      const [a, b] = level('clarity-coherence') as [number, number];
      expect(clarity).toEqual({
        id: 'clarity-coherence',
        name: 'Clarity & coherence',
        scores: [round1(a), round1(b)],
        median: round1((a + b) / 2),
        p25: round1(Math.min(a, b) + 0.25 * Math.abs(a - b)),
        p75: round1(Math.min(a, b) + 0.75 * Math.abs(a - b)),
        min: round1(Math.min(a, b)),
        max: round1(Math.max(a, b)),
        shareBelow50: [a, b].filter((x) => x < 50).length / 2,
      });

      const medians = report.competencies.map((c: { id: string }) => {
        const [x, y] = level(c.id) as [number, number];
        return { id: c.id, median: round1((x + y) / 2) };
      });
      medians.sort((p: { median: number }, q: { median: number }) => p.median - q.median);
      expect(report.lacksMost).toHaveLength(3);
      expect(report.lacksMost.map((c: { median: number }) => c.median)).toEqual(
        medians.slice(0, 3).map((m: { median: number }) => m.median),
      );

      expect(report.trend.map((w: { week: string; sessions: number }) => [w.week, w.sessions])).toEqual([
        ['2025-03-03', 3],
        ['2025-03-10', 1],
        ['2025-03-17', 1],
      ]);
      const firstWeek = [student[0], student[1], student2[0]].map((s) => scoreOf(s!.result, 'empathy')!);
      expect(report.trend[0].competencies.empathy).toBe(round1(firstWeek.reduce((x, y) => x + y, 0) / 3));
      expect(Object.values(report.trend[2].competencies).every((v) => v === null)).toBe(true);
    });

    it('shows one student’s sessions and progress, like their own practice page', async () => {
      const { app, users, store, workspaceId } = f().fx;
      const url = `/cohorts/${cohortId}/students/${users.student.user.id}`;
      const res = await send(app, users.advisor, 'GET', url);
      expect(res.statusCode).toBe(200);
      const own = await send(app, users.student, 'GET', '/practice');
      expect(res.json()).toEqual({
        student: { userId: users.student.user.id, name: 'Main student', email: users.student.user.email },
        ...own.json(),
      });
      const outsider = await store.users.create({
        workspaceId,
        email: `outsider.${Date.now()}@example.com`,
        name: 'Outsider',
        role: 'candidate',
        password: 'long enough pw',
      });
      for (const id of [outsider.id, f().fx.other.student.user.id]) {
        const hidden = await send(app, users.advisor, 'GET', `/cohorts/${cohortId}/students/${id}`);
        expect(hidden.statusCode).toBe(404);
        expect(hidden.json().error.message).toBe(`student ${id} not found`);
      }
    });

    it('rejects a malformed student id with 400', async () => {
      const { app, users } = f().fx;
      const res = await send(app, users.advisor, 'GET', `/cohorts/${cohortId}/students/no%20such%20id`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.field).toBe('userId');
    });
  });
}
