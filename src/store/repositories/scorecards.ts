import type { Kysely, Selectable } from 'kysely';
import { CandorError, newId } from '../../core/index.js';
import { ScorecardBody, scorecardJson, type Scorecard } from '../../domain/scorecard.js';
import type { Database, ScorecardTable } from '../schema.js';
import { toInterviewRecord, type InterviewRecord } from './interviews.js';
import { utf8Bytes } from '../dialect.js';
import { rankingPage, type RankingEntry, type RankingQuery } from './ranking-page.js';
import {
  chunks,
  fromJson,
  guardWrite,
  notFound,
  preparedQuery,
  timestamp,
  type RepositoryContext,
} from './rows.js';
import {
  countApplications,
  countRanked,
  insertScorecardSummary,
  loadSummaries,
  rankedForApplications,
  rankedPage,
  unrankedApplications,
  type RankedSummary,
  type ScorecardSummary,
  type UnrankedApplication,
} from './scorecard-summaries.js';

export interface ScorecardRecord {
  readonly id: string;
  readonly interviewId: string;
  readonly frameworkId: string;
  readonly frameworkVersion: string;
  readonly engineVersion: string;
  readonly overallScore: number | null;
  readonly contentHash: string;
  /** The scorecard as src/assessment built it. */
  readonly body: unknown;
  readonly createdAt: string;
}

export interface NewScorecard {
  readonly id?: string;
  readonly interviewId: string;
  readonly frameworkId: string;
  readonly frameworkVersion: string;
  readonly engineVersion: string;
  readonly overallScore: number | null;
  readonly contentHash: string;
  /** The engine's scorecard; refused (VALIDATION_FAILED) unless it fits `ScorecardBody`. */
  readonly body: unknown;
  /** Defaults to now. */
  readonly createdAt?: string;
}

/** A job's scorecard with the candidate it belongs to. */
export interface RankedScorecard extends ScorecardRecord {
  readonly candidateId: string;
  readonly candidateName: string;
  readonly applicationId: string;
  readonly stage: string;
}

/**
 * A scorecard as its page shows it, read in one query: the body as the stored JSON's bytes (not
 * decoded or parsed), with its interview and, for a hiring interview, the application and candidate.
 */
export interface ScorecardInContext {
  readonly id: string;
  readonly interviewId: string;
  readonly overallScore: number | null;
  readonly createdAt: string;
  /** The body exactly as stored, as UTF-8 bytes: `scorecardJson` of the scorecard (src/domain/scorecard.ts). */
  readonly body: Buffer;
  readonly interview: InterviewRecord;
  readonly application: { readonly id: string; readonly stage: string; readonly jobId: string } | null;
  readonly candidate: { readonly id: string; readonly name: string } | null;
}

export interface ScorecardRepository {
  /** Adds a scorecard (e.g. a re-score with a new framework version); earlier ones are kept. */
  add(input: NewScorecard): Promise<ScorecardRecord>;
  get(id: string): Promise<ScorecardRecord>;
  /** The scorecard with its interview, application and candidate; NOT_FOUND for an unknown id. */
  getInContext(id: string): Promise<ScorecardInContext>;
  /** The newest scorecard of an interview, or null when it has none yet. */
  latestForInterview(interviewId: string): Promise<ScorecardRecord | null>;
  /** Every scorecard of an interview, newest first. */
  listForInterview(interviewId: string): Promise<ScorecardRecord[]>;
  /**
   * The newest scorecard of each interview for a job, best first: overall score descending,
   * unscored (null) last, then candidate name.
   */
  rankForJob(jobId: string): Promise<RankedScorecard[]>;
  /** Summaries of these scorecards (unknown ids are left out). */
  summaries(ids: readonly string[]): Promise<Map<string, ScorecardSummary>>;
  /**
   * One page of a job's applications that have a scorecard, by the newest scorecard's summary:
   * overall score descending, unscored (null) last, then candidate name (case and accents
   * folded), then application id. Sorted and paged in SQL from an index.
   */
  rankedPage(jobId: string, page: { limit: number; offset: number }): Promise<RankedSummary[]>;
  /** Like `rankedPage`, for these applications of the job only. */
  rankedForApplications(jobId: string, applicationIds: readonly string[]): Promise<RankedSummary[]>;
  /** How many applications of the job rank with a score above `rankScore` (-1: all scored); without it, how many have a scorecard. */
  countRanked(jobId: string, above?: number): Promise<number>;
  /** How many applications the job has, ranked or not. */
  countApplications(jobId: string): Promise<number>;
  /**
   * One page of the job's applications, scored or not, filtered by display stage and name and
   * sorted by a column, with the number that match in all (see `ranking-page.ts`).
   */
  rankingPage(jobId: string, query: RankingQuery): Promise<{ entries: RankingEntry[]; total: number }>;
  /** The job's applications (or only `applicationIds`) without a scorecard, with their interviews. */
  unranked(jobId: string, applicationIds?: readonly string[]): Promise<UnrankedApplication[]>;
  /**
   * The newest scorecard (latest `createdAt`, then largest id) of each of these interviews that
   * has one, without its body; one query per 500 interviews.
   */
  latestForInterviews(interviewIds: readonly string[]): Promise<Map<string, ScorecardRef>>;
}

/** A scorecard without its body. */
export interface ScorecardRef {
  readonly id: string;
  readonly interviewId: string;
  readonly overallScore: number | null;
  readonly createdAt: string;
}

/**
 * Scorecards: append-only, newest wins.
 * @example const ranked = await store.scorecards.rankForJob(job.id)
 */
export function createScorecardRepository(ctx: RepositoryContext): ScorecardRepository {
  const { db } = ctx;
  const get = async (id: string): Promise<ScorecardRecord> => {
    const row = await db.selectFrom('scorecard').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('scorecard', id);
    return toScorecardRecord(row);
  };
  const newestFirst = (interviewId: string) =>
    db
      .selectFrom('scorecard')
      .selectAll()
      .where('interview_id', '=', interviewId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc');
  // Read on every scorecard page view: compiled once.
  const inContext = preparedQuery(db, (id) =>
    db
      .selectFrom('scorecard as s')
      .innerJoin('interview as i', 'i.id', 's.interview_id')
      .leftJoin('application as a', 'a.id', 'i.application_id')
      .leftJoin('candidate as c', 'c.id', 'a.candidate_id')
      .selectAll('i')
      .select([
        's.id as scorecard_id',
        's.overall_score',
        's.created_at as scorecard_created_at',
        utf8Bytes(ctx.kind, 's.body').as('body'),
        'a.stage',
        'a.job_id',
        'c.id as candidate_id',
        'c.name as candidate_name',
      ])
      .where('s.id', '=', id),
  );
  return {
    async add(input) {
      const id = await guardWrite('scorecard', input.id ?? '(new)', () =>
        db.transaction().execute((trx) => insertScorecard(trx, input, timestamp(ctx))),
      );
      return get(id);
    },
    get,
    async getInContext(id) {
      const [row] = await inContext(id);
      if (row === undefined) throw notFound('scorecard', id);
      const interview = toInterviewRecord(row);
      return {
        id: row.scorecard_id,
        interviewId: interview.id,
        overallScore: row.overall_score,
        createdAt: row.scorecard_created_at,
        body: row.body,
        interview,
        application:
          interview.applicationId === null || row.stage === null || row.job_id === null
            ? null
            : { id: interview.applicationId, stage: row.stage, jobId: row.job_id },
        candidate:
          row.candidate_id === null || row.candidate_name === null
            ? null
            : { id: row.candidate_id, name: row.candidate_name },
      };
    },
    async latestForInterview(interviewId) {
      const row = await newestFirst(interviewId).limit(1).executeTakeFirst();
      return row === undefined ? null : toScorecardRecord(row);
    },
    async listForInterview(interviewId) {
      return (await newestFirst(interviewId).execute()).map(toScorecardRecord);
    },
    async rankForJob(jobId) {
      const rows = await db
        .selectFrom('scorecard as s')
        .innerJoin('interview as i', 'i.id', 's.interview_id')
        .innerJoin('application as a', 'a.id', 'i.application_id')
        .innerJoin('candidate as c', 'c.id', 'a.candidate_id')
        .where('a.job_id', '=', jobId)
        // Keep only the newest scorecard per interview: no other is later (ties broken by id,
        // the same order latestForInterview uses). Portable: no window functions needed.
        .where((outer) =>
          outer.not(
            outer.exists(
              outer
                .selectFrom('scorecard as newer')
                .select('newer.id')
                .whereRef('newer.interview_id', '=', 's.interview_id')
                .where((eb) =>
                  eb.or([
                    eb('newer.created_at', '>', eb.ref('s.created_at')),
                    eb.and([
                      eb('newer.created_at', '=', eb.ref('s.created_at')),
                      eb('newer.id', '>', eb.ref('s.id')),
                    ]),
                  ]),
                ),
            ),
          ),
        )
        .selectAll('s')
        .select(['c.id as candidate_id', 'c.name as candidate_name', 'a.id as application_id', 'a.stage'])
        // NULLS LAST is explicit: PostgreSQL puts nulls first in descending order, SQLite last.
        .orderBy('s.overall_score', (ob) => ob.desc().nullsLast())
        .orderBy('c.name')
        .orderBy('c.id')
        .orderBy('s.interview_id')
        .execute();
      return rows.map((row) => ({
        ...toScorecardRecord(row),
        candidateId: row.candidate_id,
        candidateName: row.candidate_name,
        applicationId: row.application_id,
        stage: row.stage,
      }));
    },
    summaries: (ids) => loadSummaries(db, ids),
    rankedPage: (jobId, page) => rankedPage(db, jobId, page),
    rankedForApplications: (jobId, ids) => rankedForApplications(db, jobId, ids),
    countRanked: (jobId, above) => countRanked(db, jobId, above),
    countApplications: (jobId) => countApplications(db, jobId),
    rankingPage: (jobId, query) => rankingPage(db, jobId, query),
    unranked: (jobId, ids) => unrankedApplications(db, jobId, ids),
    async latestForInterviews(interviewIds) {
      const newest = new Map<string, ScorecardRef>();
      for (const batch of chunks([...new Set(interviewIds)])) {
        const rows = await db
          .selectFrom('scorecard')
          .select(['id', 'interview_id', 'overall_score', 'created_at'])
          .where('interview_id', 'in', batch)
          .execute();
        for (const row of rows) {
          const seen = newest.get(row.interview_id);
          const newer =
            seen === undefined ||
            row.created_at > seen.createdAt ||
            (row.created_at === seen.createdAt && row.id > seen.id);
          if (!newer) continue;
          newest.set(row.interview_id, {
            id: row.id,
            interviewId: row.interview_id,
            overallScore: row.overall_score,
            createdAt: row.created_at,
          });
        }
      }
      return newest;
    },
  };
}

/**
 * Inserts one scorecard and its summary with `trx` (a transaction, so neither is written without
 * the other) and returns its id. The body is stored as `scorecardJson` writes it, the exact
 * bytes `GET /scorecards/:id` sends.
 */
export async function insertScorecard(
  trx: Kysely<Database>,
  input: NewScorecard,
  now: string,
): Promise<string> {
  const id = input.id ?? newId('sc');
  const body = checkBody(id, input.body);
  const createdAt = input.createdAt ?? now;
  await trx
    .insertInto('scorecard')
    .values({
      id,
      interview_id: input.interviewId,
      framework_id: input.frameworkId,
      framework_version: input.frameworkVersion,
      engine_version: input.engineVersion,
      overall_score: input.overallScore,
      content_hash: input.contentHash,
      body: scorecardJson(body),
      created_at: createdAt,
    })
    .execute();
  await insertScorecardSummary(trx, { id, interviewId: input.interviewId, createdAt, body });
  return id;
}

function checkBody(id: string, body: unknown): Scorecard {
  const parsed = ScorecardBody.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue === undefined ? 'body' : ['body', ...issue.path].join('.');
  throw new CandorError(
    'VALIDATION_FAILED',
    `scorecard ${id}: ${field}: ${issue?.message ?? 'does not fit the scorecard schema'}`,
    { entity: 'scorecard', id, field },
  );
}

/** Maps a scorecard row to its record, parsing the body. */
export function toScorecardRecord(row: Selectable<ScorecardTable>): ScorecardRecord {
  return {
    id: row.id,
    interviewId: row.interview_id,
    frameworkId: row.framework_id,
    frameworkVersion: row.framework_version,
    engineVersion: row.engine_version,
    overallScore: row.overall_score,
    contentHash: row.content_hash,
    body: fromJson<unknown>(row.body, { entity: 'scorecard', id: row.id, field: 'body' }),
    createdAt: row.created_at,
  };
}
