import type { ColumnType, Generated } from 'kysely';
import type { InterviewKind, Response, TranscriptFormat } from '../domain/index.js';

/**
 * Row types of Candor's database, as Kysely sees them. Column names are snake_case; the
 * repositories map them to camelCase records.
 *
 * Storage choices that keep one query code for SQLite and PostgreSQL:
 * - ids are text made by `newId(prefix)` (src/core/ids.ts), never database sequences;
 * - JSON is stored as text and parsed in the repositories (no `jsonb`, no SQLite JSON1);
 * - timestamps are ISO-8601 UTC text (`2025-01-31T09:00:00.000Z`), which sorts by time as text;
 * - numbers are `double precision` or `integer`, both of which come back as JS numbers.
 */

/** JSON text: written with `JSON.stringify`, read with `JSON.parse` in the repositories. */
export type JsonText = string;

/** ISO-8601 UTC timestamp text. */
export type IsoTime = string;

/** A column set once on insert and never updated. */
type Immutable<T> = ColumnType<T, T, never>;

export interface WorkspaceTable {
  id: Immutable<string>;
  slug: string;
  name: string;
  created_at: Immutable<IsoTime>;
}

export interface JobTable {
  id: Immutable<string>;
  workspace_id: Immutable<string>;
  title: string;
  description: string;
  /** JSON array of strings. */
  skills: JsonText;
  /** A framework id; no foreign key because built-in frameworks may live in files only. */
  framework_id: string | null;
  /** A question-set id as the job's workspace sees it (its own, else a built-in); no foreign key. */
  question_set_id: string | null;
  created_at: Immutable<IsoTime>;
}

/** One row per framework version; unique (workspace_id, id, version), built-ins by (id, version). */
export interface FrameworkTable {
  id: string;
  version: Immutable<string>;
  /** null for built-in frameworks shared by every workspace. */
  workspace_id: string | null;
  name: string;
  definition: Immutable<JsonText>;
  created_at: Immutable<IsoTime>;
}

/** Unique (workspace_id, id), built-ins by id; `key` is what questions refer to. */
export interface QuestionSetTable {
  key: Immutable<string>;
  id: string;
  /** null for built-in question sets. */
  workspace_id: string | null;
  name: string;
  version: string;
  updated_at: IsoTime;
}

/** Primary key (question_set_key, id): question ids are unique within their set only. */
export interface QuestionTable {
  question_set_key: string;
  id: string;
  position: number;
  text: string;
  /** JSON array of competency ids. */
  competencies: JsonText;
  /** JSON array of strings. */
  key_points: JsonText;
  follow_up: string | null;
}

export interface CandidateTable {
  id: Immutable<string>;
  workspace_id: Immutable<string>;
  name: string;
  email: string | null;
  phone: string | null;
  /** IANA zone name, e.g. `Europe/Berlin`. */
  time_zone: string | null;
  /** JSON object: channel → consented (`{"email":true,"sms":false}`). */
  consent: Generated<JsonText>;
  created_at: Immutable<IsoTime>;
}

/** Candidate × job; unique per pair. */
export interface ApplicationTable {
  id: Immutable<string>;
  candidate_id: Immutable<string>;
  job_id: Immutable<string>;
  stage: Generated<string>;
  created_at: Immutable<IsoTime>;
  updated_at: IsoTime;
}

export interface InterviewTable {
  id: Immutable<string>;
  workspace_id: Immutable<string>;
  /** null for interviews outside hiring (customer, exit, research, practice). */
  application_id: string | null;
  kind: InterviewKind;
  source_file: string | null;
  /** Transcript format the interview was imported from. */
  format: TranscriptFormat | null;
  /** The student who owns a practice interview; null otherwise (migration 0003). */
  user_id: Generated<string | null>;
  /** A label shown in lists, e.g. the practised question. */
  title: Generated<string | null>;
  /** Outside hiring (migration 0021): the customer account the conversation was with. */
  account: Generated<string | null>;
  /** The account's segment, e.g. enterprise, SMB. */
  segment: Generated<string | null>;
  /** The interviewee's role, e.g. "VP Engineering". */
  role: Generated<string | null>;
  /** How it ended, e.g. churned, renewed, won, lost. */
  outcome: Generated<string | null>;
  /** When the conversation happened (ISO time); rows before migration 0021 took `created_at`. */
  occurred_at: Generated<IsoTime | null>;
  /** sha256 of the transcript file a bulk import stored, so the same file is not imported twice. */
  content_sha256: Generated<string | null>;
  created_at: Immutable<IsoTime>;
}

export interface ResponseTable {
  id: Immutable<string>;
  interview_id: Immutable<string>;
  position: number;
  /** A question id within the job's question set; no foreign key, the set may be edited later. */
  question_id: string | null;
  question_text: string | null;
  question_source: Response['questionSource'];
  match_score: number | null;
}

export interface TranscriptSegmentTable {
  id: Immutable<string>;
  interview_id: Immutable<string>;
  response_id: string | null;
  position: number;
  speaker: string | null;
  /** Seconds from the start of the recording. */
  start_s: number | null;
  end_s: number | null;
  text: string;
  /** JSON array of `{ text, start, end }`, when the source has word timings. */
  words: JsonText | null;
}

export interface SignalValueTable {
  id: Immutable<string>;
  interview_id: Immutable<string>;
  /** null for interview-level values. */
  response_id: string | null;
  /** Order within the analysis, so values read back in the order they were computed. */
  position: number;
  signal: string;
  value: number | null;
  /** JSON array of Evidence. */
  evidence: JsonText;
  reason: string | null;
}

export interface ScorecardTable {
  id: Immutable<string>;
  interview_id: Immutable<string>;
  framework_id: Immutable<string>;
  framework_version: Immutable<string>;
  engine_version: Immutable<string>;
  overall_score: Immutable<number | null>;
  /** Hash of the canonical body, so a re-run can prove it produced the same scorecard. */
  content_hash: Immutable<string>;
  body: Immutable<JsonText>;
  created_at: Immutable<IsoTime>;
}

/**
 * What lists show of a scorecard, written in the same transaction as the scorecard (migration
 * 0006): rankings sort and page on it in SQL instead of reading every body.
 */
export interface ScorecardSummaryTable {
  scorecard_id: Immutable<string>;
  interview_id: Immutable<string>;
  /** The interview's application and job; null outside hiring. */
  application_id: Immutable<string | null>;
  job_id: Immutable<string | null>;
  /** The candidate's name as it sorts (case and accents folded), compared byte by byte. */
  name_key: string | null;
  overall_score: Immutable<number | null>;
  /** `overall_score`, or -1 when null: one descending index order puts the unscored last. */
  rank_score: Immutable<number>;
  confidence: Immutable<number | null>;
  /** JSON arrays: competency names (strongest first), and `{ id, name, score }` per competency. */
  strengths: Immutable<JsonText>;
  gaps: Immutable<JsonText>;
  competencies: Immutable<JsonText>;
  /** The scorecard's `created_at`: the newest per application counts. */
  created_at: Immutable<IsoTime>;
}

/**
 * A person's rating of an interview (`answer` null) or of one answer (migration 0008): unique per
 * (interview_id, answer, rater, target) with a null answer counted as one value.
 */
export interface RatingTable {
  id: Immutable<string>;
  workspace_id: Immutable<string>;
  interview_id: Immutable<string>;
  /** The answer's number, from 1; null for the whole interview. */
  answer: Immutable<number | null>;
  /** Who rated: a user id, or the name a ratings file gives. */
  rater: Immutable<string>;
  /** `overall`, a named target such as `excited`, or a competency id. */
  target: Immutable<string>;
  /** As given, on the declared scale. */
  score: number;
  scale_min: number;
  scale_max: number;
  /** (score − min) / (max − min), 0–1. */
  normalised: number;
  note: string | null;
  source: 'csv' | 'form';
  /** Who stored it: a user id, or `cli`. */
  created_by: string;
  created_at: Immutable<IsoTime>;
  updated_at: IsoTime;
}

/**
 * A trained scoring model of a workspace (migration 0009): one row per (workspace_id, id,
 * version); at most one active row per (workspace_id, target).
 */
/** Where a stored model came from. */
export type ModelSource = 'import' | 'built-in';

export interface ScoringModelTable {
  workspace_id: Immutable<string>;
  id: Immutable<string>;
  version: Immutable<number>;
  /** `overall`, a named target or a competency id: what the model predicts. */
  target: Immutable<string>;
  name: Immutable<string>;
  /** The model file (src/model/model-file.ts) as JSON text; never changes for an id + version. */
  definition: Immutable<JsonText>;
  /** `import`: a file a person gave; `built-in`: a model shipped in the package's models/ folder. */
  source: Immutable<ModelSource>;
  /** 1 for the workspace's active model of its target, else 0. */
  active: number;
  /** Who stored it: a user id, or `cli`. */
  created_by: Immutable<string>;
  created_at: Immutable<IsoTime>;
}

export interface PipelineEventTable {
  id: Immutable<string>;
  workspace_id: Immutable<string>;
  application_id: Immutable<string>;
  /** e.g. `applied`, `stage_changed`, `rejected`, `hired`. */
  kind: string;
  /** Who did it: a user id, or `system`/`agent`. */
  actor: string;
  reason: string | null;
  /** JSON object. */
  payload: Generated<JsonText>;
  occurred_at: Immutable<IsoTime>;
}

export type TaskStatus = 'queued' | 'running' | 'done' | 'failed';

/** One unit of background work on the embedded job queue (see `store/job-queue.ts`). */
export interface TaskTable {
  id: Immutable<string>;
  workspace_id: Immutable<string>;
  /** What to run, e.g. `analyze-interview`. */
  kind: Immutable<string>;
  /** JSON object handed to the handler. */
  payload: Immutable<JsonText>;
  status: TaskStatus;
  attempts: Generated<number>;
  max_attempts: number;
  /** Not before this time (retries back off). */
  run_at: IsoTime;
  /** Worker holding the lease while running. */
  locked_by: string | null;
  /** Lease end: a running task whose lease ran out (its worker died) is claimed again. */
  locked_until: IsoTime | null;
  /** JSON `{ stage, fraction, message }`. */
  progress: JsonText | null;
  /** JSON result of a finished task. */
  result: JsonText | null;
  last_error: string | null;
  created_at: Immutable<IsoTime>;
  updated_at: IsoTime;
}

/** An uploaded recording of one answer, kept under `<dataDir>/media`. */
export interface MediaTable {
  id: Immutable<string>;
  workspace_id: Immutable<string>;
  interview_id: Immutable<string>;
  /** Answer order within the interview. */
  position: number;
  question_id: string | null;
  question_text: string | null;
  /** The name the uploader gave; shown, never used as a path. */
  file_name: string;
  /** Path relative to the media folder. */
  storage_path: Immutable<string>;
  /** Type sniffed from the content, e.g. `audio/webm`. */
  content_type: string;
  bytes: number;
  sha256: string;
  duration_s: number | null;
  created_at: Immutable<IsoTime>;
}

/** An advisor's group of students (users with the candidate role). */
export interface CohortTable {
  id: Immutable<string>;
  workspace_id: Immutable<string>;
  name: string;
  created_at: Immutable<IsoTime>;
}

export interface CohortMemberTable {
  cohort_id: Immutable<string>;
  user_id: Immutable<string>;
  added_at: Immutable<IsoTime>;
}

/** Every table, keyed by its SQL name. */
export interface Database {
  workspace: WorkspaceTable;
  job: JobTable;
  framework: FrameworkTable;
  question_set: QuestionSetTable;
  question: QuestionTable;
  candidate: CandidateTable;
  application: ApplicationTable;
  interview: InterviewTable;
  response: ResponseTable;
  transcript_segment: TranscriptSegmentTable;
  signal_value: SignalValueTable;
  scorecard: ScorecardTable;
  scorecard_summary: ScorecardSummaryTable;
  rating: RatingTable;
  scoring_model: ScoringModelTable;
  pipeline_event: PipelineEventTable;
  task: TaskTable;
  media: MediaTable;
  cohort: CohortTable;
  cohort_member: CohortMemberTable;
}
