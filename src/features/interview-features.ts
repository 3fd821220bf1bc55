/**
 * One interview's features: every catalogue signal aggregated over its answers, exactly as the
 * scorecard aggregates them, plus the interview's totals. `candor features` writes these rows and
 * a trained model (src/model) scores them, so training and scoring read the same numbers.
 */
import { aggregateSignal } from '../assessment/index.js';
import type { ResponseSignals, SignalDefinition } from '../domain/index.js';

/** Interview-level features that are not a catalogue signal of one answer. */
export const INTERVIEW_TOTALS = ['totalWords', 'answerCount'] as const;

/**
 * @example interviewFeatures(result.signals, analyzer.catalogue).totalWords
 */
export function interviewFeatures(
  perResponse: readonly ResponseSignals[],
  catalogue: readonly SignalDefinition[],
): Record<string, number | null> {
  const values: Record<string, number | null> = {};
  for (const definition of catalogue) values[definition.id] = aggregateSignal(definition, perResponse).value;
  values.totalWords = perResponse.reduce((sum, r) => sum + r.words, 0);
  values.answerCount = perResponse.length;
  return values;
}
