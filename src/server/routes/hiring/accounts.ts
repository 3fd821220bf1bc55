/** Reads of users and API tokens that the user repository does not offer (lists, batch lookups). */
import type { Selectable } from 'kysely';
import type { AccountTables, ApiTokenRecord, Store, UserRecord, UserRole } from '../../../store/index.js';

type UserRow = Selectable<AccountTables['app_user']>;

function accounts(store: Store) {
  return store.db.withTables<Pick<AccountTables, keyof AccountTables>>();
}

function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    email: row.email,
    name: row.name,
    role: row.role,
    createdAt: row.created_at,
  };
}

/**
 * Users of one workspace by name, optionally of one role.
 * @example await listUsers(store, ws.id, 'candidate') // the workspace's students
 */
export async function listUsers(store: Store, workspaceId: string, role?: UserRole): Promise<UserRecord[]> {
  let query = accounts(store).selectFrom('app_user').selectAll().where('workspace_id', '=', workspaceId);
  if (role !== undefined) query = query.where('role', '=', role);
  const rows = await query.orderBy('name').orderBy('id').execute();
  return rows.map(toUser);
}

/**
 * The users among `ids` that belong to the workspace, by id (one query; others are left out).
 * @example (await usersById(store, ws.id, events.map((e) => e.actor))).get(event.actor)?.name
 */
export async function usersById(
  store: Store,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, UserRecord>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await accounts(store)
    .selectFrom('app_user')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((row) => [row.id, toUser(row)]));
}

/**
 * A user's API tokens, oldest first (hashes never leave the database).
 * @example await listApiTokens(store, me.id) // [{ id: 'tok_…', name: 'ci', createdAt, lastUsedAt: null }]
 */
export async function listApiTokens(store: Store, userId: string): Promise<ApiTokenRecord[]> {
  const rows = await accounts(store)
    .selectFrom('api_token')
    .select(['id', 'user_id', 'name', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  }));
}

/**
 * Revokes one of the user's own tokens; false when the user has no token with that id.
 * @example if (!(await deleteApiToken(store, me.id, id))) throw hidden('api token', id)
 */
export async function deleteApiToken(store: Store, userId: string, tokenId: string): Promise<boolean> {
  const result = await accounts(store)
    .deleteFrom('api_token')
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
