/**
 * Candor's storage: one Kysely schema and query code over SQLite (embedded default) or
 * PostgreSQL (DATABASE_URL), migrations, and a repository per noun.
 */
export { openStore, SQLITE_FILE_NAME, type Store, type StoreOptions } from './database.js';
export {
  createDialect,
  constraintKind,
  type StoreKind,
  type StoreTarget,
  type StoreDialect,
} from './dialect.js';
export { migrateToLatest, type MigrateOptions } from './migrate.js';
export type { Database } from './schema.js';
export type { WorkspaceRecord, WorkspaceRepository } from './repositories/workspaces.js';
export {
  DEFAULT_WORKSPACE_SETTINGS,
  type WorkspaceSettings,
  type WorkspaceSettingsPatch,
} from './repositories/workspace-settings.js';
export type {
  ActivityEntry,
  ActivityPage,
  ActivityRepository,
  NewActivity,
} from './repositories/activity.js';
export {
  jobProfile,
  type JobRecord,
  type NewJob,
  type JobPatch,
  type JobCounts,
  type JobRepository,
} from './repositories/jobs.js';
export type { FrameworkRecord, NewFramework, FrameworkRepository } from './repositories/frameworks.js';
export type { QuestionSetRecord, QuestionSetRepository } from './repositories/question-sets.js';
export type {
  CandidateRecord,
  NewCandidate,
  CandidatePatch,
  ChannelConsent,
  CandidateRepository,
} from './repositories/candidates.js';
export type {
  ApplicationRecord,
  ApplicationRepository,
  CandidateApplicationRecord,
  DecisionInput,
} from './repositories/applications.js';
export type { InterviewRecord, NewInterview, InterviewRepository } from './repositories/interviews.js';
export type {
  AnalysisInput,
  ResponseInput,
  ResponseRecord,
  SegmentRecord,
  SignalValueRecord,
  StoredAnalysis,
  AnalysisRepository,
} from './repositories/analyses.js';
export type {
  ScorecardInContext,
  ScorecardRecord,
  ScorecardRef,
  NewScorecard,
  RankedScorecard,
  ScorecardRepository,
} from './repositories/scorecards.js';
export type {
  CompetencyScore,
  RankedSummary,
  ScorecardSummary,
  UnrankedApplication,
} from './repositories/scorecard-summaries.js';
export type {
  NewRating,
  RatedInterview,
  RatingCounts,
  RatingFilter,
  RatingRecord,
  RatingRepository,
  RatingScale,
  RatingSource,
  RatingWriteState,
  SaveRatings,
} from './repositories/ratings.js';
export { normalise } from './repositories/ratings.js';
export type { ModelRecord, ModelRepository, ModelSource, NewModel } from './repositories/models.js';
export type {
  PipelineEventRecord,
  NewPipelineEvent,
  EventPayload,
  PipelineEventRepository,
} from './repositories/pipeline-events.js';
export {
  USER_ROLES,
  hashToken,
  hashPassword,
  checkPassword,
  type UserRole,
  type UserRecord,
  type UserPatch,
  type WorkspaceApiToken,
  type NewUser,
  type SessionRecord,
  type ApiTokenRecord,
  type AccountTables,
  type UserRepository,
} from './repositories/users.js';
export type { MediaRecord, NewMedia, MediaRepository } from './repositories/media.js';
export type { CohortRecord, CohortRepository } from './repositories/cohorts.js';
export type {
  LoginThrottleRepository,
  LoginThrottleState,
  LockoutPolicy,
} from './repositories/login-throttle.js';
export type { UsageRepository } from './repositories/usage.js';
export type {
  AuditQuery,
  AuditRow,
  DemographicsInput,
  DemographicsRecord,
  DemographicsRepository,
} from './repositories/demographics.js';
export type {
  AlertScorer,
  FairnessAlertCategory,
  FairnessAlertRecord,
  FairnessAlertRepository,
  NewFairnessAlert,
  ScoredCandidate,
  WebhookDeliveryRecord,
  WebhookStatus,
} from './repositories/fairness-alerts.js';
export {
  INVITATION_STATUSES,
  type AttemptKind,
  type AttemptRecord,
  type AttemptStatus,
  type InvitationRecord,
  type InvitationRepository,
  type InvitationStatus,
  type InvitationTerms,
  type NewInvitation,
} from './repositories/invitations.js';
export type {
  MessageAttachment,
  MessageChannel,
  MessageDirection,
  MessageRecord,
  MessageRepository,
  MessageStatus,
  NewInboundMessage,
  NewOutboundMessage,
} from './repositories/messages.js';
export {
  BOOKING_STATUSES,
  type BookingRecord,
  type BookingRepository,
  type BookingStatus,
  type NewBooking,
} from './repositories/bookings.js';
export type { CadenceRepository, EndedRound, WaitingApplication } from './repositories/cadence.js';
export {
  npsOf,
  type NewPulseResponse,
  type NpsFigures,
  type PulseRepository,
  type PulseResponseRecord,
  type PulseStageNps,
} from './repositories/pulse.js';
export type {
  MicroTaskAnswerKind,
  MicroTaskReason,
  MicroTaskRecord,
  MicroTaskRepository,
  MicroTaskStatus,
  NewMicroTask,
} from './repositories/micro-tasks.js';
export type {
  InterviewerCalendarInput,
  InterviewerCalendarRecord,
  NewProposal,
  OfferedSlot,
  ProposalRecord,
  ProposalStatus,
  SchedulingRepository,
} from './repositories/scheduling.js';
export {
  NO_CADENCE_OVERRIDE,
  type AgentPause,
  type AgentSettingsRepository,
  type CadenceOverride,
  type CadencePatch,
  type TemplateOverride,
} from './repositories/agent-settings.js';
export {
  SEGMENTS_PER_INTERVIEW,
  type InterviewHit,
  type SearchFilters,
  type SearchIndex,
  type SearchPage,
  type SearchResult,
  type SegmentHit,
} from './repositories/search.js';
export {
  KNOWLEDGE_TAGS_EVENT,
  type KnowledgeRepository,
  type KnowledgeTagRecord,
  type LabelCount,
} from './repositories/knowledge.js';
export {
  TRACKED_NAME_KINDS,
  type NewTopic,
  type NewTrackedName,
  type TopicRecord,
  type TopicRepository,
  type TrackedNameRecord,
  type TrackedNameRepository,
} from './repositories/knowledge-taxonomy.js';
export { MAX_TERM_LENGTH, MAX_TERMS } from './repositories/knowledge-terms.js';
export {
  TREND_TAG_KINDS,
  VADER_NEGATIVE,
  VADER_POSITIVE,
  tagDateRange,
  type CompareGroup,
  type GroupComparison,
  type GroupLabelStats,
  type KnowledgeTrendsRepository,
  type TagCursor,
  type TagExportRow,
  type TagFilters,
  type TrendTagKind,
  type WeeklyLabelCount,
} from './repositories/knowledge-trends.js';
export { parseSearchQuery, type SearchQuery, type SearchTerm } from './search-query.js';
export { HIGHLIGHT_START, HIGHLIGHT_END } from './dialect.js';
export type { JobQueue, TaskRecord, NewTask, TaskProgress } from './job-queue.js';
export type { TaskStatus } from './schema.js';
export {
  DISPLAY_STAGES,
  RANKING_SORTS,
  displayStage,
  type DisplayStage,
  type RankingEntry,
  type RankingQuery,
  type RankingSort,
} from './repositories/ranking-page.js';
export type {
  NewSavedSearch,
  SavedSearchRecord,
  SavedSearchRepository,
} from './repositories/saved-searches.js';
