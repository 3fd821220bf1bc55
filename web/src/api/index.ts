import { request, upload, urlFor, type Query } from './client';
import type {
  AnalyzeRequest,
  RankingView,
  Application,
  ApplicationDetail,
  AuditQuery,
  AuditReport,
  Candidate,
  CohortDetail,
  CohortSummary,
  FairnessAlert,
  Comparison,
  Decision,
  DecisionResult,
  FrameworkSummary,
  Interview,
  InterviewDetail,
  Job,
  JobListItem,
  Media,
  ModelDetail,
  ModelSummary,
  NewCandidate,
  NewJob,
  PracticeHistory,
  PracticeCoaching,
  QuestionSet,
  QuestionSetSummary,
  NewRatings,
  Ranking,
  RatingForm,
  RatingsAgreement,
  RatingsSaved,
  ScorecardPage,
  ScorecardView,
  InterviewTranscript,
  Session,
  StudentDetail,
  Task,
  User,
} from './types';

export { ApiError, errorMessage, setCsrfToken, setUnauthenticatedHandler, API_BASE } from './client';
export type * from './types';

const enc = encodeURIComponent;

/**
 * Typed calls to every endpoint the web app uses, one per contract line.
 *
 * @example
 * const { ranking } = await api.jobs.ranking(jobId)
 */
function rankingQuery(view: RankingView): Query {
  return {
    stage: view.stage,
    search: view.search?.trim() || undefined,
    sort: view.sort,
    order: view.order,
  };
}

export const api = {
  auth: {
    login: (email: string, password: string, workspace?: string) =>
      request<Session>('POST', '/auth/login', {
        body: workspace ? { email, password, workspace } : { email, password },
      }),
    logout: () => request<void>('POST', '/auth/logout'),
    me: () => request<Session>('GET', '/me'),
  },
  users: {
    list: (role?: string) => request<{ users: User[] }>('GET', '/users', { query: { role } }),
  },
  frameworks: {
    list: () => request<{ frameworks: FrameworkSummary[] }>('GET', '/frameworks'),
  },
  questionSets: {
    list: () => request<{ questionSets: QuestionSetSummary[] }>('GET', '/question-sets'),
    get: (id: string) => request<QuestionSet>('GET', `/question-sets/${enc(id)}`),
  },
  jobs: {
    list: () => request<{ jobs: JobListItem[] }>('GET', '/jobs'),
    create: (job: NewJob) => request<Job>('POST', '/jobs', { body: job }),
    get: (id: string) => request<Job>('GET', `/jobs/${enc(id)}`),
    ranking: (id: string, view: RankingView = {}, page: { limit?: number; offset?: number } = {}) =>
      request<Ranking>('GET', `/jobs/${enc(id)}/ranking`, {
        query: { ...rankingQuery(view), limit: page.limit ?? 1000, offset: page.offset },
      }),
    /** The URL of the ranking's CSV export with these filters (a download link). */
    rankingCsvUrl: (id: string, view: RankingView = {}) =>
      urlFor(`/jobs/${enc(id)}/ranking.csv`, rankingQuery(view)),
    compare: (id: string, applicationIds: readonly string[]) =>
      request<Comparison>('GET', `/jobs/${enc(id)}/compare`, {
        query: { applications: applicationIds.join(',') },
      }),
  },
  candidates: {
    list: () => request<{ candidates: Candidate[] }>('GET', '/candidates'),
    create: (candidate: NewCandidate) => request<Candidate>('POST', '/candidates', { body: candidate }),
  },
  applications: {
    create: (candidateId: string, jobId: string) =>
      request<Application>('POST', '/applications', { body: { candidateId, jobId } }),
    get: (id: string) => request<ApplicationDetail>('GET', `/applications/${enc(id)}`),
    decide: (id: string, decision: Decision, reason: string) =>
      request<DecisionResult>('POST', `/applications/${enc(id)}/decisions`, { body: { decision, reason } }),
  },
  interviews: {
    create: (applicationId: string, kind: 'async' | 'live') =>
      request<Interview>('POST', '/interviews', { body: { applicationId, kind } }),
    get: (id: string) => request<InterviewDetail>('GET', `/interviews/${enc(id)}`),
    uploadTranscript: (id: string, content: string, fileName?: string, candidateSpeaker?: string) =>
      request<{ interview: Interview }>('POST', `/interviews/${enc(id)}/transcript`, {
        body: {
          content,
          ...(fileName === undefined ? {} : { fileName }),
          ...(candidateSpeaker === undefined ? {} : { candidateSpeaker }),
        },
      }),
    uploadMedia: (
      id: string,
      file: Blob,
      fileName: string,
      fields: { questionId?: string | null; position?: number },
      onProgress?: (fraction: number) => void,
    ) =>
      upload<Media>(
        `/interviews/${enc(id)}/media`,
        [
          ...(fields.questionId ? [['questionId', fields.questionId] as const] : []),
          ...(fields.position !== undefined ? [['position', String(fields.position)] as const] : []),
          ['file', file, fileName] as const,
        ],
        onProgress,
      ),
    /** `speakers`: voices to tell apart on an interview recorded as one track (server default `auto`). */
    analyze: (id: string, body?: AnalyzeRequest) =>
      request<Task>('POST', `/interviews/${enc(id)}/analyze`, body === undefined ? {} : { body }),
  },
  ratings: {
    /** The blind form: no Candor score, credit, signal or strength, and the caller's own ratings. */
    form: (interviewId: string) => request<RatingForm>('GET', `/interviews/${enc(interviewId)}/rating-form`),
    /** Adds or updates the signed-in user's ratings of one interview, all or none. */
    save: (interviewId: string, body: NewRatings) =>
      request<RatingsSaved>('POST', `/interviews/${enc(interviewId)}/ratings`, { body }),
    agreement: (query: { job?: string; target?: string } = {}) =>
      request<RatingsAgreement>('GET', '/ratings/agreement', { query }),
  },
  tasks: {
    get: (id: string) => request<Task>('GET', `/tasks/${enc(id)}`),
  },
  scorecards: {
    /** The scorecard, then the transcript of its interview. */
    get: async (id: string): Promise<ScorecardView> => {
      const page = await request<ScorecardPage>('GET', `/scorecards/${enc(id)}`);
      const { responses, transcript } = await request<InterviewTranscript>(
        'GET',
        `/interviews/${enc(page.interview.id)}/transcript`,
      );
      return { ...page, responses, transcript };
    },
  },
  models: {
    list: () => request<{ models: ModelSummary[] }>('GET', '/models'),
    get: (id: string, version?: number) =>
      request<ModelDetail>('GET', `/models/${enc(id)}`, { query: { version: version?.toString() } }),
    activate: (id: string, version: number) =>
      request<ModelDetail>('POST', `/models/${enc(id)}/activate`, { query: { version: String(version) } }),
  },
  fairness: {
    /** Open fairness alerts (admins and auditors). */
    openAlerts: () => request<{ alerts: FairnessAlert[] }>('GET', '/fairness/alerts'),
    acknowledge: (id: string) => request<FairnessAlert>('POST', `/fairness/alerts/${enc(id)}/acknowledge`),
  },
  audit: {
    /** The adverse-impact audit (auditors and admins); `from`/`to` are YYYY-MM-DD, inclusive. */
    report: (query: AuditQuery = {}) =>
      request<AuditReport>('GET', '/audit', {
        query: { jobId: query.jobId, from: query.from, to: query.to },
      }),
  },
  practice: {
    history: () => request<PracticeHistory>('GET', '/practice'),
    coaching: (interviewId: string) =>
      request<PracticeCoaching>('GET', `/practice/${enc(interviewId)}/coaching`),
    start: (questionSetId: string, questionId: string) =>
      request<Interview>('POST', '/practice', { body: { questionSetId, questionId } }),
  },
  cohorts: {
    list: () => request<{ cohorts: CohortSummary[] }>('GET', '/cohorts'),
    create: (name: string) => request<CohortSummary>('POST', '/cohorts', { body: { name } }),
    get: (id: string) => request<CohortDetail>('GET', `/cohorts/${enc(id)}`),
    addMembers: (id: string, userIds: readonly string[]) =>
      request<{ studentCount: number }>('POST', `/cohorts/${enc(id)}/members`, { body: { userIds } }),
    student: (id: string, userId: string) =>
      request<StudentDetail>('GET', `/cohorts/${enc(id)}/students/${enc(userId)}`),
  },
};
