export { createLanguageAnalyzer, LANGUAGE_SIGNALS, type LanguageAnalyzer } from './pipeline.js';
export { buildDocument, buildDocumentFromSegments, type AnswerDocument } from './text-document.js';
export type { LanguageSignal, LanguageContext } from './language-signal.js';
