/**
 * A workspace's settings (migration 0013): read by the rest of the code through
 * `store.workspaces.settings(id)`, which answers the defaults when the workspace never changed them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { timestamp, type RepositoryContext } from './rows.js';

/** The table of migration 0013, added to the store's `Database` with `withTables`. */
// A type, not an interface: `withTables` needs an index-compatible record.
export type WorkspaceSettingsTables = {
  workspace_settings: {
    workspace_id: string;
    response_target_days: number;
    retention_days: number | null;
    score_voice: number;
    /** Migration 0018. */
    events_line: string | null;
    updated_by: string;
    updated_at: string;
  };
};

export interface WorkspaceSettings {
  /**
   * Business days within which candidates hear back; the candidate's finish page and the
   * follow-up agent read it. 1–60, default 5.
   */
  readonly responseTargetDays: number;
  /**
   * Days to keep interviews before deletion: stored only, for the privacy issue; nothing deletes
   * data by it yet. null = not set.
   */
  readonly retentionDays: number | null;
  /** Whether voice signals (pitch range, articulation rate) count towards scores; default false. */
  readonly scoreVoice: boolean;
  /**
   * One line the follow-up agent adds to declines, e.g. an invitation to the workspace's events
   * ("Our next open evening is on 14 January: acme.test/events"); null = none. Up to 300 characters.
   */
  readonly eventsLine: string | null;
  /** Who last changed them (a user id) and when; null while the defaults apply. */
  readonly updatedBy: string | null;
  readonly updatedAt: string | null;
}

export type WorkspaceSettingsPatch = Partial<
  Pick<WorkspaceSettings, 'responseTargetDays' | 'retentionDays' | 'scoreVoice' | 'eventsLine'>
>;

export const DEFAULT_WORKSPACE_SETTINGS: WorkspaceSettings = {
  responseTargetDays: 5,
  retentionDays: null,
  scoreVoice: false,
  eventsLine: null,
  updatedBy: null,
  updatedAt: null,
};

type Db = Kysely<Database & WorkspaceSettingsTables>;

/** @example await readSettings(db, ws.id) // { responseTargetDays: 5, … } */
export async function readSettings(db: Db, workspaceId: string): Promise<WorkspaceSettings> {
  const row = await db
    .selectFrom('workspace_settings')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (row === undefined) return DEFAULT_WORKSPACE_SETTINGS;
  return {
    responseTargetDays: row.response_target_days,
    retentionDays: row.retention_days,
    scoreVoice: row.score_voice === 1,
    eventsLine: row.events_line ?? null,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

/** Applies a patch over the stored settings (or the defaults) in one upsert; returns the result. */
export async function writeSettings(
  ctx: RepositoryContext,
  db: Db,
  workspaceId: string,
  patch: WorkspaceSettingsPatch,
  actor: string,
): Promise<WorkspaceSettings> {
  const current = await readSettings(db, workspaceId);
  const next = { ...current, ...patch, updatedBy: actor, updatedAt: timestamp(ctx) };
  const values = {
    response_target_days: next.responseTargetDays,
    retention_days: next.retentionDays,
    score_voice: next.scoreVoice ? 1 : 0,
    events_line: next.eventsLine,
    updated_by: actor,
    updated_at: next.updatedAt,
  };
  await db
    .insertInto('workspace_settings')
    .values({ workspace_id: workspaceId, ...values })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet(values))
    .execute();
  return next;
}
