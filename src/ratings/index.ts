/** Human ratings: the CSV format, importing and rating in the product, rater agreement, training rows. */
export {
  parseRatingsCsv,
  REQUIRED_COLUMNS,
  OPTIONAL_COLUMNS,
  describeProblem,
  type ParsedRating,
  type RatingsFile,
  type RatingsProblem,
} from './ratings-csv.js';
export { csvRecords, type CsvRecord } from './csv-records.js';
export {
  importRatings,
  saveFormRatings,
  type FormRating,
  type ImportRatingsInput,
  type ImportResult,
  type SaveFormInput,
} from './import.js';
export {
  agreementByTarget,
  ratingsAgreement,
  type AgreementQuery,
  type AgreementRating,
  type TargetAgreement,
} from './agreement.js';
export { ratingsForTraining, type TrainingQuery, type TrainingRating } from './training.js';
export { competencyIds, isTarget, DEFAULT_SCALE, NAMED_TARGET, OVERALL } from './targets.js';
