import type { Selectable } from 'kysely';
import { newId } from '../../core/index.js';
import type { HumanRatingTable } from '../schema.js';
import { guardWrite, notFound, timestamp, type RepositoryContext } from './rows.js';

export interface HumanRatingRecord {
  readonly id: string;
  readonly scorecardId: string;
  readonly competencyId: string;
  /** Who rated: a user id or name. */
  readonly rater: string;
  /** On the framework's scale. */
  readonly score: number;
  readonly note: string | null;
  readonly createdAt: string;
}

export interface NewHumanRating {
  readonly id?: string;
  readonly scorecardId: string;
  readonly competencyId: string;
  readonly rater: string;
  readonly score: number;
  readonly note?: string | null;
}

export interface HumanRatingRepository {
  add(input: NewHumanRating): Promise<HumanRatingRecord>;
  get(id: string): Promise<HumanRatingRecord>;
  /** Ratings of a scorecard, oldest first. */
  listByScorecard(scorecardId: string): Promise<HumanRatingRecord[]>;
}

/**
 * A person's rating of one competency on a scorecard; used for validation against the model.
 * @example await store.humanRatings.add({ scorecardId: sc.id, competencyId: 'communication', rater: 'usr_1', score: 4 })
 */
export function createHumanRatingRepository(ctx: RepositoryContext): HumanRatingRepository {
  const { db } = ctx;
  const get = async (id: string): Promise<HumanRatingRecord> => {
    const row = await db.selectFrom('human_rating').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('human rating', id);
    return toRecord(row);
  };
  return {
    async add(input) {
      const id = input.id ?? newId('hr');
      await guardWrite('human rating', id, () =>
        db
          .insertInto('human_rating')
          .values({
            id,
            scorecard_id: input.scorecardId,
            competency_id: input.competencyId,
            rater: input.rater,
            score: input.score,
            note: input.note ?? null,
            created_at: timestamp(ctx),
          })
          .execute(),
      );
      return get(id);
    },
    get,
    async listByScorecard(scorecardId) {
      const rows = await db
        .selectFrom('human_rating')
        .selectAll()
        .where('scorecard_id', '=', scorecardId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toRecord);
    },
  };
}

function toRecord(row: Selectable<HumanRatingTable>): HumanRatingRecord {
  return {
    id: row.id,
    scorecardId: row.scorecard_id,
    competencyId: row.competency_id,
    rater: row.rater,
    score: row.score,
    note: row.note,
    createdAt: row.created_at,
  };
}
