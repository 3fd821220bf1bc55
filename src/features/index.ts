/**
 * Features for training and scoring: one row per interview (or answer) with every catalogue
 * signal, the interview totals and the expert framework's scores; the features CSV file.
 */
export {
  INTERVIEW_TOTALS,
  interviewFeatures,
  interviewFeaturesOf,
  type InterviewText,
  type InterviewTotal,
} from './interview-features.js';
export {
  EXPERT_PREFIX,
  expertValues,
  featureColumns,
  featureRowsOf,
  isExpertColumn,
  type FeatureRowOptions,
} from './feature-rows.js';
export {
  featuresCsv,
  featuresJson,
  IDENTITY_COLUMNS,
  parseFeaturesCsv,
  requireFeatureColumns,
  type FeaturesTable,
} from './features-csv.js';
export { storedInterviewFeatures, type StoredAnalysisParts } from './stored-features.js';
