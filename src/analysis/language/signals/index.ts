import type { LanguageSignal } from '../language-signal.js';
import { meanSentenceLength, wordCount, wordsPerMinute } from './counts.js';
import { disfluenciesPer100 } from './disfluencies.js';
import { fillerWordsPer100 } from './fillers.js';
import { hedgesPer100 } from './hedges.js';
import { lexicalDiversityMtld } from './lexical-diversity.js';
import { listeningMarkersPer100 } from './listening.js';
import {
  adaptabilityMarkersPer100,
  empathyMarkersPer100,
  goalMarkersPer100,
  reasoningMarkersPer100,
} from './markers.js';
import { ownershipShare } from './ownership.js';
import { personalExamples } from './personal-examples.js';
import { readabilityGrade } from './readability.js';
import { sentimentMean } from './sentiment.js';
import { specificityPer100 } from './specificity.js';
import { WORD_CATEGORY_SIGNALS } from './word-categories.js';

/** Every lexical signal, in catalogue order. */
export const LEXICAL_SIGNALS: readonly LanguageSignal[] = [
  wordCount,
  wordsPerMinute,
  meanSentenceLength,
  fillerWordsPer100,
  hedgesPer100,
  disfluenciesPer100,
  readabilityGrade,
  lexicalDiversityMtld,
  specificityPer100,
  personalExamples,
  reasoningMarkersPer100,
  goalMarkersPer100,
  empathyMarkersPer100,
  listeningMarkersPer100,
  adaptabilityMarkersPer100,
  sentimentMean,
  ownershipShare,
  ...WORD_CATEGORY_SIGNALS,
];

export { meanSentenceLength, wordCount, wordsPerMinute } from './counts.js';
export {
  disfluenciesPer100,
  findDisfluencies,
  type DisfluencyHit,
  type DisfluencyKind,
} from './disfluencies.js';
export { fillerWordsPer100, findFillers, isFillerSound, type FillerHit } from './fillers.js';
export { findHedges, hedgesPer100, isHedgingKindOf } from './hedges.js';
export { lexicalDiversityMtld, mtld } from './lexical-diversity.js';
export {
  findListeningPhrases,
  findQuestionEchoes,
  listeningMarkersPer100,
  type QuestionEcho,
} from './listening.js';
export {
  adaptabilityMarkersPer100,
  createMarkerSignal,
  empathyMarkersPer100,
  goalMarkersPer100,
  reasoningMarkersPer100,
  type MarkerSignalSpec,
} from './markers.js';
export { firstPersonReferences, ownershipShare } from './ownership.js';
export { findPersonalExamples, isPastVerb, personalExamples } from './personal-examples.js';
export { PhraseMatcher, type PhraseMatch, type PhraseMatcherOptions } from './phrase-matcher.js';
export { fleschKincaidGrade, readabilityCounts, readabilityGrade } from './readability.js';
export { compoundScore, sentenceCompounds, sentimentMean } from './sentiment.js';
export { findSpecifics, specificityPer100, type SpecificItem, type SpecificKind } from './specificity.js';
export {
  articlesPer100,
  EMOTION_WORD_EXCLUSIONS,
  firstPersonPluralPer100,
  firstPersonSingularPer100,
  firstPersonWords,
  negativeWordsPer100,
  numberWordsPer100,
  positiveWordsPer100,
  quantifierWordsPer100,
  uniqueWords,
  uniqueWordTypes,
  vaderLexicon,
  WORD_CATEGORY_SIGNALS,
  wordValence,
} from './word-categories.js';
