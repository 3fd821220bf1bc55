/**
 * Statistics of a cohort's practice: per competency the spread of the students' recent scores,
 * the competencies the cohort lacks most, and a weekly trend. Pure: no database, no clock.
 */

/** Sessions per student that make up their current level in a competency. */
export const RECENT_SESSIONS = 3;
/** Competency scores run 0–100; below this a student has not yet shown the competency. */
export const PASS_MARK = 50;
/** How many weak competencies `lacksMost` names. */
export const LACKS_MOST = 3;

export interface SessionScores {
  /** When the session was practised (ISO-8601). */
  readonly at: string;
  readonly competencies: readonly {
    readonly id: string;
    readonly name: string;
    readonly score: number | null;
  }[];
}

export interface StudentScores {
  readonly userId: string;
  /** The student's scored sessions, in any order. */
  readonly sessions: readonly SessionScores[];
}

export interface CompetencyStats {
  readonly id: string;
  readonly name: string;
  /** Each student's mean of their last 3 sessions that scored this competency (students without one left out). */
  readonly scores: number[];
  readonly median: number | null;
  readonly p25: number | null;
  readonly p75: number | null;
  readonly min: number | null;
  readonly max: number | null;
  /** Share (0–1) of those students whose mean is below 50; 0 when there are none. */
  readonly shareBelow50: number;
}

export interface WeekTrend {
  /** Monday of the week (UTC), `YYYY-MM-DD`. */
  readonly week: string;
  /** Scored sessions practised that week, by all students. */
  readonly sessions: number;
  /** Mean score per competency over that week's sessions; null when none scored it. */
  readonly competencies: Record<string, number | null>;
}

export interface CohortStats {
  readonly competencies: CompetencyStats[];
  /** The three competencies with the lowest median, lowest first. */
  readonly lacksMost: { id: string; name: string; median: number; shareBelow50: number }[];
  /** Every week from the first session's to the last's, oldest first. */
  readonly trend: WeekTrend[];
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * The arithmetic mean, or null for no values.
 * @example mean([50, 70]) // 60
 */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, x) => sum + x, 0) / values.length;
}

/**
 * The p-quantile (0–1) of sorted values by linear interpolation between closest ranks
 * (Hyndman & Fan 1996 type 7, the default of R, NumPy and spreadsheets' QUARTILE.INC).
 * @example quantile([10, 20, 30, 40], 0.25) // 17.5
 */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const lower = sorted[below] ?? 0;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] ?? lower;
  return lower + (upper - lower) * (position - below);
}

/**
 * The Monday (UTC) of the week an instant falls in.
 * @example mondayOf('2025-03-09T23:00:00.000Z') // '2025-03-03' (a Sunday belongs to the week before)
 */
export function mondayOf(iso: string): string {
  const day = new Date(iso);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  const monday = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - sinceMonday);
  return new Date(monday).toISOString().slice(0, 10);
}

const byTime = (a: SessionScores, b: SessionScores): number => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);

/** Competency ids and names in order of first appearance (the framework's order). */
function competencyNames(students: readonly StudentScores[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const student of students)
    for (const session of student.sessions)
      for (const c of session.competencies) if (!names.has(c.id)) names.set(c.id, c.name);
  return names;
}

/** A student's level in a competency: the mean of their last `RECENT_SESSIONS` scores of it. */
function recentLevel(sessions: readonly SessionScores[], id: string): number | null {
  const scores = [...sessions]
    .sort(byTime)
    .map((s) => s.competencies.find((c) => c.id === id)?.score ?? null)
    .filter((score): score is number => score !== null);
  return mean(scores.slice(-RECENT_SESSIONS));
}

function spread(id: string, name: string, levels: number[]): CompetencyStats {
  const sorted = [...levels].sort((a, b) => a - b);
  const at = (p: number) => {
    const q = quantile(sorted, p);
    return q === null ? null : round1(q);
  };
  const below = sorted.filter((x) => x < PASS_MARK).length;
  return {
    id,
    name,
    scores: levels.map(round1),
    median: at(0.5),
    p25: at(0.25),
    p75: at(0.75),
    min: at(0),
    max: at(1),
    shareBelow50: sorted.length === 0 ? 0 : round3(below / sorted.length),
  };
}

function weeksBetween(first: string, last: string): string[] {
  const weeks: string[] = [];
  for (let t = Date.parse(first); t <= Date.parse(last); t += 7 * 86_400_000) {
    weeks.push(new Date(t).toISOString().slice(0, 10));
  }
  return weeks;
}

function weeklyTrend(students: readonly StudentScores[], ids: readonly string[]): WeekTrend[] {
  const byWeek = new Map<string, SessionScores[]>();
  for (const student of students) {
    for (const session of student.sessions) {
      const week = mondayOf(session.at);
      byWeek.set(week, [...(byWeek.get(week) ?? []), session]);
    }
  }
  const weeks = [...byWeek.keys()].sort();
  const first = weeks[0];
  const last = weeks.at(-1);
  if (first === undefined || last === undefined) return [];
  return weeksBetween(first, last).map((week) => {
    const sessions = byWeek.get(week) ?? [];
    const competencies: Record<string, number | null> = {};
    for (const id of ids) {
      const scores = sessions
        .map((s) => s.competencies.find((c) => c.id === id)?.score ?? null)
        .filter((score): score is number => score !== null);
      const m = mean(scores);
      competencies[id] = m === null ? null : round1(m);
    }
    return { week, sessions: sessions.length, competencies };
  });
}

/**
 * Statistics of a cohort from its students' scored practice sessions. Values are rounded to 0.1
 * and shares to 0.001 after computing.
 * @example
 * cohortStats([{ userId: 'u1', sessions: [{ at: '2025-03-03T10:00:00Z', competencies: [{ id: 'empathy', name: 'Empathy', score: 40 }] }] }])
 * // { competencies: [{ id: 'empathy', scores: [40], median: 40, shareBelow50: 1, … }], lacksMost: [{ id: 'empathy', median: 40, … }], trend: [{ week: '2025-03-03', sessions: 1, competencies: { empathy: 40 } }] }
 */
export function cohortStats(students: readonly StudentScores[]): CohortStats {
  const names = competencyNames(students);
  const competencies = [...names].map(([id, name]) => {
    const levels = students
      .map((student) => recentLevel(student.sessions, id))
      .filter((level): level is number => level !== null);
    return spread(id, name, levels);
  });
  const lacksMost = competencies
    .flatMap((c) =>
      c.median === null ? [] : [{ id: c.id, name: c.name, median: c.median, shareBelow50: c.shareBelow50 }],
    )
    .sort((a, b) => a.median - b.median || b.shareBelow50 - a.shareBelow50 || (a.id < b.id ? -1 : 1))
    .slice(0, LACKS_MOST);
  return { competencies, lacksMost, trend: weeklyTrend(students, [...names.keys()]) };
}
