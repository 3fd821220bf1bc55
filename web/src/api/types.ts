/**
 * The shapes of Candor's HTTP API (`/api/v1`) as the web app reads them, written by hand from the
 * issue-4 contract and `src/assessment/scorecard-types.ts`. Timestamps are ISO-8601 strings.
 */

export type Role = 'admin' | 'recruiter' | 'hiring_manager' | 'advisor' | 'candidate';

export interface User {
  readonly id: string;
  readonly workspaceId: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: string;
}

export interface Session {
  readonly user: User;
  /** Echoed in `x-csrf-token` on unsafe requests of a cookie session. */
  readonly csrfToken?: string;
}

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly details?: unknown };
}

// ── Frameworks and question sets ────────────────────────────────────────────────────────────

export interface CompetencyRef {
  readonly id: string;
  readonly name: string;
}

export interface FrameworkSummary {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly builtIn: boolean;
  readonly competencies: readonly CompetencyRef[];
}

export interface QuestionSetSummary {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly builtIn: boolean;
  readonly questionCount: number;
}

export interface Question {
  readonly id: string;
  readonly text: string;
  readonly competencies: readonly string[];
  readonly keyPoints: readonly string[];
  readonly followUp: string | null;
}

export interface QuestionSet extends Omit<QuestionSetSummary, 'questionCount'> {
  readonly questions: readonly Question[];
}

// ── Jobs, candidates, applications ──────────────────────────────────────────────────────────

export interface Job {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly skills: readonly string[];
  readonly frameworkId: string | null;
  readonly questionSetId: string | null;
  readonly createdAt: string;
}

export interface JobListItem extends Job {
  readonly applicationCount: number;
  readonly scoredCount: number;
}

export interface NewJob {
  readonly title: string;
  readonly description: string;
  readonly skills?: readonly string[];
  readonly frameworkId?: string;
  readonly questionSetId?: string;
}

export type RankStatus = 'scored' | 'insufficient evidence' | 'analysing' | 'not interviewed' | 'failed';

export interface RankRow {
  readonly rank: number | null;
  readonly applicationId: string;
  readonly candidateId: string;
  readonly candidateName: string;
  readonly stage: string;
  readonly interviewId: string | null;
  readonly scorecardId: string | null;
  readonly overallScore: number | null;
  readonly confidence: number | null;
  readonly status: RankStatus;
  readonly strengths: readonly string[];
  readonly gaps: readonly string[];
  readonly competencies: readonly (CompetencyRef & { readonly score: number | null })[];
}

export interface Ranking {
  readonly job: Job;
  readonly ranking: readonly RankRow[];
  /** Applications in all; `ranking` is one page of them. */
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export interface CompareCandidate {
  readonly applicationId: string;
  readonly candidateId: string;
  readonly candidateName: string;
  readonly stage: string;
  readonly scorecardId: string | null;
  readonly overallScore: number | null;
  readonly confidence: number | null;
  readonly scores: Readonly<Record<string, number | null>>;
  readonly strengths: readonly string[];
  readonly gaps: readonly string[];
}

export interface Comparison {
  readonly job: Job;
  readonly competencies: readonly CompetencyRef[];
  readonly candidates: readonly CompareCandidate[];
}

export interface Candidate {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly timeZone: string | null;
  readonly createdAt: string;
}

export interface NewCandidate {
  readonly name: string;
  readonly email?: string;
  readonly phone?: string;
  readonly timeZone?: string;
}

export interface Application {
  readonly id: string;
  readonly candidateId: string;
  readonly jobId: string;
  readonly stage: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface PipelineEvent {
  readonly id: string;
  readonly kind: string;
  readonly actor: string | null;
  readonly actorName: string | null;
  readonly reason: string | null;
  readonly payload: unknown;
  readonly occurredAt: string;
}

export interface ApplicationDetail {
  readonly application: Application;
  readonly candidate: Candidate;
  readonly job: Job;
  readonly interviews: readonly {
    readonly id: string;
    readonly kind: string;
    readonly title: string | null;
    readonly createdAt: string;
    readonly scorecardId: string | null;
  }[];
  readonly events: readonly PipelineEvent[];
}

export type Decision = 'advance' | 'hold' | 'reject';

export interface DecisionResult {
  readonly event: PipelineEvent;
  readonly application: Application;
}

// ── Interviews, media, tasks ────────────────────────────────────────────────────────────────

export type InterviewKind = 'async' | 'live' | 'practice';

export interface Interview {
  readonly id: string;
  readonly kind: string;
  readonly title: string | null;
  readonly applicationId: string | null;
  readonly userId: string | null;
  readonly sourceFile?: string | null;
  readonly format?: string | null;
  readonly createdAt: string;
}

export interface Media {
  readonly id: string;
  readonly interviewId: string;
  /** Answer index; matches `evidence.response` on the scorecard. */
  readonly position: number;
  readonly questionId: string | null;
  readonly questionText: string | null;
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: number;
  readonly durationSeconds: number | null;
  /** Where this recording's time 0 sits on the scorecard's time line, in seconds. */
  readonly offsetSeconds: number;
  readonly url: string;
  readonly createdAt: string;
}

export type TaskStatus = 'queued' | 'running' | 'done' | 'failed';

export interface Task {
  readonly id: string;
  readonly kind: string;
  readonly status: TaskStatus;
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly progress: {
    readonly stage: string;
    readonly fraction: number | null;
    readonly message?: string;
  } | null;
  readonly result: { readonly scorecardId: string } | null;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface InterviewDetail {
  readonly interview: Interview;
  readonly media: readonly Media[];
  readonly scorecardId: string | null;
  readonly tasks: readonly Task[];
}

// ── Scorecards ──────────────────────────────────────────────────────────────────────────────

export interface ScorecardEvidence {
  readonly signal: string;
  readonly value: number | null;
  readonly quote: string;
  readonly start: number | null;
  readonly end: number | null;
  /** Answer index the quote comes from. */
  readonly response: number;
  readonly label?: string;
}

export interface ScorecardSignal {
  readonly signal: string;
  readonly name: string;
  readonly unit: string;
  readonly value: number | null;
  readonly target: { readonly min?: number; readonly max?: number };
  readonly zeroAt: { readonly min?: number; readonly max?: number };
  /** 0–1; null when the value is null. */
  readonly credit: number | null;
  readonly weight: number;
  /** Points of the competency's 0–100 score this signal earned. */
  readonly contribution: number;
  readonly reason?: string;
}

export interface CompetencyResult {
  readonly id: string;
  readonly name: string;
  readonly score: number | null;
  readonly confidence: number;
  readonly reason?: string;
  readonly signals: readonly ScorecardSignal[];
  readonly evidence: readonly ScorecardEvidence[];
  readonly feedback: readonly string[];
}

export interface ScorecardBody {
  readonly engine: { readonly name: string; readonly version: string };
  readonly framework: { readonly id: string; readonly version: string; readonly name: string };
  readonly input: {
    readonly file: string | null;
    readonly format: string | null;
    readonly kind: string;
    readonly sha256: string | null;
    readonly candidate: string | null;
    readonly responses: number;
    readonly words: number;
    readonly durationSeconds: number | null;
  };
  readonly job: { readonly title: string; readonly skills: number } | null;
  readonly overall: { readonly score: number | null; readonly confidence: number; readonly reason?: string };
  readonly strengths: readonly (CompetencyRef & { readonly score: number })[];
  readonly gaps: readonly (CompetencyRef & { readonly score: number })[];
  readonly nextStep: {
    readonly competency: string | null;
    readonly question: string;
    readonly reason: string;
  };
  readonly competencies: readonly CompetencyResult[];
  readonly responses: readonly {
    readonly index: number;
    readonly question: string | null;
    readonly questionId: string | null;
    readonly questionSource: string;
    readonly words: number;
    readonly start: number | null;
    readonly end: number | null;
  }[];
}

export interface TranscriptSegment {
  readonly id: string;
  readonly responseId: string | null;
  readonly responsePosition: number | null;
  readonly position: number;
  readonly speaker: string | null;
  readonly start: number | null;
  readonly end: number | null;
  readonly text: string;
}

/** `GET /scorecards/:id`. */
export interface ScorecardPage {
  readonly scorecard: {
    readonly id: string;
    readonly interviewId: string;
    readonly createdAt: string;
    readonly overallScore: number | null;
    readonly body: ScorecardBody;
  };
  readonly interview: {
    readonly id: string;
    readonly kind: string;
    readonly title: string | null;
    readonly applicationId: string | null;
    readonly userId: string | null;
    readonly createdAt: string;
  };
  readonly candidate: CompetencyRef | null;
  readonly application: { readonly id: string; readonly stage: string; readonly jobId: string } | null;
  readonly media: readonly Media[];
}

/** `GET /interviews/:id/transcript`. */
export interface InterviewTranscript {
  readonly interviewId: string;
  readonly responses: readonly {
    readonly id: string;
    readonly position: number;
    readonly questionId: string | null;
    readonly questionText: string | null;
  }[];
  readonly transcript: readonly TranscriptSegment[];
}

/** What the scorecard page shows: the scorecard and the transcript its quotes point into. */
export type ScorecardView = ScorecardPage & Omit<InterviewTranscript, 'interviewId'>;

// ── Practice and cohorts ────────────────────────────────────────────────────────────────────

export type SessionStatus = 'scored' | 'insufficient evidence' | 'analysing' | 'failed' | 'empty';

export interface PracticeSession {
  readonly interviewId: string;
  readonly title: string | null;
  readonly createdAt: string;
  readonly scorecardId: string | null;
  readonly overallScore: number | null;
  readonly status: SessionStatus;
}

export interface ProgressSeries {
  readonly id: string;
  readonly name: string;
  readonly points: readonly {
    readonly at: string;
    readonly score: number | null;
    readonly scorecardId: string;
  }[];
}

export interface PracticeHistory {
  readonly sessions: readonly PracticeSession[];
  readonly progress: readonly ProgressSeries[];
}

export interface CohortSummary {
  readonly id: string;
  readonly name: string;
  readonly studentCount: number;
  readonly createdAt: string;
}

export interface CohortCompetency {
  readonly id: string;
  readonly name: string;
  /** Each student's mean of their last three scored sessions. */
  readonly scores: readonly number[];
  readonly median: number | null;
  readonly p25: number | null;
  readonly p75: number | null;
  readonly min: number | null;
  readonly max: number | null;
  /** 0–1: share of students whose score is below 50. */
  readonly shareBelow50: number;
}

export interface CohortStudent {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly sessions: number;
  readonly latestOverall: number | null;
  readonly lastPractice: string | null;
}

export interface CohortDetail {
  readonly cohort: { readonly id: string; readonly name: string; readonly createdAt: string };
  readonly students: readonly CohortStudent[];
  readonly competencies: readonly CohortCompetency[];
  readonly lacksMost: readonly {
    readonly id: string;
    readonly name: string;
    readonly median: number | null;
    readonly shareBelow50: number;
  }[];
  readonly trend: readonly {
    /** Monday of the week, `YYYY-MM-DD`. */
    readonly week: string;
    readonly sessions: number;
    readonly competencies: Readonly<Record<string, number | null>>;
  }[];
}

export interface StudentDetail extends PracticeHistory {
  readonly student: { readonly userId: string; readonly name: string; readonly email: string };
}
