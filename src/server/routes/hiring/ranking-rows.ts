/**
 * A job's candidates ranked by overall score: one row per application, from the newest scorecard
 * of any of its interviews. Applications with a scorecard are sorted, counted and paged in SQL
 * from their summary rows (`store.scorecards.rankedPage`); those without one come last, and are
 * read only when a page reaches them.
 */
import type { JobRecord, RankedSummary, Store, UnrankedApplication } from '../../../store/index.js';
import { nameSortKey } from '../../../store/repositories/scorecard-summaries.js';
import { latestTasks, newestBy, type TaskState } from './interview-status.js';
import type { CompetencyScore } from './scorecard-summaries.js';

export type RankStatus = 'scored' | 'insufficient evidence' | 'analysing' | 'failed' | 'not interviewed';

export interface RankRow {
  /** 1 for the best score; equal scores share a rank (1, 2, 2, 4); null when not scored. */
  readonly rank: number | null;
  readonly applicationId: string;
  readonly candidateId: string;
  readonly candidateName: string;
  readonly stage: string;
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
 * Ranks a page of summaries that starts at `offset`: the first row's rank is one more than the
 * number of rows scored above it (`above`); after it, a new score takes its position's rank.
 * @example rankSummaries(page, 0, 0).map((r) => r.rank) // [1, 2, 2, 4, null]
 */
export function rankSummaries(page: readonly RankedSummary[], offset: number, above: number): RankRow[] {
  let rank = above + 1;
  return page.map((summary, index) => {
    const previous = page[index - 1];
    if (previous !== undefined && previous.overallScore !== summary.overallScore) rank = offset + index + 1;
    return summaryRow(summary, summary.overallScore === null ? null : rank);
  });
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
  return latestTasks(store, job.workspaceId, newest);
}

/**
 * One page of a job's ranking and the number of applications in all. The first page reads
 * `limit` summary rows from an index; the rows without a scorecard only when the page reaches them.
 * @example const { rows, total } = await loadRankingPage(store, job, { limit: 200, offset: 0 })
 */
export async function loadRankingPage(
  store: Store,
  job: JobRecord,
  page: { readonly limit: number; readonly offset: number },
): Promise<{ rows: RankRow[]; total: number }> {
  const [total, summaries] = await Promise.all([
    store.scorecards.countApplications(job.id),
    store.scorecards.rankedPage(job.id, page),
  ]);
  const first = summaries[0];
  const above =
    first?.overallScore == null ? 0 : await store.scorecards.countRanked(job.id, first.overallScore);
  const rows = rankSummaries(summaries, page.offset, above);
  if (rows.length === page.limit) return { rows, total };
  const ranked = rows.length > 0 ? page.offset + rows.length : await store.scorecards.countRanked(job.id);
  if (ranked >= total) return { rows, total };
  const unranked = await store.scorecards.unranked(job.id);
  const rest = unscoredRows(unranked, await tasksOf(store, job, unranked));
  const from = Math.max(0, page.offset - ranked);
  return { rows: [...rows, ...rest.slice(from, from + page.limit - rows.length)], total };
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
