import { newId } from '../../core/index.js';
import type { Selectable } from 'kysely';
import type { WorkspaceTable } from '../schema.js';
import { notFound, timestamp, type RepositoryContext } from './rows.js';
import {
  readSettings,
  writeSettings,
  type WorkspaceSettings,
  type WorkspaceSettingsPatch,
  type WorkspaceSettingsTables,
} from './workspace-settings.js';

export interface WorkspaceRecord {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface WorkspaceRepository {
  /** Returns the workspace with this slug, creating it first if there is none. */
  ensure(input: { slug: string; name?: string; id?: string }): Promise<WorkspaceRecord>;
  get(id: string): Promise<WorkspaceRecord>;
  getBySlug(slug: string): Promise<WorkspaceRecord>;
  /** Changes the name people see (the slug, used to sign in, stays). */
  rename(id: string, name: string): Promise<WorkspaceRecord>;
  /** The workspace's settings, or the defaults (response target 5 business days) when none are stored. */
  settings(workspaceId: string): Promise<WorkspaceSettings>;
  /** Stores a change of settings made by `actor` (a user id); returns the settings now in force. */
  updateSettings(
    workspaceId: string,
    patch: WorkspaceSettingsPatch,
    actor: string,
  ): Promise<WorkspaceSettings>;
}

/**
 * Workspaces: the tenant every job, candidate and interview belongs to.
 * @example const ws = await store.workspaces.ensure({ slug: 'acme', name: 'Acme Ltd' })
 */
export function createWorkspaceRepository(ctx: RepositoryContext): WorkspaceRepository {
  const { db } = ctx;
  const settingsDb = db.withTables<WorkspaceSettingsTables>();
  const bySlug = async (slug: string): Promise<WorkspaceRecord> => {
    const row = await db.selectFrom('workspace').selectAll().where('slug', '=', slug).executeTakeFirst();
    if (row === undefined) throw notFound('workspace', slug, { field: 'slug' });
    return toRecord(row);
  };
  return {
    async ensure({ slug, name, id }) {
      // "on conflict do nothing" then read: safe when two processes ensure the same slug at once.
      await db
        .insertInto('workspace')
        .values({ id: id ?? newId('ws'), slug, name: name ?? slug, created_at: timestamp(ctx) })
        .onConflict((oc) => oc.column('slug').doNothing())
        .execute();
      return bySlug(slug);
    },
    async get(id) {
      const row = await db.selectFrom('workspace').selectAll().where('id', '=', id).executeTakeFirst();
      if (row === undefined) throw notFound('workspace', id);
      return toRecord(row);
    },
    getBySlug: bySlug,
    async rename(id, name) {
      const result = await db.updateTable('workspace').set({ name }).where('id', '=', id).executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw notFound('workspace', id);
      const row = await db.selectFrom('workspace').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return toRecord(row);
    },
    settings: (workspaceId) => readSettings(settingsDb, workspaceId),
    updateSettings: (workspaceId, patch, actor) => writeSettings(ctx, settingsDb, workspaceId, patch, actor),
  };
}

function toRecord(row: Selectable<WorkspaceTable>): WorkspaceRecord {
  return { id: row.id, slug: row.slug, name: row.name, createdAt: row.created_at };
}
