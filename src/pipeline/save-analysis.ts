import { createHash } from 'node:crypto';
import type { AnalysisResult } from '../assessment/index.js';
import { newId } from '../core/index.js';
import type { Segment } from '../domain/index.js';
import type { ScorecardRecord, Store } from '../store/index.js';

/**
 * Stores an analysis (answers, transcript, signal values, scorecard) in one transaction: a crash
 * or a failed write keeps nothing of it, and the analysis stored before stays as it was.
 * @example const scorecard = await saveAnalysis(store, interview.id, analyzeTranscript(request, analyzer, version))
 */
export async function saveAnalysis(
  store: Store,
  interviewId: string,
  result: AnalysisResult,
): Promise<ScorecardRecord> {
  const responseIds = result.responses.map(() => newId('resp'));
  const owner = new Map<Segment, string>();
  result.responses.forEach((r, i) => r.segments.forEach((s) => owner.set(s, responseIds[i] ?? '')));
  const segments = result.transcript.map((s) => ({ ...s, responseId: owner.get(s) ?? null }));
  const body = result.scorecard;
  return store.analyses.save({
    interviewId,
    responses: result.responses.map((r, i) => ({
      id: responseIds[i] ?? newId('resp'),
      position: r.index,
      questionId: r.question?.id ?? null,
      questionText: r.questionText,
      questionSource: r.questionSource,
      matchScore: r.matchScore,
    })),
    segments,
    signals: result.signals.flatMap((rs, i) =>
      [...rs.values.values()].map((v) => ({ ...v, responseId: responseIds[i] ?? null })),
    ),
    scorecard: {
      frameworkId: body.framework.id,
      frameworkVersion: body.framework.version,
      engineVersion: body.engine.version,
      overallScore: body.overall.score,
      contentHash: createHash('sha256').update(JSON.stringify(body)).digest('hex'),
      body,
    },
  });
}
