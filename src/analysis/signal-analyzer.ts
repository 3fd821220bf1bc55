import type {
  JobProfile,
  Response,
  ResponseSignals,
  SignalDefinition,
  SignalValue,
} from '../domain/index.js';
import { createLanguageAnalyzer, LANGUAGE_SIGNALS } from './language/index.js';
import { SPEECH_SIGNALS, type VoiceTrack } from './speech/signals/index.js';

/** Every signal's catalogue entry (language, then timing and voice); needs no word vectors. */
export const SIGNAL_CATALOGUE: readonly SignalDefinition[] = [
  ...LANGUAGE_SIGNALS.map((s) => ({ ...s.definition, modality: s.definition.modality ?? ('text' as const) })),
  ...SPEECH_SIGNALS.map((s) => s.definition),
];

export interface SignalAnalyzer {
  readonly catalogue: readonly SignalDefinition[];
  /** Semantic similarity 0–1 of two texts (GloVe + TF-IDF). */
  readonly similarity: (a: string, b: string) => number;
  /**
   * Measures every signal on one answer; voice signals need the recording's voice track.
   * `otherTalk`: other speakers' segments in the same recording (seconds), which are not the answer's time.
   */
  analyzeResponse(
    response: Response,
    job: JobProfile | null,
    voice?: VoiceTrack | null,
    otherTalk?: readonly { readonly start: number; readonly end: number }[],
  ): ResponseSignals;
}

/**
 * The analyser behind every scorecard: language signals on the words, timing signals on the
 * transcript's times, voice signals on the recording. Pure: no database, network or clock.
 * @example createSignalAnalyzer().analyzeResponse(response, job, voice).values.get('pauseRatio')
 */
export function createSignalAnalyzer(options: { embeddingsFile?: string } = {}): SignalAnalyzer {
  const language = createLanguageAnalyzer(options);
  return {
    catalogue: SIGNAL_CATALOGUE,
    similarity: language.similarity,
    analyzeResponse(response, job, voice = null, otherTalk = []) {
      const measured = language.analyzeResponse(response, job);
      const values = new Map<string, SignalValue>(measured.values);
      for (const signal of SPEECH_SIGNALS)
        values.set(signal.definition.id, signal.compute(response, { voice, otherTalk }));
      return { ...measured, values };
    },
  };
}
