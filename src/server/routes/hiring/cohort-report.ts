/** What an advisor sees of a cohort: each student's practice at a glance, and the cohort's statistics. */
import type { CohortRecord, Store } from '../../../store/index.js';
import { cohortStats, type CohortStats, type SessionScores } from './cohort-stats.js';
import { latestScorecards } from './interview-status.js';
import type { ScorecardSummaries } from './scorecard-summaries.js';

export interface StudentRow {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  /** Practice sessions started, scored or not. */
  readonly sessions: number;
  /** Overall score of the newest session that has one. */
  readonly latestOverall: number | null;
  /** When the newest session was started. */
  readonly lastPractice: string | null;
}

interface PracticeRow {
  readonly id: string;
  readonly userId: string;
  readonly createdAt: string;
}

export interface CohortReport extends CohortStats {
  /** By name. */
  readonly students: StudentRow[];
}

/**
 * The cohort's students and statistics, from their practice scorecards (a few queries in all).
 * @example const report = await cohortReport(store, summaries, cohort); report.lacksMost[0]?.name
 */
export async function cohortReport(
  store: Store,
  summaries: ScorecardSummaries,
  cohort: CohortRecord,
): Promise<CohortReport> {
  const members = await store.cohorts.members(cohort.id);
  const users = await store.users.getMany(cohort.workspaceId, members);
  const practice = (await store.interviews.listPracticeOf(cohort.workspaceId, [...users.keys()])).flatMap(
    (i): PracticeRow[] => (i.userId === null ? [] : [{ id: i.id, userId: i.userId, createdAt: i.createdAt }]),
  );
  const scorecards = await latestScorecards(
    store,
    practice.map((p) => p.id),
  );
  const summaryMap = await summaries.load([...scorecards.values()].map((s) => s.id));

  const perStudent = new Map<
    string,
    { started: PracticeRow[]; scored: SessionScores[]; latest: number | null }
  >();
  for (const id of users.keys()) perStudent.set(id, { started: [], scored: [], latest: null });
  for (const session of practice) {
    const entry = perStudent.get(session.userId);
    if (entry === undefined) continue;
    entry.started.push(session);
    const card = scorecards.get(session.id);
    const summary = card === undefined ? undefined : summaryMap.get(card.id);
    if (summary === undefined) continue;
    entry.scored.push({ at: session.createdAt, competencies: summary.competencies });
    // Sessions are in time order, so the last non-null overall is the newest.
    if (summary.overallScore !== null) entry.latest = summary.overallScore;
  }

  const students = [...users.values()]
    .map((user): StudentRow => {
      const entry = perStudent.get(user.id);
      return {
        userId: user.id,
        name: user.name,
        email: user.email,
        sessions: entry?.started.length ?? 0,
        latestOverall: entry?.latest ?? null,
        lastPractice: entry?.started.at(-1)?.createdAt ?? null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || (a.userId < b.userId ? -1 : 1));
  const stats = cohortStats(
    students.map(({ userId }) => ({ userId, sessions: perStudent.get(userId)?.scored ?? [] })),
  );
  return { students, ...stats };
}
