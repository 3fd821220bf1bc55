/**
 * Feature rows of a stored job's analysed interviews, read from what the store kept (the latest
 * scorecard and the analysis' answers, segments and signal values), so the interviews a team
 * rated in Candor can be turned into a features file without their files: `candor features --job ID`.
 */
import { SIGNAL_CATALOGUE } from '../analysis/index.js';
import type { Framework } from '../assessment/index.js';
import { CandorError } from '../core/index.js';
import { ScorecardBody, type SignalDefinition } from '../domain/index.js';
import { expertValues, storedInterviewFeatures } from '../features/index.js';
import type { FeatureRow } from '../model/model-file.js';
import type { Store } from '../store/index.js';

export interface StoredFeatureRows {
  readonly rows: readonly FeatureRow[];
  /** Applications of the job with no scorecard yet: nothing to read. */
  readonly unanalysed: number;
}

/**
 * One row per analysed interview of the job: `interview` is the interview id (as ratings name it),
 * `person` the candidate id, so folds group by person.
 * @throws CandorError NOT_FOUND when the job is not in the workspace
 * @example const { rows } = await storedJobFeatureRows(store, { workspaceId, jobId, framework })
 */
export async function storedJobFeatureRows(
  store: Store,
  input: {
    readonly workspaceId: string;
    readonly jobId: string;
    readonly framework: Framework;
    readonly catalogue?: readonly SignalDefinition[];
  },
): Promise<StoredFeatureRows> {
  const job = await store.jobs.get(input.jobId).catch(() => null);
  if (job === null || job.workspaceId !== input.workspaceId) {
    throw new CandorError('NOT_FOUND', `job ${input.jobId} not found in this workspace`, {
      entity: 'job',
      id: input.jobId,
    });
  }
  const catalogue = input.catalogue ?? SIGNAL_CATALOGUE;
  const ranked = await store.scorecards.rankForJob(job.id);
  const rows: FeatureRow[] = [];
  const seen = new Set<string>();
  for (const entry of [...ranked].sort((a, b) => a.interviewId.localeCompare(b.interviewId))) {
    if (seen.has(entry.interviewId)) continue;
    seen.add(entry.interviewId);
    const latest = await store.scorecards.latestForInterview(entry.interviewId);
    if (latest === null) continue;
    const body = ScorecardBody.parse(latest.body);
    const stored = await store.analyses.get(entry.interviewId);
    rows.push({
      interview: entry.interviewId,
      person: entry.candidateId,
      values: {
        ...storedInterviewFeatures(stored, body.responses, catalogue),
        ...expertValues(body, input.framework),
      },
    });
  }
  const unranked = await store.scorecards.unranked(job.id);
  return { rows, unanalysed: unranked.length };
}
