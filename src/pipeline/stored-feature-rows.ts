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
  // An unknown id throws NOT_FOUND from the store; another workspace's job answers the same.
  const job = await store.jobs.get(input.jobId);
  if (job.workspaceId !== input.workspaceId) {
    throw new CandorError('NOT_FOUND', `job ${input.jobId} not found in this workspace`, {
      entity: 'job',
      id: input.jobId,
    });
  }
  const ranked = await store.scorecards.rankForJob(job.id);
  const people = new Map<string, string>();
  for (const entry of ranked) people.set(entry.interviewId, entry.candidateId);
  const { rows } = await storedFeatureRows(store, {
    interviews: [...people].map(([id, person]) => ({ id, person })),
    framework: input.framework,
    ...(input.catalogue ? { catalogue: input.catalogue } : {}),
  });
  const unranked = await store.scorecards.unranked(job.id);
  return { rows, unanalysed: unranked.length };
}

/**
 * One row per given interview that has a scorecard, read from the store; the others are listed
 * as `unanalysed` (nothing to read yet). Rows in interview-id order.
 * @example const { rows, unanalysed } = await storedFeatureRows(store, { interviews: [{ id, person }], framework })
 */
export async function storedFeatureRows(
  store: Store,
  input: {
    readonly interviews: readonly { readonly id: string; readonly person: string }[];
    readonly framework: Framework;
    readonly catalogue?: readonly SignalDefinition[];
  },
): Promise<{ readonly rows: readonly FeatureRow[]; readonly unanalysed: readonly string[] }> {
  const catalogue = input.catalogue ?? SIGNAL_CATALOGUE;
  const rows: FeatureRow[] = [];
  const unanalysed: string[] = [];
  const sorted = [...new Map(input.interviews.map((i) => [i.id, i])).values()].sort((a, b) =>
    a.id.localeCompare(b.id),
  );
  for (const { id, person } of sorted) {
    const latest = await store.scorecards.latestForInterview(id);
    if (latest === null) {
      unanalysed.push(id);
      continue;
    }
    const body = ScorecardBody.parse(latest.body);
    const stored = await store.analyses.get(id);
    rows.push({
      interview: id,
      person,
      values: {
        ...storedInterviewFeatures(stored, body.responses, catalogue),
        ...expertValues(body, input.framework),
      },
    });
  }
  return { rows, unanalysed };
}
