/**
 * Re-scoring stored interviews with a trained model: a new scorecard that is the interview's
 * latest one with the model's prediction recorded (its `model` field), computed from the stored
 * answers, transcript and signal values. Nothing already stored changes: scorecards are
 * append-only, and the analysis is read, never written.
 */
import { createHash } from 'node:crypto';
import { SIGNAL_CATALOGUE } from '../analysis/index.js';
import { CandorError, toCandorError } from '../core/index.js';
import { ScorecardBody, type SignalDefinition } from '../domain/index.js';
import { storedInterviewFeatures } from '../features/index.js';
import { withModel } from '../model/apply-model.js';
import type { ModelFile } from '../model/model-file.js';
import type { ScorecardRecord, Store } from '../store/index.js';

export interface RescoreResult {
  readonly rescored: readonly { readonly interviewId: string; readonly scorecard: ScorecardRecord }[];
  readonly failed: readonly { readonly interviewId: string; readonly error: CandorError }[];
}

/**
 * Adds a scorecard to a stored interview: its latest scorecard with `model`'s prediction.
 * @throws CandorError NOT_FOUND (not in the workspace), VALIDATION_FAILED (never analysed)
 * @example const card = await rescoreInterview(store, { workspaceId, interviewId, model })
 */
export async function rescoreInterview(
  store: Store,
  input: {
    workspaceId: string;
    interviewId: string;
    model: ModelFile;
    catalogue?: readonly SignalDefinition[];
  },
): Promise<ScorecardRecord> {
  const interview = await store.interviews.get(input.interviewId);
  if (interview.workspaceId !== input.workspaceId) {
    throw new CandorError('NOT_FOUND', `interview ${input.interviewId} not found`, {
      entity: 'interview',
      id: input.interviewId,
    });
  }
  const latest = await store.scorecards.latestForInterview(interview.id);
  if (latest === null) {
    throw new CandorError(
      'VALIDATION_FAILED',
      `interview ${interview.id} has no scorecard to re-score: analyse it first`,
      { entity: 'interview', id: interview.id },
    );
  }
  const catalogue = input.catalogue ?? SIGNAL_CATALOGUE;
  const { model: _previous, ...framework } = ScorecardBody.parse(latest.body);
  void _previous;
  const stored = await store.analyses.get(interview.id);
  const features = storedInterviewFeatures(stored, framework.responses, catalogue);
  const body = withModel(framework, input.model, features, catalogue);
  return store.scorecards.add({
    interviewId: interview.id,
    frameworkId: latest.frameworkId,
    frameworkVersion: latest.frameworkVersion,
    engineVersion: latest.engineVersion,
    overallScore: latest.overallScore,
    contentHash: createHash('sha256').update(JSON.stringify(body)).digest('hex'),
    body,
  });
}

/**
 * Re-scores every analysed interview of a job's applications; one that cannot be re-scored is
 * reported and the others still are. Interviews never analysed are skipped (they get the model
 * when they are analysed).
 * @throws CandorError NOT_FOUND when the job is not in the workspace
 * @example const { rescored, failed } = await rescoreJob(store, { workspaceId, jobId, model })
 */
export async function rescoreJob(
  store: Store,
  input: { workspaceId: string; jobId: string; model: ModelFile },
): Promise<RescoreResult & { readonly skipped: readonly string[] }> {
  const job = await store.jobs.get(input.jobId);
  if (job.workspaceId !== input.workspaceId) {
    throw new CandorError('NOT_FOUND', `job ${input.jobId} not found`, { entity: 'job', id: input.jobId });
  }
  const ranked = await store.scorecards.rankForJob(job.id);
  const interviewIds = [...new Set(ranked.map((r) => r.interviewId))].sort();
  const rescored: { interviewId: string; scorecard: ScorecardRecord }[] = [];
  const failed: { interviewId: string; error: CandorError }[] = [];
  for (const interviewId of interviewIds) {
    try {
      rescored.push({ interviewId, scorecard: await rescoreInterview(store, { ...input, interviewId }) });
    } catch (error) {
      failed.push({ interviewId, error: toCandorError(error) });
    }
  }
  const unranked = await store.scorecards.unranked(job.id);
  return { rescored, failed, skipped: unranked.flatMap((u) => u.interviews.map((i) => i.id)) };
}
