import { createLanguageAnalyzer, type LanguageAnalyzer } from '../analysis/language/index.js';
import { loadFramework, type Framework } from '../assessment/index.js';

let analyzer: LanguageAnalyzer | undefined;

/** The language analyser, created on first use (loading word vectors takes about a second). */
export function languageAnalyzer(): LanguageAnalyzer {
  return (analyzer ??= createLanguageAnalyzer());
}

/** Ids of every signal a framework may name. */
export function knownSignals(): ReadonlySet<string> {
  return new Set(languageAnalyzer().catalogue.map((d) => d.id));
}

export function frameworkFor(idOrFile: string): Framework {
  return loadFramework(idOrFile, knownSignals());
}
