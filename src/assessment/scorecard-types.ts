/** The scorecard's types, defined once with their schema in src/domain/scorecard.ts. */
export type {
  CompetencyResult,
  Scorecard,
  ScorecardEvidence,
  ScorecardMeasurement,
  ScorecardResponse,
  ScorecardSignal,
} from '../domain/scorecard.js';
