import type { LanguageSignal } from '../language-signal.js';
import { keyPointCoverage } from './key-point-coverage.js';
import { questionRelevance } from './question-relevance.js';
import { roleAlignment } from './role-alignment.js';
import { starStructure } from './star-structure.js';

/** The semantic language signals, in catalogue order. */
export const SEMANTIC_SIGNALS: readonly LanguageSignal[] = [
  questionRelevance,
  keyPointCoverage,
  roleAlignment,
  starStructure,
];

export { defaultEmbeddingsFile, loadEmbeddings, type Embeddings } from './embeddings.js';
export {
  compareVectors,
  createSemanticModel,
  createSimilarity,
  compareSentences,
  EMBEDDING_WEIGHT,
  SIMILARITY_WEIGHTS,
  similarityParts,
  semanticModelOf,
  termCosine,
  textTerms,
  type DocumentVectors,
  type SemanticModel,
  type SimilarityParts,
  type TextVector,
} from './similarity.js';
export { contentTerm, createTermWeights, idfOfRank, sifOfRank, tfWeight, type TermWeights } from './tfidf.js';
export { coverPhrases, LEXICAL_SHARE, type PhraseCoverage, type PhraseMatch } from './phrase-coverage.js';
export { measureRelevance, questionRelevance, type RelevanceResult } from './question-relevance.js';
export { COVERAGE_THRESHOLD, roleAlignment, skillCoverage } from './role-alignment.js';
export {
  keyPointCoverage,
  keyPointDegrees,
  meaningDegree,
  type KeyPointDegree,
} from './key-point-coverage.js';
export { analyzeStar, starStructure, type StarAnalysis } from './star-structure.js';
export { STAR_PARTS, starScores, type StarPart, type StarScores } from './star-cues.js';
