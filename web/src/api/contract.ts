/**
 * The web app's types checked against the server's OpenAPI document (`openapi.gen.ts`, generated
 * by `npm run api-types`): every response the app reads must fit the type the app reads it as,
 * and every body the app sends must fit what the route accepts. A route that drops or renames a
 * field the app uses turns one line below into a type error (`npm run typecheck`; the test suite
 * runs it in test/api-contract.test.ts).
 */
import type { paths } from './openapi.gen';
import type { Body as RouteBody, Method, Ok, ReadonlyDeep } from './openapi-helpers';
import type {
  AnalyzeRequest,
  Application,
  ApplicationDetail,
  AuditReport,
  FairnessAlert,
  Candidate,
  CohortDetail,
  CohortSummary,
  Comparison,
  DecisionResult,
  FrameworkSummary,
  Interview,
  InterviewDetail,
  InterviewTranscript,
  Job,
  JobListItem,
  Media,
  ModelDetail,
  ModelSummary,
  NewCandidate,
  NewJob,
  PracticeHistory,
  QuestionSet,
  QuestionSetSummary,
  NewRatings,
  Ranking,
  RatingForm,
  RatingsAgreement,
  RatingsSaved,
  ScorecardPage,
  Session,
  StudentDetail,
  Task,
  User,
  Decision,
} from './types';

/** The JSON body `method path` accepts, as the app sends it (read-only). */
type Body<P extends keyof paths, M extends Method> = ReadonlyDeep<RouteBody<P, M>>;

/** true when every value of `From` is a value of `To` (and `From` was found at all). */
type Fits<From, To> = [From] extends [never] ? false : [From] extends [To] ? true : false;

interface ResponseContract {
  login: Fits<Ok<'/api/v1/auth/login', 'post'>, Session>;
  me: Fits<Ok<'/api/v1/me', 'get'>, Session>;
  users: Fits<Ok<'/api/v1/users', 'get'>, { users: User[] }>;
  frameworks: Fits<Ok<'/api/v1/frameworks', 'get'>, { frameworks: FrameworkSummary[] }>;
  questionSets: Fits<Ok<'/api/v1/question-sets', 'get'>, { questionSets: QuestionSetSummary[] }>;
  questionSet: Fits<Ok<'/api/v1/question-sets/{id}', 'get'>, QuestionSet>;
  jobs: Fits<Ok<'/api/v1/jobs', 'get'>, { jobs: JobListItem[] }>;
  jobCreate: Fits<Ok<'/api/v1/jobs', 'post'>, Job>;
  job: Fits<Ok<'/api/v1/jobs/{id}', 'get'>, Job>;
  ranking: Fits<Ok<'/api/v1/jobs/{id}/ranking', 'get'>, Ranking>;
  compare: Fits<Ok<'/api/v1/jobs/{id}/compare', 'get'>, Comparison>;
  candidates: Fits<Ok<'/api/v1/candidates', 'get'>, { candidates: Candidate[] }>;
  candidateCreate: Fits<Ok<'/api/v1/candidates', 'post'>, Candidate>;
  applicationCreate: Fits<Ok<'/api/v1/applications', 'post'>, Application>;
  application: Fits<Ok<'/api/v1/applications/{id}', 'get'>, ApplicationDetail>;
  decision: Fits<Ok<'/api/v1/applications/{id}/decisions', 'post'>, DecisionResult>;
  interviewCreate: Fits<Ok<'/api/v1/interviews', 'post'>, Interview>;
  interview: Fits<Ok<'/api/v1/interviews/{id}', 'get'>, InterviewDetail>;
  transcriptUpload: Fits<Ok<'/api/v1/interviews/{id}/transcript', 'post'>, { interview: Interview }>;
  transcript: Fits<Ok<'/api/v1/interviews/{id}/transcript', 'get'>, InterviewTranscript>;
  mediaUpload: Fits<Ok<'/api/v1/interviews/{id}/media', 'post'>, Media>;
  analyze: Fits<Ok<'/api/v1/interviews/{id}/analyze', 'post'>, Task>;
  task: Fits<Ok<'/api/v1/tasks/{id}', 'get'>, Task>;
  scorecard: Fits<Ok<'/api/v1/scorecards/{id}', 'get'>, ScorecardPage>;
  practice: Fits<Ok<'/api/v1/practice', 'get'>, PracticeHistory>;
  practiceStart: Fits<Ok<'/api/v1/practice', 'post'>, Interview>;
  cohorts: Fits<Ok<'/api/v1/cohorts', 'get'>, { cohorts: CohortSummary[] }>;
  cohortCreate: Fits<Ok<'/api/v1/cohorts', 'post'>, CohortSummary>;
  cohort: Fits<Ok<'/api/v1/cohorts/{id}', 'get'>, CohortDetail>;
  cohortMembers: Fits<Ok<'/api/v1/cohorts/{id}/members', 'post'>, { studentCount: number }>;
  student: Fits<Ok<'/api/v1/cohorts/{id}/students/{userId}', 'get'>, StudentDetail>;
  ratingForm: Fits<Ok<'/api/v1/interviews/{id}/rating-form', 'get'>, RatingForm>;
  ratingsSave: Fits<Ok<'/api/v1/interviews/{id}/ratings', 'post'>, RatingsSaved>;
  ratingsAgreement: Fits<Ok<'/api/v1/ratings/agreement', 'get'>, RatingsAgreement>;
  models: Fits<Ok<'/api/v1/models', 'get'>, { models: ModelSummary[] }>;
  model: Fits<Ok<'/api/v1/models/{id}', 'get'>, ModelDetail>;
  modelActivate: Fits<Ok<'/api/v1/models/{id}/activate', 'post'>, ModelDetail>;
  audit: Fits<Ok<'/api/v1/audit', 'get'>, AuditReport>;
  fairnessAlerts: Fits<Ok<'/api/v1/fairness/alerts', 'get'>, { alerts: FairnessAlert[] }>;
  fairnessAcknowledge: Fits<Ok<'/api/v1/fairness/alerts/{id}/acknowledge', 'post'>, FairnessAlert>;
}

interface RequestContract {
  login: Fits<{ email: string; password: string; workspace?: string }, Body<'/api/v1/auth/login', 'post'>>;
  jobCreate: Fits<NewJob, Body<'/api/v1/jobs', 'post'>>;
  candidateCreate: Fits<NewCandidate, Body<'/api/v1/candidates', 'post'>>;
  applicationCreate: Fits<{ candidateId: string; jobId: string }, Body<'/api/v1/applications', 'post'>>;
  decision: Fits<{ decision: Decision; reason: string }, Body<'/api/v1/applications/{id}/decisions', 'post'>>;
  interviewCreate: Fits<
    { applicationId: string; kind: 'async' | 'live' },
    Body<'/api/v1/interviews', 'post'>
  >;
  transcriptUpload: Fits<
    { content: string; fileName?: string },
    Body<'/api/v1/interviews/{id}/transcript', 'post'>
  >;
  analyze: Fits<AnalyzeRequest, NonNullable<Body<'/api/v1/interviews/{id}/analyze', 'post'>>>;
  practiceStart: Fits<{ questionSetId: string; questionId: string }, Body<'/api/v1/practice', 'post'>>;
  cohortCreate: Fits<{ name: string }, Body<'/api/v1/cohorts', 'post'>>;
  cohortMembers: Fits<{ userIds: readonly string[] }, Body<'/api/v1/cohorts/{id}/members', 'post'>>;
  ratingsSave: Fits<NewRatings, Body<'/api/v1/interviews/{id}/ratings', 'post'>>;
}

/** Type-checked only: each `true` compiles only while its line of the contract holds. */
export const responseContract: ResponseContract = {
  login: true,
  me: true,
  users: true,
  frameworks: true,
  questionSets: true,
  questionSet: true,
  jobs: true,
  jobCreate: true,
  job: true,
  ranking: true,
  compare: true,
  candidates: true,
  candidateCreate: true,
  applicationCreate: true,
  application: true,
  decision: true,
  interviewCreate: true,
  interview: true,
  transcriptUpload: true,
  transcript: true,
  mediaUpload: true,
  analyze: true,
  task: true,
  scorecard: true,
  practice: true,
  practiceStart: true,
  cohorts: true,
  cohortCreate: true,
  cohort: true,
  cohortMembers: true,
  student: true,
  ratingForm: true,
  ratingsSave: true,
  ratingsAgreement: true,
  models: true,
  model: true,
  modelActivate: true,
  audit: true,
  fairnessAlerts: true,
  fairnessAcknowledge: true,
};

export const requestContract: RequestContract = {
  login: true,
  jobCreate: true,
  candidateCreate: true,
  applicationCreate: true,
  decision: true,
  interviewCreate: true,
  transcriptUpload: true,
  analyze: true,
  practiceStart: true,
  cohortCreate: true,
  cohortMembers: true,
  ratingsSave: true,
};
