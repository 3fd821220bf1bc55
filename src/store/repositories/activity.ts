/**
 * The workspace's activity log (migration 0013): who changed users, tokens, settings, frameworks
 * and question sets. Hiring decisions are not copied here: `list` reads them from
 * `pipeline_event`, so the log shows both in one time order.
 */
import { sql, type Kysely } from 'kysely';
import { newId } from '../../core/index.js';
import type { Database } from '../schema.js';
import { fromJson, guardWrite, timestamp, toJson, type RepositoryContext } from './rows.js';

/** The table of migration 0013, added to the store's `Database` with `withTables`. */
// A type, not an interface: `withTables` needs an index-compatible record.
export type ActivityTables = {
  activity: {
    id: string;
    workspace_id: string;
    actor: string;
    action: string;
    subject_type: string;
    subject_id: string | null;
    summary: string;
    details: string;
    occurred_at: string;
  };
};

export interface NewActivity {
  readonly workspaceId: string;
  /** A user id, or `cli` / `system`. */
  readonly actor: string;
  /** e.g. `user.created`, `user.role_changed`, `token.revoked`, `settings.changed`. */
  readonly action: string;
  /** What it was done to: `user`, `api_token`, `workspace`, `framework`, `question_set`. */
  readonly subjectType: string;
  readonly subjectId: string | null;
  /** One line a person reads. Never a secret: no password, no token value. */
  readonly summary: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface ActivityEntry extends Required<NewActivity> {
  readonly id: string;
  readonly occurredAt: string;
}

export interface ActivityPage {
  /** Newest first. */
  readonly entries: ActivityEntry[];
  /** Entries in the whole log (activity and decisions), for paging. */
  readonly total: number;
}

export interface ActivityRepository {
  record(input: NewActivity): Promise<ActivityEntry>;
  /** One page of the workspace's log, newest first: its activity and its hiring decisions. */
  list(workspaceId: string, page: { limit: number; offset: number }): Promise<ActivityPage>;
}

type Db = Kysely<Database & ActivityTables>;

/**
 * @example await store.activity.record({ workspaceId, actor: admin.id, action: 'user.created', subjectType: 'user', subjectId: u.id, summary: 'Added Nia (recruiter)' })
 */
export function createActivityRepository(ctx: RepositoryContext): ActivityRepository {
  const db: Db = ctx.db.withTables<ActivityTables>();
  const union = (workspaceId: string) =>
    db
      .selectFrom('activity')
      .select(['id', 'actor', 'action', 'subject_type', 'subject_id', 'summary', 'details', 'occurred_at'])
      .where('workspace_id', '=', workspaceId)
      .unionAll(
        db
          .selectFrom('pipeline_event')
          .select([
            'id',
            'actor',
            sql<string>`'decision.recorded'`.as('action'),
            sql<string>`'application'`.as('subject_type'),
            'application_id as subject_id',
            // The reason is the decision's own words; the stage is in the payload.
            sql<string>`coalesce(reason, '')`.as('summary'),
            'payload as details',
            'occurred_at',
          ])
          .where('workspace_id', '=', workspaceId)
          .where('kind', '=', 'decision'),
      );
  return {
    async record(input) {
      const entry: ActivityEntry = {
        ...input,
        id: newId('act'),
        occurredAt: timestamp(ctx),
        details: input.details ?? {},
      };
      await guardWrite('activity', entry.id, () =>
        db
          .insertInto('activity')
          .values({
            id: entry.id,
            workspace_id: entry.workspaceId,
            actor: entry.actor,
            action: entry.action,
            subject_type: entry.subjectType,
            subject_id: entry.subjectId,
            summary: entry.summary,
            details: toJson(entry.details),
            occurred_at: entry.occurredAt,
          })
          .execute(),
      );
      return entry;
    },
    async list(workspaceId, { limit, offset }) {
      const rows = await db
        .selectFrom(union(workspaceId).as('log'))
        .selectAll()
        .orderBy('occurred_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
      const counted = await db
        .selectFrom(union(workspaceId).as('log'))
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return {
        total: Number(counted.n),
        entries: rows.map((row) => ({
          id: row.id,
          workspaceId,
          actor: row.actor,
          action: row.action,
          subjectType: row.subject_type,
          subjectId: row.subject_id,
          summary: row.summary,
          details: fromJson<Record<string, unknown>>(row.details, {
            entity: 'activity',
            id: row.id,
            field: 'details',
          }),
          occurredAt: row.occurred_at,
        })),
      };
    },
  };
}
