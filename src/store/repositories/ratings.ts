import type { Kysely, Selectable } from 'kysely';
import { newId } from '../../core/index.js';
import type { Database, RatingTable } from '../schema.js';
import { toInterviewRecord, type InterviewRecord } from './interviews.js';
import { chunks, timestamp, type RepositoryContext } from './rows.js';

/** A rating scale as declared, e.g. 1–7: `{ min: 1, max: 7 }`. */
export interface RatingScale {
  readonly min: number;
  readonly max: number;
}

export type RatingSource = RatingTable['source'];

export interface RatingRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly interviewId: string;
  /** The answer's number, from 1; null for the whole interview. */
  readonly answer: number | null;
  readonly rater: string;
  readonly target: string;
  /** As given, on `scale`. */
  readonly score: number;
  readonly scale: RatingScale;
  /** (score − min) / (max − min), 0–1. */
  readonly normalised: number;
  readonly note: string | null;
  readonly source: RatingSource;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface NewRating {
  readonly interviewId: string;
  readonly answer: number | null;
  readonly rater: string;
  readonly target: string;
  readonly score: number;
  readonly scale: RatingScale;
  readonly note?: string | null;
}

/** What a rating's interview is, for checks and for training (the person is its candidate). */
export interface RatedInterview {
  readonly interview: InterviewRecord;
  /** The hiring candidate; null outside hiring. */
  readonly candidateId: string | null;
  readonly jobId: string | null;
}

/** What `save` reads inside its transaction before writing, handed to its `check`. */
export interface RatingWriteState {
  /** The interviews named by the ratings that exist in the workspace, by id. */
  readonly interviews: ReadonlyMap<string, RatedInterview>;
  /** The scale already stored per target in the workspace. */
  readonly scales: ReadonlyMap<string, RatingScale>;
}

export interface RatingCounts {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
}

export interface SaveRatings {
  readonly workspaceId: string;
  readonly source: RatingSource;
  /** Who stores them: a user id, or `cli`. */
  readonly createdBy: string;
  readonly ratings: readonly NewRating[];
  /** Runs inside the transaction before any write; throwing from it writes nothing. */
  readonly check?: (state: RatingWriteState) => void;
  /** Called as ratings are written (`done` of `total`), for a progress line on big files. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface RatingFilter {
  readonly target?: string | undefined;
  /** Only interviews of this job's applications. */
  readonly jobId?: string | undefined;
}

export interface RatingRepository {
  /**
   * Adds or updates ratings by (interview, answer, rater, target) in ONE transaction: either all
   * are stored or none. A rating equal to the stored one (score, scale and note) is unchanged.
   */
  save(input: SaveRatings): Promise<RatingCounts>;
  /** Ratings of an interview: by answer (the whole interview first), target, rater. */
  listByInterview(interviewId: string): Promise<RatingRecord[]>;
  /** Ratings of a workspace, optionally of one target or one job's interviews, in a stable order. */
  list(workspaceId: string, filter?: RatingFilter): Promise<RatingRecord[]>;
  /** The scale stored per target in the workspace. */
  scales(workspaceId: string): Promise<Map<string, RatingScale>>;
  /** The interviews of the workspace among `ids`, with their candidate, student and job. */
  interviews(workspaceId: string, ids: readonly string[]): Promise<Map<string, RatedInterview>>;
}

/**
 * People's ratings of interviews and answers (migration 0008).
 * @example await store.ratings.save({ workspaceId, source: 'form', createdBy: user.id, ratings: [{ interviewId, answer: null, rater: user.id, target: 'overall', score: 4, scale: { min: 1, max: 5 } }] })
 */
export function createRatingRepository(ctx: RepositoryContext): RatingRepository {
  const { db } = ctx;
  return {
    async save(input) {
      return db.transaction().execute(async (trx) => {
        // A write first, so a SQLite transaction takes the write lock now (waiting out the busy
        // timeout) instead of failing to upgrade its reads when another process writes.
        await trx.deleteFrom('rating').where('id', '=', '').execute();
        const ids = [...new Set(input.ratings.map((r) => r.interviewId))];
        const state: RatingWriteState = {
          interviews: await ratedInterviews(trx, input.workspaceId, ids),
          scales: await storedScales(trx, input.workspaceId),
        };
        input.check?.(state);
        return upsert(trx, ctx, input, ids);
      });
    },
    async listByInterview(interviewId) {
      const rows = await db
        .selectFrom('rating')
        .selectAll()
        .where('interview_id', '=', interviewId)
        .orderBy('answer')
        .orderBy('target')
        .orderBy('rater')
        .execute();
      return rows.map(toRecord).sort(byAnswer);
    },
    async list(workspaceId, filter = {}) {
      let query = db.selectFrom('rating as r').selectAll('r').where('r.workspace_id', '=', workspaceId);
      if (filter.target !== undefined) query = query.where('r.target', '=', filter.target);
      if (filter.jobId !== undefined) {
        query = query
          .innerJoin('interview as i', 'i.id', 'r.interview_id')
          .innerJoin('application as a', 'a.id', 'i.application_id')
          .where('a.job_id', '=', filter.jobId);
      }
      const rows = await query.orderBy('r.target').orderBy('r.interview_id').orderBy('r.rater').execute();
      return rows.map(toRecord).sort(byKey);
    },
    scales: (workspaceId) => storedScales(db, workspaceId),
    interviews: (workspaceId, ids) => ratedInterviews(db, workspaceId, ids),
  };
}

const keyOf = (r: { interviewId: string; answer: number | null; rater: string; target: string }) =>
  JSON.stringify([r.interviewId, r.answer ?? 0, r.rater, r.target]);

/** Target, interview, answer (whole interview first), rater: code-point order on both databases. */
function byKey(a: RatingRecord, b: RatingRecord): number {
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return (
    text(a.target, b.target) ||
    text(a.interviewId, b.interviewId) ||
    (a.answer ?? 0) - (b.answer ?? 0) ||
    text(a.rater, b.rater)
  );
}

/** Answer (whole interview first), target, rater. */
function byAnswer(a: RatingRecord, b: RatingRecord): number {
  return (a.answer ?? 0) - (b.answer ?? 0) || byKey(a, b);
}

async function upsert(
  trx: Kysely<Database>,
  ctx: RepositoryContext,
  input: SaveRatings,
  interviewIds: readonly string[],
): Promise<RatingCounts> {
  const stored = new Map<string, Selectable<RatingTable>>();
  for (const batch of chunks(interviewIds)) {
    const rows = await trx.selectFrom('rating').selectAll().where('interview_id', 'in', batch).execute();
    for (const row of rows) stored.set(keyOf(toRecord(row)), row);
  }
  const now = timestamp(ctx);
  const fresh = new Map<string, NewRating>();
  let updated = 0;
  let unchanged = 0;
  let done = 0;
  const total = input.ratings.length;
  const tick = (n: number) => {
    done += n;
    if (done % 500 < n || done === total) input.onProgress?.(done, total);
  };
  for (const rating of input.ratings) {
    const old = stored.get(keyOf(rating));
    if (old === undefined) {
      fresh.set(keyOf(rating), rating);
      continue;
    }
    tick(1);
    const note = rating.note ?? null;
    const { min, max } = rating.scale;
    if (old.score === rating.score && old.scale_min === min && old.scale_max === max && old.note === note) {
      unchanged += 1;
      continue;
    }
    await trx
      .updateTable('rating')
      .set({
        score: rating.score,
        scale_min: min,
        scale_max: max,
        normalised: normalise(rating.score, rating.scale),
        note,
        source: input.source,
        updated_at: now,
      })
      .where('id', '=', old.id)
      .execute();
    updated += 1;
  }
  const rows = [...fresh.values()].map((r) => ({
    id: newId('rt'),
    workspace_id: input.workspaceId,
    interview_id: r.interviewId,
    answer: r.answer,
    rater: r.rater,
    target: r.target,
    score: r.score,
    scale_min: r.scale.min,
    scale_max: r.scale.max,
    normalised: normalise(r.score, r.scale),
    note: r.note ?? null,
    source: input.source,
    created_by: input.createdBy,
    created_at: now,
    updated_at: now,
  }));
  for (const batch of chunks(rows, 200)) {
    await trx.insertInto('rating').values(batch).execute();
    tick(batch.length);
  }
  return { added: rows.length, updated, unchanged };
}

/** (score − min) / (max − min): a score on its declared scale as a share of the scale, 0–1. */
export function normalise(score: number, scale: RatingScale): number {
  return (score - scale.min) / (scale.max - scale.min);
}

async function storedScales(db: Kysely<Database>, workspaceId: string): Promise<Map<string, RatingScale>> {
  const rows = await db
    .selectFrom('rating')
    .select(['target', 'scale_min', 'scale_max'])
    .distinct()
    .where('workspace_id', '=', workspaceId)
    .orderBy('target')
    .orderBy('scale_min')
    .orderBy('scale_max')
    .execute();
  const scales = new Map<string, RatingScale>();
  for (const row of rows) {
    if (!scales.has(row.target)) scales.set(row.target, { min: row.scale_min, max: row.scale_max });
  }
  return scales;
}

async function ratedInterviews(
  db: Kysely<Database>,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, RatedInterview>> {
  const found = new Map<string, RatedInterview>();
  for (const batch of chunks(ids)) {
    const rows = await db
      .selectFrom('interview as i')
      .leftJoin('application as a', 'a.id', 'i.application_id')
      .selectAll('i')
      .select(['a.candidate_id', 'a.job_id'])
      .where('i.workspace_id', '=', workspaceId)
      .where('i.id', 'in', batch)
      .execute();
    for (const row of rows) {
      found.set(row.id, {
        interview: toInterviewRecord(row),
        candidateId: row.candidate_id,
        jobId: row.job_id,
      });
    }
  }
  return found;
}

function toRecord(row: Selectable<RatingTable>): RatingRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    interviewId: row.interview_id,
    answer: row.answer,
    rater: row.rater,
    target: row.target,
    score: row.score,
    scale: { min: row.scale_min, max: row.scale_max },
    normalised: row.normalised,
    note: row.note,
    source: row.source,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
