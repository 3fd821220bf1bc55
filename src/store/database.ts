import { existsSync } from 'node:fs';
import path from 'node:path';
import { Kysely, sql, type MigrationResult } from 'kysely';
import { ensurePrivateDir, ensurePrivateFile } from '../core/index.js';
import { createDialect, type StoreKind, type StoreTarget } from './dialect.js';
import { migrateToLatest } from './migrate.js';
import type { Database } from './schema.js';
import { createAnalysisRepository, type AnalysisRepository } from './repositories/analyses.js';
import { createApplicationRepository, type ApplicationRepository } from './repositories/applications.js';
import { createCandidateRepository, type CandidateRepository } from './repositories/candidates.js';
import { createCohortRepository, type CohortRepository } from './repositories/cohorts.js';
import { createDemographicsRepository, type DemographicsRepository } from './repositories/demographics.js';
import {
  createFairnessAlertRepository,
  type FairnessAlertRepository,
} from './repositories/fairness-alerts.js';
import {
  createLoginThrottleRepository,
  type LoginThrottleRepository,
} from './repositories/login-throttle.js';
import { createMediaRepository, type MediaRepository } from './repositories/media.js';
import { createJobQueue, type JobQueue } from './job-queue.js';
import { createActivityRepository, type ActivityRepository } from './repositories/activity.js';
import { createFrameworkRepository, type FrameworkRepository } from './repositories/frameworks.js';
import { createInterviewRepository, type InterviewRepository } from './repositories/interviews.js';
import { createInvitationRepository, type InvitationRepository } from './repositories/invitations.js';
import { createMessageRepository, type MessageRepository } from './repositories/messages.js';
import { createBookingRepository, type BookingRepository } from './repositories/bookings.js';
import { createCadenceRepository, type CadenceRepository } from './repositories/cadence.js';
import { createPulseRepository, type PulseRepository } from './repositories/pulse.js';
import { createMicroTaskRepository, type MicroTaskRepository } from './repositories/micro-tasks.js';
import { createSchedulingRepository, type SchedulingRepository } from './repositories/scheduling.js';
import {
  createAgentSettingsRepository,
  type AgentSettingsRepository,
} from './repositories/agent-settings.js';
import { createJobRepository, type JobRepository } from './repositories/jobs.js';
import {
  createPipelineEventRepository,
  type PipelineEventRepository,
} from './repositories/pipeline-events.js';
import { createQuestionSetRepository, type QuestionSetRepository } from './repositories/question-sets.js';
import { createModelRepository, type ModelRepository } from './repositories/models.js';
import { createRatingRepository, type RatingRepository } from './repositories/ratings.js';
import { monotonicClock, type RepositoryContext } from './repositories/rows.js';
import { createSearchIndex, type SearchIndex } from './repositories/search.js';
import { createSavedSearchRepository, type SavedSearchRepository } from './repositories/saved-searches.js';
import { createKnowledgeRepository, type KnowledgeRepository } from './repositories/knowledge.js';
import {
  createKnowledgeTrendsRepository,
  type KnowledgeTrendsRepository,
} from './repositories/knowledge-trends.js';
import { createScorecardRepository, type ScorecardRepository } from './repositories/scorecards.js';
import { createUsageRepository, type UsageRepository } from './repositories/usage.js';
import { createUserRepository, type UserRepository } from './repositories/users.js';
import { createWorkspaceRepository, type WorkspaceRepository } from './repositories/workspaces.js';

/** File name of the embedded database inside the data folder. */
export const SQLITE_FILE_NAME = 'candor.db';

export interface StoreOptions {
  /** Folder for the embedded database (`<dataDir>/candor.db`); created if missing. */
  readonly dataDir: string;
  /** `postgres://…`: use PostgreSQL instead of the embedded SQLite file. */
  readonly databaseUrl?: string | undefined;
  /** PostgreSQL schema to work in (created if missing); tests use one per run. */
  readonly schema?: string | undefined;
  /** Source of the current time; defaults to the system clock. */
  readonly now?: () => Date;
}

export interface Store {
  /** The Kysely instance, for queries no repository offers yet. */
  readonly db: Kysely<Database>;
  readonly kind: StoreKind;
  readonly workspaces: WorkspaceRepository;
  readonly jobs: JobRepository;
  readonly frameworks: FrameworkRepository;
  readonly questionSets: QuestionSetRepository;
  readonly candidates: CandidateRepository;
  readonly applications: ApplicationRepository;
  readonly interviews: InterviewRepository;
  /** `analyses.save(input)` writes responses, transcript, signal values and scorecard atomically. */
  readonly analyses: AnalysisRepository;
  readonly scorecards: ScorecardRepository;
  /** People's ratings of interviews and answers (migration 0008). */
  readonly ratings: RatingRepository;
  /** Trained scoring models per workspace, and which is active per target (migration 0009). */
  readonly models: ModelRepository;
  readonly pipelineEvents: PipelineEventRepository;
  /** People who sign in, their sessions and API tokens. */
  readonly users: UserRepository;
  /** Uploaded recordings (rows; the bytes live in the media folder). */
  readonly media: MediaRepository;
  /** Failed sign-ins per account, for the lockout (migration 0007). */
  readonly loginThrottle: LoginThrottleRepository;
  /** What each user has stored, for the quotas. */
  readonly usage: UsageRepository;
  /** Advisors' cohorts of students. */
  readonly cohorts: CohortRepository;
  /** Self-identified demographics, kept apart (migration 0010): auditors' routes and the audit only. */
  readonly demographics: DemographicsRepository;
  /** Fairness alerts and the webhook outbox (migration 0011): group labels and counts only. */
  readonly fairnessAlerts: FairnessAlertRepository;
  /** Who changed users, tokens, settings, frameworks (migration 0013), with the hiring decisions. */
  readonly activity: ActivityRepository;
  /** Invitations to interview by link and the candidates' recorded attempts (migration 0014). */
  readonly invitations: InvitationRepository;
  /** The follow-up agent's outbox, the candidates' replies and the agent's pauses (migration 0015). */
  readonly messages: MessageRepository;
  /** Interview bookings, kept from overlapping per interviewer (migration 0016). */
  readonly bookings: BookingRepository;
  /** What the follow-up agent's cadence scan reads: candidates waiting for news, rounds that ended. */
  readonly cadence: CadenceRepository;
  /** The candidate pulse's answers and NPS per job and round (migration 0018). */
  readonly pulse: PulseRepository;
  /** Micro-tasks after a scorecard, and the switch that turns them off (migration 0019). */
  readonly microTasks: MicroTaskRepository;
  /** Interviewers' calendars and slot proposals (migration 0017). */
  readonly scheduling: SchedulingRepository;
  /** A workspace's own agent templates and cadence, and the agent's pauses (migration 0020). */
  readonly agentSettings: AgentSettingsRepository;
  /** Full-text search over transcript segments, grouped by interview (migration 0022). */
  readonly search: SearchIndex;
  /** People's saved knowledge-base searches (migration 0025). */
  readonly savedSearches: SavedSearchRepository;
  /** Knowledge topics, tracked names and the tags found in interviews (migration 0023). */
  readonly knowledge: KnowledgeRepository;
  /** Trends, group comparisons and exports over the knowledge tags (read-only, migration 0023). */
  readonly knowledgeTrends: KnowledgeTrendsRepository;
  /** The embedded job queue (a table in this database). */
  readonly queue: JobQueue;
  /** One round trip to the database (`select 1`); throws when it does not answer. */
  ping(): Promise<void>;
  /** Runs any migration not yet applied (none after opening); returns what ran. */
  migrate(): Promise<MigrationResult[]>;
  /** Closes the database (the SQLite file or the PostgreSQL pool). */
  close(): Promise<void>;
}

/**
 * Opens Candor's database and brings its schema up to date: SQLite at `<dataDir>/candor.db`,
 * or PostgreSQL when `databaseUrl` is given.
 *
 * @throws CandorError('INTERNAL', …, { migration }) when a migration (or the connection) fails.
 * @example
 * const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl })
 * const ws = await store.workspaces.ensure({ slug: 'default' })
 * await store.close()
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const target: StoreTarget =
    options.databaseUrl === undefined || options.databaseUrl === ''
      ? { kind: 'sqlite', file: path.join(options.dataDir, SQLITE_FILE_NAME) }
      : {
          kind: 'postgres',
          url: options.databaseUrl,
          ...(options.schema === undefined ? {} : { schema: options.schema }),
        };
  if (target.kind === 'sqlite') protectSqliteFiles(options.dataDir, target.file);
  const { kind, dialect, migrationSchema } = createDialect(target);
  const db = new Kysely<Database>({ dialect });
  const migrate = (): Promise<MigrationResult[]> => migrateToLatest(db, { schema: migrationSchema });
  try {
    await migrate();
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const ctx: RepositoryContext = { db, kind, clock: monotonicClock(options.now ?? (() => new Date())) };
  return {
    db,
    kind,
    workspaces: createWorkspaceRepository(ctx),
    jobs: createJobRepository(ctx),
    frameworks: createFrameworkRepository(ctx),
    questionSets: createQuestionSetRepository(ctx),
    candidates: createCandidateRepository(ctx),
    applications: createApplicationRepository(ctx),
    interviews: createInterviewRepository(ctx),
    analyses: createAnalysisRepository(ctx),
    scorecards: createScorecardRepository(ctx),
    ratings: createRatingRepository(ctx),
    models: createModelRepository(ctx),
    pipelineEvents: createPipelineEventRepository(ctx),
    users: createUserRepository(ctx),
    media: createMediaRepository(ctx),
    loginThrottle: createLoginThrottleRepository(ctx),
    usage: createUsageRepository(ctx),
    cohorts: createCohortRepository(ctx),
    demographics: createDemographicsRepository(ctx),
    fairnessAlerts: createFairnessAlertRepository(ctx),
    activity: createActivityRepository(ctx),
    invitations: createInvitationRepository(ctx),
    messages: createMessageRepository(ctx),
    bookings: createBookingRepository(ctx),
    cadence: createCadenceRepository(ctx),
    pulse: createPulseRepository(ctx),
    microTasks: createMicroTaskRepository(ctx),
    scheduling: createSchedulingRepository(ctx),
    agentSettings: createAgentSettingsRepository(ctx),
    search: createSearchIndex(ctx),
    savedSearches: createSavedSearchRepository(ctx),
    knowledge: createKnowledgeRepository(ctx),
    knowledgeTrends: createKnowledgeTrendsRepository(ctx),
    queue: createJobQueue(ctx),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    migrate,
    close: () => db.destroy(),
  };
}

/**
 * The data folder 0700 and the database with its WAL and shared-memory files 0600, created so and
 * tightened when an older Candor left them world-readable: they hold password and token hashes.
 */
function protectSqliteFiles(dataDir: string, file: string): void {
  if (file === ':memory:') return;
  ensurePrivateDir(dataDir);
  ensurePrivateDir(path.dirname(path.resolve(file)));
  ensurePrivateFile(file);
  for (const companion of [`${file}-wal`, `${file}-shm`]) {
    if (existsSync(companion)) ensurePrivateFile(companion);
  }
}
