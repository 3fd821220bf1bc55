/**
 * A student's practice: each session (a `practice` interview they own) with how it stands, and
 * each competency's score over time.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readPracticeQuestion } from '../../../pipeline/index.js';
import type { PracticeQuestionRef } from '../../../pipeline/index.js';
import type { Store, UserRecord } from '../../../store/index.js';
import { requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { me } from '../../scope.js';
import { INTERVIEW_KEY } from '../../worker/index.js';
import { sessionStatus, type SessionStatus } from './interview-status.js';
import type { ScorecardSummaries, ScorecardSummary } from './scorecard-summaries.js';
import { errorResponses } from './schemas.js';

export const PracticeSessionView = z.object({
  interviewId: z.string(),
  title: z.string().nullable(),
  createdAt: z.string(),
  scorecardId: z.string().nullable(),
  overallScore: z.number().nullable(),
  status: z.enum(['scored', 'insufficient evidence', 'analysing', 'failed', 'empty']),
  /** `answer`: one question practised (it can be tried again); `mock`: a full mock interview. */
  mode: z.enum(['answer', 'mock']),
  /** The practised question of an `answer`; null for a mock interview. */
  question: z.object({ questionSetId: z.string(), questionId: z.string() }).nullable(),
});

export const ProgressView = z.object({
  id: z.string(),
  name: z.string(),
  /** One point per scored session, oldest first; `at` is when the session was practised. */
  points: z.array(
    z.object({
      at: z.string(),
      score: z.number().nullable(),
      scorecardId: z.string(),
      mode: z.enum(['answer', 'mock']),
    }),
  ),
});

/** The overall score's line in `progress` (beside one line per competency). */
export const OVERALL_LINE_ID = 'overall';

export interface PracticeSession {
  readonly interviewId: string;
  readonly title: string | null;
  readonly createdAt: string;
  readonly scorecardId: string | null;
  readonly overallScore: number | null;
  readonly status: SessionStatus;
  readonly mode: PracticeMode;
  readonly question: PracticeQuestionRef | null;
}

export type PracticeMode = 'answer' | 'mock';

export interface ProgressLine {
  readonly id: string;
  readonly name: string;
  readonly points: { at: string; score: number | null; scorecardId: string; mode: PracticeMode }[];
}

export interface PracticeHistory {
  /** Newest first. */
  readonly sessions: PracticeSession[];
  readonly progress: ProgressLine[];
}

/**
 * The overall line (id `overall`, first) and one line per competency (in the framework's order)
 * through the scored sessions, oldest first; a session that did not score a competency adds a
 * null point to its line. Each point says whether it was a single answer or a mock interview.
 * @example practiceProgress([{ at: '2025-03-03T…', summary, mode: 'answer' }])[1].points // [{ at, score: 71, scorecardId, mode }]
 */
export function practiceProgress(
  scored: readonly { readonly at: string; readonly summary: ScorecardSummary; readonly mode: PracticeMode }[],
): ProgressLine[] {
  const ordered = [...scored].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const overall: ProgressLine = { id: OVERALL_LINE_ID, name: 'Overall', points: [] };
  const lines = new Map<string, ProgressLine>();
  for (const { summary } of ordered) {
    for (const c of summary.competencies) {
      if (!lines.has(c.id)) lines.set(c.id, { id: c.id, name: c.name, points: [] });
    }
  }
  for (const { at, summary, mode } of ordered) {
    overall.points.push({ at, score: summary.overallScore, scorecardId: summary.id, mode });
    const scores = new Map(summary.competencies.map((c) => [c.id, c.score]));
    for (const line of lines.values()) {
      if (scores.has(line.id))
        line.points.push({ at, score: scores.get(line.id) ?? null, scorecardId: summary.id, mode });
    }
  }
  return ordered.length === 0 ? [] : [overall, ...lines.values()];
}

/**
 * A student's practice sessions and progress (a few queries, whatever the number of sessions).
 * @example const { sessions, progress } = await practiceHistory(store, summaries, student)
 */
export async function practiceHistory(
  store: Store,
  summaries: ScorecardSummaries,
  student: UserRecord,
  mediaDir: string,
): Promise<PracticeHistory> {
  const interviews = (await store.interviews.listByUser(student.id)).filter(
    (i) => i.kind === 'practice' && i.workspaceId === student.workspaceId,
  );
  const ids = interviews.map((i) => i.id);
  const [scorecards, tasks] = await Promise.all([
    store.scorecards.latestForInterviews(ids),
    store.queue.latestForSubjects(student.workspaceId, INTERVIEW_KEY, ids),
  ]);
  const summaryMap = await summaries.load([...scorecards.values()].map((s) => s.id));
  // A session started on one question records it; a mock interview (several questions) does not.
  const questions = await Promise.all(interviews.map((i) => readPracticeQuestion(mediaDir, i)));
  const modeOf = (index: number): PracticeMode => (questions[index] ? 'answer' : 'mock');
  const sessions = interviews.map((interview, index): PracticeSession => {
    const scorecard = scorecards.get(interview.id) ?? null;
    return {
      interviewId: interview.id,
      title: interview.title,
      createdAt: interview.createdAt,
      scorecardId: scorecard?.id ?? null,
      overallScore: scorecard?.overallScore ?? null,
      status: sessionStatus(scorecard, tasks.get(interview.id) ?? null),
      mode: modeOf(index),
      question: questions[index] ?? null,
    };
  });
  const scored = interviews.flatMap((interview, index) => {
    const card = scorecards.get(interview.id);
    const summary = card === undefined ? undefined : summaryMap.get(card.id);
    return summary === undefined ? [] : [{ at: interview.createdAt, summary, mode: modeOf(index) }];
  });
  return { sessions: sessions.reverse(), progress: practiceProgress(scored) };
}

/**
 * `GET /practice` (students): my practice sessions and progress.
 * @example await app.register(practiceHistoryRoutes({ store, config }, summaries))
 */
export function practiceHistoryRoutes(
  { store, config }: RouteDeps,
  summaries: ScorecardSummaries,
): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/practice',
      {
        onRequest: requireRole('candidate'),
        schema: {
          tags: ['practice'],
          summary: 'My practice sessions (newest first) and my competency scores over time',
          response: {
            200: z.object({ sessions: z.array(PracticeSessionView), progress: z.array(ProgressView) }),
            ...errorResponses(401, 403),
          },
        },
      },
      async (request) => practiceHistory(store, summaries, me(request), config.mediaDir),
    );
    return Promise.resolve();
  };
}
