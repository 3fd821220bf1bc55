import {
  createLanguageAnalyzer,
  LANGUAGE_SIGNALS,
  type LanguageAnalyzer,
} from '../analysis/language/index.js';
import type { SignalDefinition } from '../domain/index.js';
import { loadFramework, type Framework } from '../assessment/index.js';

let analyzer: LanguageAnalyzer | undefined;

/** The language analyser, created on first use (loading word vectors takes about a second). */
export function languageAnalyzer(): LanguageAnalyzer {
  return (analyzer ??= createLanguageAnalyzer());
}

/** Every signal's catalogue entry; needs no word vectors, so bad input fails fast. */
export const catalogue: readonly SignalDefinition[] = LANGUAGE_SIGNALS.map((s) => s.definition);

/** Ids of every signal a framework may name. */
export function knownSignals(): ReadonlySet<string> {
  return new Set(catalogue.map((d) => d.id));
}

export function frameworkFor(idOrFile: string): Framework {
  return loadFramework(idOrFile, knownSignals());
}
