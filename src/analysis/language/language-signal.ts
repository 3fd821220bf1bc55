import type { JobProfile, SignalDefinition, SignalValue } from '../../domain/index.js';
import type { AnswerDocument } from './text-document.js';

/** What every language signal may read besides the answer itself. */
export interface LanguageContext {
  readonly job: JobProfile | null;
  /** Semantic similarity of two texts, 0–1 (GloVe + TF-IDF); set by the pipeline. */
  readonly similarity: (a: string, b: string) => number;
}

/** A language signal: its catalogue entry and the function that measures it on one answer. */
export interface LanguageSignal {
  readonly definition: SignalDefinition;
  compute(doc: AnswerDocument, context: LanguageContext): SignalValue;
}

/** Rate per 100 words, or null for an empty answer. */
export function per100(count: number, words: number): number | null {
  return words > 0 ? round((100 * count) / words) : null;
}

/** Rounds to `digits` decimals so values print cleanly and compare byte-for-byte. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Most quotes kept per signal value: enough to show the pattern, few enough to read. */
export const MAX_EVIDENCE = 8;
