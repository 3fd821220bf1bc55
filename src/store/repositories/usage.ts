import type { RepositoryContext } from './rows.js';

/** What a user has stored so far, for the per-user quotas. */
export interface UsageRepository {
  /** Practice interviews the user owns. */
  practiceInterviews(userId: string): Promise<number>;
  /** Bytes of the recordings kept for interviews the user owns (their practice answers). */
  uploadedBytes(userId: string): Promise<number>;
}

export function createUsageRepository(ctx: RepositoryContext): UsageRepository {
  const { db } = ctx;
  return {
    async practiceInterviews(userId) {
      const row = await db
        .selectFrom('interview')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('user_id', '=', userId)
        .where('kind', '=', 'practice')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async uploadedBytes(userId) {
      const row = await db
        .selectFrom('media')
        .innerJoin('interview', 'interview.id', 'media.interview_id')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('media.bytes'), eb.lit(0)).as('bytes'))
        .where('interview.user_id', '=', userId)
        .executeTakeFirstOrThrow();
      return Number(row.bytes);
    },
  };
}
