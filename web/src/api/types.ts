/**
 * The shapes of Candor's HTTP API (`/api/v1`) as the web app reads them: every type here only
 * names a type of `openapi.gen.ts`, generated from the server's own OpenAPI document by
 * `npm run api-types` (and so from the routes' zod schemas, the scorecard's in
 * src/domain/scorecard.ts). Read-only, since the app never changes what it was sent.
 * Timestamps are ISO-8601 strings.
 */
import type { components } from './openapi.gen';
import type { Body, Ok, ReadonlyDeep } from './openapi-helpers';

type Schemas = components['schemas'];

// ── Accounts ────────────────────────────────────────────────────────────────────────────────

export type User = ReadonlyDeep<Schemas['User']>;
export type Role = User['role'];
export type Session = ReadonlyDeep<Ok<'/api/v1/me', 'get'>>;
export type ErrorBody = ReadonlyDeep<Schemas['Error']>;

// ── Frameworks and question sets ────────────────────────────────────────────────────────────

export type FrameworkSummary = ReadonlyDeep<Ok<'/api/v1/frameworks', 'get'>['frameworks'][number]>;
export type CompetencyRef = FrameworkSummary['competencies'][number];
export type QuestionSetSummary = ReadonlyDeep<Ok<'/api/v1/question-sets', 'get'>['questionSets'][number]>;
export type QuestionSet = ReadonlyDeep<Ok<'/api/v1/question-sets/{id}', 'get'>>;
export type Question = QuestionSet['questions'][number];

// ── Jobs, candidates, applications ──────────────────────────────────────────────────────────

export type Job = ReadonlyDeep<Schemas['Job']>;
export type JobListItem = ReadonlyDeep<Ok<'/api/v1/jobs', 'get'>['jobs'][number]>;
export type NewJob = ReadonlyDeep<Body<'/api/v1/jobs', 'post'>>;
export type RankRow = ReadonlyDeep<Schemas['RankRow']>;
export type RankStatus = RankRow['status'];
export type DisplayStage = RankRow['displayStage'];
/** Filters and order of a job's ranking (GET /jobs/:id/ranking and its CSV). */
export interface RankingView {
  readonly stage?: DisplayStage;
  readonly search?: string;
  readonly sort?: 'score' | 'name' | 'stage' | 'confidence';
  readonly order?: 'asc' | 'desc';
}
export type Ranking = ReadonlyDeep<Ok<'/api/v1/jobs/{id}/ranking', 'get'>>;
export type Comparison = ReadonlyDeep<Ok<'/api/v1/jobs/{id}/compare', 'get'>>;
export type CompareCandidate = Comparison['candidates'][number];
export type Candidate = ReadonlyDeep<Schemas['Candidate']>;
export type NewCandidate = ReadonlyDeep<Body<'/api/v1/candidates', 'post'>>;
export type Application = ReadonlyDeep<Schemas['Application']>;
export type PipelineEvent = ReadonlyDeep<Schemas['PipelineEvent']>;
export type ApplicationDetail = ReadonlyDeep<Ok<'/api/v1/applications/{id}', 'get'>>;
export type Decision = Body<'/api/v1/applications/{id}/decisions', 'post'>['decision'];
export type DecisionResult = ReadonlyDeep<Ok<'/api/v1/applications/{id}/decisions', 'post'>>;

// ── Interviews, media, tasks ────────────────────────────────────────────────────────────────

export type Interview = ReadonlyDeep<Schemas['Interview']>;
/** The kinds of interview the app creates. */
export type InterviewKind = Body<'/api/v1/interviews', 'post'>['kind'] | 'practice';
export type Media = ReadonlyDeep<Schemas['Media']>;
export type Task = ReadonlyDeep<Schemas['Task']>;
/**
 * What an analysis request may say: `speakers`, the voices to tell apart on an interview recorded
 * as one track (`auto` counts them, 1 keeps one voice, a number fixes the count).
 */
export interface AnalyzeRequest {
  readonly speakers?: 'auto' | number;
}
export type TaskStatus = Task['status'];
export type InterviewDetail = ReadonlyDeep<Ok<'/api/v1/interviews/{id}', 'get'>>;

// ── Scorecards ──────────────────────────────────────────────────────────────────────────────

export type ScorecardBody = ReadonlyDeep<Schemas['ScorecardBody']>;
export type CompetencyResult = ScorecardBody['competencies'][number];
export type ScorecardSignal = CompetencyResult['signals'][number];
export type ScorecardEvidence = CompetencyResult['evidence'][number];
export type ScorecardPage = ReadonlyDeep<Ok<'/api/v1/scorecards/{id}', 'get'>>;
export type ScorecardModel = NonNullable<ScorecardBody['model']>;
export type ScorecardMeasurement = NonNullable<ScorecardBody['measurements']>[number];
export type ModelContribution = ScorecardModel['contributions'][number];
export type InterviewTranscript = ReadonlyDeep<Schemas['InterviewTranscript']>;
export type TranscriptSegment = InterviewTranscript['transcript'][number];
export type ScorecardView = ScorecardPage & Omit<InterviewTranscript, 'interviewId'>;

// ── Scoring models ──────────────────────────────────────────────────────────────────────────

export type ModelSummary = ReadonlyDeep<Schemas['ModelSummary']>;
export type ModelDetail = ReadonlyDeep<Ok<'/api/v1/models/{id}', 'get'>>;
export type ModelFile = ModelDetail['model'];
export type ModelFeature = ModelFile['features'][number];
export type AgreementFigures = ModelFile['validation']['crossValidated'];
export type ModelPoint = NonNullable<ModelFile['validation']['points']>[number];

// ── Practice and cohorts ────────────────────────────────────────────────────────────────────

export type PracticeHistory = ReadonlyDeep<Ok<'/api/v1/practice', 'get'>>;
export type PracticeCoaching = ReadonlyDeep<Ok<'/api/v1/practice/{id}/coaching', 'get'>>;
export type PracticeSession = PracticeHistory['sessions'][number];
export type SessionStatus = PracticeSession['status'];
export type ProgressSeries = PracticeHistory['progress'][number];
export type CohortSummary = ReadonlyDeep<Ok<'/api/v1/cohorts', 'get'>['cohorts'][number]>;
export type CohortDetail = ReadonlyDeep<Ok<'/api/v1/cohorts/{id}', 'get'>>;
export type CohortCompetency = CohortDetail['competencies'][number];
export type CohortStudent = CohortDetail['students'][number];
export type StudentDetail = ReadonlyDeep<Ok<'/api/v1/cohorts/{id}/students/{userId}', 'get'>>;

// ── Human ratings ───────────────────────────────────────────────────────────────────────────

/** The blind rating form: what was asked and said, targets and scales; no Candor score. */
export type RatingForm = ReadonlyDeep<Ok<'/api/v1/interviews/{id}/rating-form', 'get'>>;
export type RatingTarget = RatingForm['targets'][number];
export type RatingScale = RatingTarget['scale'];
export type GivenRating = RatingForm['given'][number];
export type NewRatings = ReadonlyDeep<Body<'/api/v1/interviews/{id}/ratings', 'post'>>;
export type RatingsSaved = ReadonlyDeep<Ok<'/api/v1/interviews/{id}/ratings', 'post'>>;
export type RatingsAgreement = ReadonlyDeep<Ok<'/api/v1/ratings/agreement', 'get'>>;
export type TargetAgreement = RatingsAgreement['targets'][number];

// ── Fairness alerts ─────────────────────────────────────────────────────────────────────────

export type FairnessAlert = ReadonlyDeep<Ok<'/api/v1/fairness/alerts', 'get'>>['alerts'][number];

// ── Adverse-impact audit ────────────────────────────────────────────────────────────────────

export type AuditReport = ReadonlyDeep<Ok<'/api/v1/audit', 'get'>>;
export type AuditCategory = AuditReport['categories'][number];
export type AuditGroup = AuditCategory['groups'][number];
export type AuditRate = AuditGroup['selection'];
export interface AuditQuery {
  readonly jobId?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}
