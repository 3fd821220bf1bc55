import { newId } from '../../core/index.js';
import type { Selectable } from 'kysely';
import type { WorkspaceTable } from '../schema.js';
import { notFound, timestamp, type RepositoryContext } from './rows.js';

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
}

/**
 * Workspaces: the tenant every job, candidate and interview belongs to.
 * @example const ws = await store.workspaces.ensure({ slug: 'acme', name: 'Acme Ltd' })
 */
export function createWorkspaceRepository(ctx: RepositoryContext): WorkspaceRepository {
  const { db } = ctx;
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
  };
}

function toRecord(row: Selectable<WorkspaceTable>): WorkspaceRecord {
  return { id: row.id, slug: row.slug, name: row.name, createdAt: row.created_at };
}
