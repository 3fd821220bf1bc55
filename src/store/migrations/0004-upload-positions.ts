import type { Kysely } from 'kysely';

interface MediaRow {
  readonly id: string;
  readonly interview_id: string;
  readonly position: number;
  readonly created_at: string;
}

/**
 * One recording per answer position: a unique index on `media (interview_id, position)`, so two
 * parallel uploads can no longer take the same "next" position (issue 10).
 *
 * Older databases can hold several rows at one position (parallel uploads, or a replaced
 * recording whose delete failed). Nothing is deleted: the newest row keeps the position, as the
 * analysis already read it (`currentMedia`), and each older one moves to a new position after the
 * interview's last, oldest first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const trx = db as unknown as Kysely<{ media: MediaRow }>;
  const rows = await trx
    .selectFrom('media')
    .select(['id', 'interview_id', 'position', 'created_at'])
    .orderBy('interview_id')
    .orderBy('position')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  for (const [position, id] of renumbered(rows)) {
    await trx.updateTable('media').set({ position }).where('id', '=', id).execute();
  }
  await db.schema
    .createIndex('media_interview_position_unique')
    .on('media')
    .columns(['interview_id', 'position'])
    .unique()
    .execute();
}

/** New positions for the older duplicates, as [position, id] pairs. */
function renumbered(rows: readonly MediaRow[]): Array<[number, string]> {
  const highest = new Map<string, number>();
  for (const row of rows)
    highest.set(row.interview_id, Math.max(highest.get(row.interview_id) ?? -1, row.position));
  const seen = new Set<string>();
  const moved: Array<[number, string, string]> = [];
  for (const row of rows) {
    const key = `${row.interview_id}\u0000${row.position}`;
    if (seen.has(key)) moved.push([row.position, row.created_at, row.id]);
    else seen.add(key);
  }
  const byInterview = new Map(rows.map((row) => [row.id, row.interview_id]));
  return moved
    .sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] - b[0]))
    .map(([, , id]) => {
      const interviewId = byInterview.get(id) as string;
      const position = (highest.get(interviewId) ?? -1) + 1;
      highest.set(interviewId, position);
      return [position, id];
    });
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('media_interview_position_unique').ifExists().execute();
}
