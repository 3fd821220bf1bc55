import type {
  JobProfile,
  Response,
  ResponseSignals,
  SignalDefinition,
  SignalValue,
} from '../../domain/index.js';
import type { LanguageContext, LanguageSignal } from './language-signal.js';
import { createSimilarity, loadEmbeddings, SEMANTIC_SIGNALS } from './semantic/index.js';
import { LEXICAL_SIGNALS } from './signals/index.js';
import { buildDocument } from './text-document.js';

export interface LanguageAnalyzer {
  /** Every language signal's catalogue entry, in a stable order. */
  readonly catalogue: readonly SignalDefinition[];
  /** Semantic similarity 0–1 of two texts, as the signals use it. */
  readonly similarity: (a: string, b: string) => number;
  /** Measures every language signal on one answer. */
  analyzeResponse(response: Response, job: JobProfile | null): ResponseSignals;
}

/** All language signals, lexical then semantic. */
export const LANGUAGE_SIGNALS: readonly LanguageSignal[] = [...LEXICAL_SIGNALS, ...SEMANTIC_SIGNALS];

/**
 * Loads the word vectors (once per process) and returns the analyser that turns answers into
 * signal values. Pure: no database, network or clock.
 * @example createLanguageAnalyzer().analyzeResponse(response, job).values.get('fillerWordsPer100')
 */
export function createLanguageAnalyzer(options: { embeddingsFile?: string } = {}): LanguageAnalyzer {
  const similarity = createSimilarity(loadEmbeddings(options.embeddingsFile));
  return {
    catalogue: LANGUAGE_SIGNALS.map((s) => s.definition),
    similarity,
    analyzeResponse(response, job) {
      const doc = buildDocument(response);
      const context: LanguageContext = { job, similarity };
      const values = new Map<string, SignalValue>();
      for (const signal of LANGUAGE_SIGNALS) values.set(signal.definition.id, signal.compute(doc, context));
      return { response: response.index, words: doc.wordCount, values };
    },
  };
}
