/**
 * An interview's features from what the store kept of its analysis (answers, transcript segments,
 * signal values) and its scorecard: the same numbers `interviewFeaturesOf` gives from the analysis
 * itself, so a stored interview can be re-scored with a model without analysing it again.
 */
import type { Response, ResponseSignals, Segment, SignalDefinition, SignalValue } from '../domain/index.js';
import { interviewFeatures } from './interview-features.js';

/** The parts of a stored analysis that features need (the store's `StoredAnalysis` fits). */
export interface StoredAnalysisParts {
  readonly responses: readonly { readonly id: string; readonly position: number }[];
  readonly segments: readonly (Segment & { readonly responseId: string | null })[];
  readonly signals: readonly (SignalValue & { readonly responseId: string | null })[];
}

/**
 * @param words each answer's word count by answer position: the scorecard's `responses[].words`.
 * @example storedInterviewFeatures(await store.analyses.get(id), body.responses, catalogue).totalWords
 */
export function storedInterviewFeatures(
  stored: StoredAnalysisParts,
  words: readonly { readonly index: number; readonly words: number }[],
  catalogue: readonly SignalDefinition[],
): Record<string, number | null> {
  const ordered = [...stored.responses].sort((a, b) => a.position - b.position);
  const wordsAt = new Map(words.map((w) => [w.index, w.words]));
  const perResponse: ResponseSignals[] = ordered.map((r) => ({
    response: r.position,
    words: wordsAt.get(r.position) ?? 0,
    values: new Map(stored.signals.filter((s) => s.responseId === r.id).map((s) => [s.signal, plain(s)])),
  }));
  const transcript: Segment[] = stored.segments.map(segmentOf);
  const responses: Response[] = ordered.map((r) => ({
    index: r.position,
    question: null,
    questionText: null,
    questionSource: 'none',
    matchScore: null,
    segments: stored.segments.filter((s) => s.responseId === r.id).map(segmentOf),
    prompt: [],
  }));
  return interviewFeatures(perResponse, catalogue, { transcript, responses });
}

function plain(s: SignalValue): SignalValue {
  return {
    signal: s.signal,
    value: s.value,
    evidence: s.evidence,
    ...(s.reason === undefined ? {} : { reason: s.reason }),
  };
}

function segmentOf(s: Segment): Segment {
  return {
    speaker: s.speaker,
    start: s.start,
    end: s.end,
    text: s.text,
    ...(s.words === undefined ? {} : { words: s.words }),
  };
}
