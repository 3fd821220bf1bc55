import { createSignalAnalyzer, SIGNAL_CATALOGUE, type SignalAnalyzer } from '../analysis/index.js';
import { closeSharedDecoder, selectEngine, type SpeechToText } from '../analysis/speech/stt/index.js';
import type { SignalDefinition } from '../domain/index.js';
import { loadFramework, type Framework } from '../assessment/index.js';

let analyzer: SignalAnalyzer | undefined;

/** The signal analyser, created on first use (loading word vectors takes about a second). */
export function signalAnalyzer(): SignalAnalyzer {
  return (analyzer ??= createSignalAnalyzer());
}

/** Every signal's catalogue entry; needs no word vectors, so bad input fails fast. */
export const catalogue: readonly SignalDefinition[] = SIGNAL_CATALOGUE;

/** Ids of every signal a framework may name. */
export function knownSignals(): ReadonlySet<string> {
  return new Set(catalogue.map((d) => d.id));
}

export function frameworkFor(idOrFile: string): Framework {
  return loadFramework(idOrFile, knownSignals());
}

let recognisersUsed = false;

/** The speech recogniser chosen by configuration (see `candor doctor`). */
export async function recogniser(): Promise<SpeechToText> {
  recognisersUsed = true;
  return selectEngine();
}

/** Stops the recogniser's worker thread, so the process can exit. */
export async function shutdown(): Promise<void> {
  if (recognisersUsed) await closeSharedDecoder();
}
