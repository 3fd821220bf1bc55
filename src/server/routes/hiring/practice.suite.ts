/** Students' practice history: sessions with their status, and progress per competency. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../assessment/index.js';
import type { SuiteContext } from './hiring.suite.js';
import { analysedInterview, send, type Examples, type HiringFixture } from './test-helpers.js';

export interface SeededSession {
  readonly interviewId: string;
  readonly scorecardId: string | null;
  readonly at: string;
  readonly result: AnalysisResult | null;
}

export interface PracticeSeed {
  /** Main student: three scored sessions over two weeks, then an empty, an analysing and a failed one. */
  readonly student: SeededSession[];
  /** Main student2: a scored session, and one with too few words to score (overall null). */
  readonly student2: SeededSession[];
  /** The other workspace's student: one scored session. */
  readonly otherStudent: SeededSession[];
}

/** Seeds practice in March 2025 with the fixture's clock (which must still be fixed). */
export async function seedPractice(fx: HiringFixture, examples: Examples): Promise<PracticeSeed> {
  const { store, clock } = fx;
  const session = async (
    who: { user: { id: string; workspaceId: string } },
    at: string,
    result: AnalysisResult | null,
    task?: 'queued' | 'failed',
  ): Promise<SeededSession> => {
    clock.set(at);
    const { workspaceId, id: userId } = who.user;
    const base = { workspaceId, kind: 'practice' as const, userId, title: `Practice ${at.slice(0, 10)}` };
    if (result !== null) return { ...(await analysedInterview(store, base, result)), at, result };
    const interview = await store.interviews.create(base);
    if (task !== undefined) {
      const kind = task === 'queued' ? 'analyze-interview' : `test-${randomUUID()}`;
      const queued = await store.queue.enqueue({ workspaceId, kind, payload: { interviewId: interview.id } });
      if (task === 'failed') {
        await store.queue.claim('seed-worker', [kind], 60_000);
        await store.queue.fail(queued.id, 'seed-worker', 'no audio', { retryDelayMs: 0, permanent: true });
      }
    }
    return { interviewId: interview.id, scorecardId: null, at, result: null };
  };
  const { student, student2 } = fx.users;
  const seed: PracticeSeed = { student: [], student2: [], otherStudent: [] };
  // In time order: the store's clock only moves forward.
  seed.student.push(await session(student, '2025-03-04T10:00:00.000Z', examples.alex));
  seed.student.push(await session(student, '2025-03-05T10:00:00.000Z', examples.jordan));
  seed.student2.push(await session(student2, '2025-03-06T10:00:00.000Z', examples.priya));
  seed.otherStudent.push(await session(fx.other.student, '2025-03-07T10:00:00.000Z', examples.alex));
  seed.student.push(await session(student, '2025-03-12T10:00:00.000Z', examples.marcus));
  seed.student.push(await session(student, '2025-03-13T10:00:00.000Z', null));
  seed.student.push(await session(student, '2025-03-14T10:00:00.000Z', null, 'queued'));
  seed.student.push(await session(student, '2025-03-15T10:00:00.000Z', null, 'failed'));
  seed.student2.push(await session(student2, '2025-03-20T10:00:00.000Z', examples.tooShort));
  return seed;
}

export function practiceCases(f: () => SuiteContext): void {
  describe('practice history', () => {
    it('lists my sessions newest first with their status, and my progress per competency', async () => {
      const { app, users } = f().fx;
      const seeded = f().practice.student;
      const res = await send(app, users.student, 'GET', '/practice');
      expect(res.statusCode).toBe(200);
      const { sessions, progress } = res.json();
      expect(sessions.map((s: { interviewId: string; status: string }) => [s.interviewId, s.status])).toEqual(
        [...seeded]
          .reverse()
          .map((s, i) => [s.interviewId, ['failed', 'analysing', 'empty', 'scored', 'scored', 'scored'][i]]),
      );
      const scored = seeded.filter((s) => s.result !== null);
      expect(
        sessions
          .slice(3)
          .map((s: { scorecardId: string; overallScore: number }) => [s.scorecardId, s.overallScore]),
      ).toEqual([...scored].reverse().map((s) => [s.scorecardId, s.result?.scorecard.overall.score]));
      expect(sessions[0]).toMatchObject({
        scorecardId: null,
        overallScore: null,
        title: 'Practice 2025-03-15',
      });

      const clarity = progress.find((p: { id: string }) => p.id === 'clarity-coherence');
      // The overall line first, then one per competency; these sessions practised no single
      // question (no practice.json), so they count as mock interviews.
      expect(progress).toHaveLength(scored[0]!.result!.scorecard.competencies.length + 1);
      expect(progress[0]).toEqual({
        id: 'overall',
        name: 'Overall',
        points: scored.map((s) => ({
          at: s.at,
          scorecardId: s.scorecardId,
          score: s.result?.scorecard.overall.score,
          mode: 'mock',
        })),
      });
      expect(clarity.points).toEqual(
        scored.map((s) => ({
          at: s.at,
          scorecardId: s.scorecardId,
          score: s.result?.scorecard.competencies.find((c) => c.id === 'clarity-coherence')?.score,
          mode: 'mock',
        })),
      );
      expect(
        sessions.every((s: { mode: string; question: unknown }) => s.mode === 'mock' && s.question === null),
      ).toBe(true);
    });

    it('marks a practice answer for coaching: every filler and hedge in its text, and the measures', async () => {
      const { app, users } = f().fx;
      const jordan = f().practice.student[1]!;
      const res = await send(app, users.student, 'GET', `/practice/${jordan.interviewId}/coaching`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({
        interviewId: jordan.interviewId,
        scorecardId: jordan.scorecardId,
        question: null,
      });
      const fillers = body.marks.filter((m: { kind: string }) => m.kind === 'filler');
      expect(fillers.length).toBeGreaterThan(0);
      for (const m of body.marks as { kind: string; charStart: number; charEnd: number; label: string }[]) {
        if (m.kind !== 'pause')
          expect(body.text.slice(m.charStart, m.charEnd).toLowerCase()).toBe(m.label.toLowerCase());
      }
      const card = jordan.result!.scorecard;
      const filler = card.competencies
        .flatMap((c) => c.signals)
        .find((s) => s.signal === 'fillerWordsPer100');
      expect(body.measures).toMatchObject({
        words: card.input.words,
        fillerWordsPer100: filler?.value ?? null,
      });
      expect(body.competencies).toEqual(
        card.competencies.map((c) => ({ id: c.id, name: c.name, score: c.score })),
      );
      // Only the student (and their advisors) read it; another student's session is not found.
      expect(
        (await send(app, users.student2, 'GET', `/practice/${jordan.interviewId}/coaching`)).statusCode,
      ).toBe(404);
    });

    it('shows each student only their own sessions; an unscorable session says insufficient evidence, with no overall', async () => {
      const { app, users, other } = f().fx;
      const mine = await send(app, users.student2, 'GET', '/practice');
      const sessions = mine.json().sessions;
      expect(
        sessions.map((s: { status: string; overallScore: number | null }) => [
          s.status,
          s.overallScore === null,
        ]),
      ).toEqual([
        ['insufficient evidence', true],
        ['scored', false],
      ]);
      const seededIds = f().practice.student.map((s) => s.interviewId);
      expect(sessions.some((s: { interviewId: string }) => seededIds.includes(s.interviewId))).toBe(false);
      const clarity = mine.json().progress.find((p: { id: string }) => p.id === 'clarity-coherence');
      expect(clarity.points.map((p: { score: number | null }) => p.score === null)).toEqual([false, true]);
      // Another workspace's student sees their own session (other suites may add more), none of these.
      const theirs = await send(app, other.student, 'GET', '/practice');
      const theirIds = theirs.json().sessions.map((s: { interviewId: string }) => s.interviewId);
      expect(theirIds).toContain(f().practice.otherStudent[0]!.interviewId);
      const mineIds = sessions.map((s: { interviewId: string }) => s.interviewId);
      expect(theirIds.filter((id: string) => mineIds.includes(id))).toEqual([]);
    });
  });
}
