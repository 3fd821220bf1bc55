import { CandorError, newId } from '../../core/index.js';
import { violatesUnique } from '../dialect.js';
import { fromJson, notFound, toJson, type RepositoryContext } from './rows.js';

/** Table of migration 0025-saved-searches, added to the store's `Database` with `withTables`. */
// A type, not an interface: `withTables` needs an index-compatible record.
export type SavedSearchTables = {
  saved_search: {
    id: string;
    workspace_id: string;
    user_id: string;
    name: string;
    name_key: string;
    query: string;
    filters: string;
    created_at: string;
  };
};

/** A person's named search: the query and its filters (filter name → value). */
export interface SavedSearchRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly userId: string;
  readonly name: string;
  readonly query: string;
  readonly filters: Readonly<Record<string, string>>;
  readonly createdAt: string;
}

export type NewSavedSearch = Omit<SavedSearchRecord, 'id' | 'createdAt'>;

/** Saved searches, each seen and changed only by the user who saved it. */
export interface SavedSearchRepository {
  /**
   * Saves a search.
   * @throws CandorError CONFLICT when the user already has a search of that name (any letter case).
   */
  create(input: NewSavedSearch): Promise<SavedSearchRecord>;
  /** The user's saved searches, by name. */
  listByUser(userId: string): Promise<SavedSearchRecord[]>;
  /** @throws CandorError NOT_FOUND, also when the search is another user's. */
  getOwned(userId: string, id: string): Promise<SavedSearchRecord>;
  /** @throws CandorError NOT_FOUND, also when the search is another user's. */
  delete(userId: string, id: string): Promise<void>;
}

const NAME_KEY = {
  name: 'saved_search_name_unique',
  table: 'saved_search',
  columns: ['user_id', 'name_key'],
};

/** What makes two names the same: case and surrounding spaces do not count. */
export const savedSearchNameKey = (name: string) => name.trim().toLowerCase();

/** @example const saved = await store.savedSearches.create({ workspaceId, userId, name: 'Pricing', query: 'price', filters: {} }) */
export function createSavedSearchRepository(ctx: RepositoryContext): SavedSearchRepository {
  const db = ctx.db.withTables<SavedSearchTables>();
  type Row = SavedSearchTables['saved_search'];
  const toRecord = (row: Row): SavedSearchRecord => ({
    id: row.id,
    workspaceId: row.workspace_id,
    userId: row.user_id,
    name: row.name,
    query: row.query,
    filters: fromJson<Record<string, string>>(row.filters, {
      entity: 'saved search',
      id: row.id,
      field: 'filters',
    }),
    createdAt: row.created_at,
  });
  const getOwned = async (userId: string, id: string) => {
    const row = await db
      .selectFrom('saved_search')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (row === undefined) throw notFound('saved search', id);
    return toRecord(row);
  };

  return {
    async create(input) {
      const id = newId('srch');
      const name = input.name.trim();
      try {
        await db
          .insertInto('saved_search')
          .values({
            id,
            workspace_id: input.workspaceId,
            user_id: input.userId,
            name,
            name_key: savedSearchNameKey(name),
            query: input.query,
            filters: toJson(input.filters),
            created_at: ctx.clock(),
          })
          .execute();
      } catch (error) {
        if (violatesUnique(error, NAME_KEY)) {
          throw new CandorError(
            'CONFLICT',
            `a saved search named "${name}" already exists: choose another name or delete that one`,
            { entity: 'saved search', field: 'name', name },
            { cause: error },
          );
        }
        throw error;
      }
      return getOwned(input.userId, id);
    },
    async listByUser(userId) {
      const rows = await db
        .selectFrom('saved_search')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('name_key')
        .orderBy('id')
        .execute();
      return rows.map(toRecord);
    },
    getOwned,
    async delete(userId, id) {
      const result = await db
        .deleteFrom('saved_search')
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      if (result.numDeletedRows === 0n) throw notFound('saved search', id);
    },
  };
}
