/**
 * A job's candidates ranked by overall score: one row per application, from the newest scorecard
 * of any of its interviews. Every application, scored or not, is filtered, sorted, counted and
 * paged in SQL (`store.scorecards.rankingPage`); why an unscored one has no score is read for the
 * page's rows only.
 */
import {
  displayStage,
  type DisplayStage,
  type JobRecord,
  type RankedSummary,
  type RankingEntry,
  type RankingQuery,
  type Store,
  type UnrankedApplication,
} from '../../../store/index.js';
import { nameSortKey } from '../../../store/repositories/scorecard-summaries.js';
import { INTERVIEW_KEY } from '../../worker/index.js';
import { newestBy, type TaskState } from './interview-status.js';
import type { CompetencyScore } from './scorecard-summaries.js';

export type RankStatus = 'scored' | 'insufficient evidence' | 'analysing' | 'failed' | 'not interviewed';

export interface RankRow {
  /** 1 for the best score; equal scores share a rank (1, 2, 2, 4); null when not scored. */
  readonly rank: number | null;
  readonly applicationId: string;
  readonly candidateId: string;
  readonly candidateName: string;
  readonly stage: string;
  /** Where the application stands as the ranking's badge shows it. */
  readonly displayStage: DisplayStage;
  readonly interviewId: string | null;
  readonly scorecardId: string | null;
  readonly overallScore: number | null;
  readonly confidence: number | null;
  readonly status: RankStatus;
  readonly strengths: readonly string[];
  readonly gaps: readonly string[];
  readonly competencies: readonly CompetencyScore[];
}

/** Rows without a scorecard, in the order a recruiter looks at them. */
const UNSCORED_ORDER: Readonly<Record<RankStatus, number>> = {
  scored: 0,
  'insufficient evidence': 1,
  analysing: 2,
  failed: 3,
  'not interviewed': 4,
};

/** Why an application without a scorecard has none, from its newest interview's newest task. */
function unscoredStatus(task: TaskState | undefined): RankStatus {
  if (task?.status === 'queued' || task?.status === 'running') return 'analysing';
  return task?.status === 'failed' ? 'failed' : 'not interviewed';
}

function summaryRow(summary: RankedSummary, rank: number | null): RankRow {
  return {
    rank,
    applicationId: summary.applicationId,
    candidateId: summary.candidateId,
    candidateName: summary.candidateName,
    stage: summary.stage,
    displayStage: displayStage(summary.stage, true),
    interviewId: summary.interviewId,
    scorecardId: summary.id,
    overallScore: summary.overallScore,
    confidence: summary.confidence,
    status: summary.overallScore === null ? 'insufficient evidence' : 'scored',
    strengths: summary.strengths,
    gaps: summary.gaps,
    competencies: summary.competencies,
  };
}

/**
 * Rows for applications without a scorecard, sorted by why (analysing, failed, not interviewed),
 * then candidate name (case and accents folded), then application id.
 * @example unscoredRows(apps, new Map([[interviewId, { id: 't', status: 'running', createdAt }]]))[0].status // 'analysing'
 */
export function unscoredRows(
  applications: readonly UnrankedApplication[],
  tasks: ReadonlyMap<string, TaskState>,
): RankRow[] {
  const keyed = applications.map((app) => {
    const interview = newestBy(app.interviews, () => app.applicationId).get(app.applicationId);
    const row: RankRow = {
      rank: null,
      applicationId: app.applicationId,
      candidateId: app.candidateId,
      candidateName: app.candidateName,
      stage: app.stage,
      displayStage: displayStage(app.stage, false),
      interviewId: interview?.id ?? null,
      scorecardId: null,
      overallScore: null,
      confidence: null,
      status: unscoredStatus(interview === undefined ? undefined : tasks.get(interview.id)),
      strengths: [],
      gaps: [],
      competencies: [],
    };
    return { row, name: nameSortKey(app.candidateName) };
  });
  keyed.sort(
    (a, b) =>
      UNSCORED_ORDER[a.row.status] - UNSCORED_ORDER[b.row.status] ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      (a.row.applicationId < b.row.applicationId ? -1 : 1),
  );
  return keyed.map((k) => k.row);
}

/** The newest analysis task of each application's newest interview. */
async function tasksOf(store: Store, job: JobRecord, applications: readonly UnrankedApplication[]) {
  const newest = applications.flatMap((app) => {
    const interview = newestBy(app.interviews, () => app.applicationId).get(app.applicationId);
    return interview === undefined ? [] : [interview.id];
  });
  return store.queue.latestForSubjects(job.workspaceId, INTERVIEW_KEY, newest);
}

/**
 * One page of a job's ranking, filtered and sorted as asked, and the number of applications that
 * match in all. Ranks are places in the whole job, whatever the filter.
 * @example const { rows, total } = await loadRankingPage(store, job, { sort: 'score', direction: 'desc', limit: 200, offset: 0 })
 */
export async function loadRankingPage(
  store: Store,
  job: JobRecord,
  query: RankingQuery,
): Promise<{ rows: RankRow[]; total: number }> {
  const { entries, total } = await store.scorecards.rankingPage(job.id, query);
  const unscoredIds = entries.filter((e) => e.summary === null).map((e) => e.applicationId);
  const unranked = await store.scorecards.unranked(job.id, unscoredIds);
  const unscored = new Map(
    unscoredRows(unranked, await tasksOf(store, job, unranked)).map((r) => [r.applicationId, r]),
  );
  const rows = entries.map((entry) => rowOf(entry, unscored.get(entry.applicationId)));
  return { rows, total };
}

/** A ranking entry as a row: its summary's figures, or why it has none. */
function rowOf(entry: RankingEntry, unscored: RankRow | undefined): RankRow {
  const base = entry.summary === null ? undefined : summaryRow(entry.summary, entry.rank);
  const row = base ?? unscored;
  if (row === undefined) throw new Error(`application ${entry.applicationId}: neither scored nor unscored`);
  return { ...row, stage: entry.stage, displayStage: entry.displayStage };
}

/**
 * The rows of these applications of a job (unknown ids are left out), unranked.
 * @example await loadRankRows(store, job, ['app_1', 'app_2'])
 */
export async function loadRankRows(
  store: Store,
  job: JobRecord,
  applicationIds: readonly string[],
): Promise<RankRow[]> {
  const [summaries, unranked] = await Promise.all([
    store.scorecards.rankedForApplications(job.id, applicationIds),
    store.scorecards.unranked(job.id, applicationIds),
  ]);
  const tasks = await tasksOf(store, job, unranked);
  return [...summaries.map((s) => summaryRow(s, null)), ...unscoredRows(unranked, tasks)];
}
