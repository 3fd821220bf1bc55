import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { ColumnType, Selectable } from 'kysely';
import { CandorError, newId } from '../../core/index.js';
import { chunks, guardWrite, notFound, preparedQuery, timestamp, type RepositoryContext } from './rows.js';

/** Who a user is to Candor; decides what the API lets them do. */
export const USER_ROLES = [
  'admin',
  'recruiter',
  'hiring_manager',
  'advisor',
  'candidate',
  'auditor',
] as const;
export type UserRole = (typeof USER_ROLES)[number];

type Immutable<T> = ColumnType<T, T, never>;

/** Tables of migration 0002-accounts, added to the store's `Database` with `withTables`. */
export interface AccountTables {
  app_user: {
    id: Immutable<string>;
    workspace_id: Immutable<string>;
    /** Stored lower-cased and trimmed; unique per workspace. */
    email: string;
    name: string;
    role: UserRole;
    /** `scrypt$N$r$p$salt$hash` (salt and hash base64url). */
    password_hash: string;
    created_at: Immutable<string>;
    /** Set when an admin deactivated the user (migration 0013); null while active. */
    deactivated_at: string | null;
  };
  session: {
    /** SHA-256 (hex) of the cookie token; the token itself is never stored. */
    id: Immutable<string>;
    user_id: Immutable<string>;
    expires_at: string;
    created_at: Immutable<string>;
  };
  api_token: {
    id: Immutable<string>;
    user_id: Immutable<string>;
    name: string;
    /** SHA-256 (hex) of the token. */
    token_hash: Immutable<string>;
    created_at: Immutable<string>;
    last_used_at: string | null;
  };
}

export interface UserRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly email: string;
  readonly name: string;
  readonly role: UserRole;
  readonly createdAt: string;
  /** false once an admin deactivated the user: no sign-in, no session, no API token works. */
  readonly active: boolean;
}

/** What an admin may change about a user. */
export interface UserPatch {
  readonly role?: UserRole;
  readonly active?: boolean;
}

/** An API token with its owner, as an admin lists a workspace's tokens. */
export interface WorkspaceApiToken extends ApiTokenRecord {
  readonly userName: string;
  readonly userEmail: string;
}

export interface NewUser {
  readonly id?: string;
  readonly workspaceId: string;
  readonly email: string;
  readonly name: string;
  readonly role: UserRole;
  readonly password: string;
}

export interface SessionRecord {
  /** SHA-256 (hex) of the token. */
  readonly id: string;
  readonly userId: string;
  readonly expiresAt: string;
  readonly createdAt: string;
}

export interface ApiTokenRecord {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
}

export interface UserRepository {
  /** @throws CandorError CONFLICT when the email is taken in that workspace. */
  create(input: NewUser): Promise<UserRecord>;
  get(id: string): Promise<UserRecord>;
  /** The user with this email (case-insensitive) in the workspace, or null. */
  findByEmail(workspaceId: string, email: string): Promise<UserRecord | null>;
  /**
   * The user when email and password match, else null — the same null for an unknown email
   * and a wrong password, and about the same time, so callers cannot reveal who has an account.
   */
  verifyPassword(workspaceId: string, email: string, password: string): Promise<UserRecord | null>;
  /** Number of users in every workspace. */
  count(): Promise<number>;
  /** Replaces a user's password (hashing it) and ends their sessions. */
  setPassword(userId: string, password: string): Promise<void>;
  /** Starts a session; the returned token is shown once (cookie) and only its hash is kept. */
  createSession(userId: string, ttlMs: number): Promise<{ token: string; session: SessionRecord }>;
  /** The session and its user for a token, or null when unknown or expired (expired ones are deleted). */
  getSession(token: string): Promise<{ session: SessionRecord; user: UserRecord } | null>;
  deleteSession(token: string): Promise<void>;
  /** Issues an API token; the plaintext is returned here only. */
  createApiToken(userId: string, name: string): Promise<{ token: string; record: ApiTokenRecord }>;
  /** The token's owner (and marks the token used), or null for an unknown token. */
  findByToken(token: string): Promise<{ user: UserRecord; token: ApiTokenRecord } | null>;
  /** Users of one workspace by name (then id), optionally only those of one role. */
  listByWorkspace(workspaceId: string, role?: UserRole): Promise<UserRecord[]>;
  /** The users among `ids` that belong to the workspace, by id; ids of others are left out. */
  getMany(workspaceId: string, ids: readonly string[]): Promise<Map<string, UserRecord>>;
  /** A user's API tokens, oldest first (hashes never leave the database). */
  listApiTokens(userId: string): Promise<ApiTokenRecord[]>;
  /** Revokes one of the user's own tokens; false when the user has no token with that id. */
  deleteApiToken(userId: string, tokenId: string): Promise<boolean>;
  /**
   * Changes a user's role or active state. Deactivating ends their sessions; while inactive their
   * API tokens and password are refused (reactivating makes the tokens work again).
   * @throws CandorError NOT_FOUND when the workspace has no such user
   */
  update(workspaceId: string, userId: string, patch: UserPatch): Promise<UserRecord>;
  /** Every API token of the workspace's users, oldest first, with its owner. */
  listWorkspaceApiTokens(workspaceId: string): Promise<WorkspaceApiToken[]>;
  /** Revokes any token of the workspace; null when the workspace has no token with that id. */
  revokeWorkspaceApiToken(workspaceId: string, tokenId: string): Promise<WorkspaceApiToken | null>;
}

/** SHA-256 hex of a secret token: how sessions and API tokens are looked up without storing them. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * scrypt cost: N=2^15, r=8, p=1 is OWASP's minimum recommendation
 * (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#scrypt);
 * it needs 32 MiB, so maxmem is raised above Node's 32 MiB default.
 */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

function scryptAsync(
  password: string,
  salt: Buffer,
  keyLength: number,
  options: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * Hashes a password with a fresh salt; the parameters travel in the result so they can change later.
 * @example await hashPassword('correct horse') // 'scrypt$32768$8$1$…$…'
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltLength);
  const { N, r, p, keyLength } = SCRYPT;
  const key = await scryptAsync(password, salt, keyLength, { N, r, p, maxmem: 128 * N * r * 2 });
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/**
 * Checks a password against a `hashPassword` result with a timing-safe compare.
 * @example await checkPassword('correct horse', user.passwordHash) // true
 */
export async function checkPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) {
    throw new CandorError('INTERNAL', 'stored password hash has an unknown format');
  }
  const expected = Buffer.from(hash, 'base64url');
  const N = Number(n);
  const options = { N, r: Number(r), p: Number(p), maxmem: 128 * N * Number(r) * 2 };
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, options);
  return timingSafeEqual(actual, expected);
}

/** Compared against when the email is unknown, so both failures cost one scrypt. */
let dummyHash: Promise<string> | undefined;

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Users, sessions and API tokens.
 * @example const ana = await store.users.create({ workspaceId: ws.id, email: 'ana@example.com', name: 'Ana', role: 'recruiter', password: 's3cret-enough' })
 */
export function createUserRepository(ctx: RepositoryContext): UserRepository {
  const db = ctx.db.withTables<Pick<AccountTables, keyof AccountTables>>();
  const get = async (id: string): Promise<UserRecord> => {
    const row = await db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('user', id);
    return toUser(row);
  };
  const rowByEmail = (workspaceId: string, email: string) =>
    db
      .selectFrom('app_user')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('email', '=', normaliseEmail(email))
      .executeTakeFirst();
  // One query for the token and its user, compiled once: it runs before every API-token request.
  const tokenOwner = preparedQuery(db, (hash) =>
    db
      .selectFrom('api_token as t')
      .innerJoin('app_user as u', 'u.id', 't.user_id')
      .select(USER_COLUMNS)
      .select([
        't.id as token_id',
        't.name as token_name',
        't.created_at as token_created_at',
        't.last_used_at',
      ])
      .where('t.token_hash', '=', hash)
      .where('u.deactivated_at', 'is', null),
  );
  // Likewise for the session cookie, before every signed-in request of the web app.
  const sessionOwner = preparedQuery(db, (id) =>
    db
      .selectFrom('session as s')
      .innerJoin('app_user as u', 'u.id', 's.user_id')
      .select(USER_COLUMNS)
      .select(['s.expires_at', 's.created_at as session_created_at'])
      .where('s.id', '=', id)
      .where('u.deactivated_at', 'is', null),
  );
  const workspaceTokens = (workspaceId: string) =>
    db
      .selectFrom('api_token as t')
      .innerJoin('app_user as u', 'u.id', 't.user_id')
      .select(['t.id', 't.user_id', 't.name', 't.created_at', 't.last_used_at', 'u.name as user_name'])
      .select('u.email as user_email')
      .where('u.workspace_id', '=', workspaceId);
  return {
    async create(input) {
      const id = input.id ?? newId('user');
      const email = normaliseEmail(input.email);
      const values = {
        id,
        workspace_id: input.workspaceId,
        email,
        name: input.name,
        role: input.role,
        password_hash: await hashPassword(input.password),
        created_at: timestamp(ctx),
        deactivated_at: null,
      };
      await guardWrite('user', email, () => db.insertInto('app_user').values(values).execute());
      return get(id);
    },
    get,
    async findByEmail(workspaceId, email) {
      const row = await rowByEmail(workspaceId, email);
      return row === undefined ? null : toUser(row);
    },
    async verifyPassword(workspaceId, email, password) {
      const row = await rowByEmail(workspaceId, email);
      if (row === undefined) {
        await checkPassword(password, await (dummyHash ??= hashPassword('no such user')));
        return null;
      }
      const matches = await checkPassword(password, row.password_hash);
      // A deactivated user's right password gets the same null as a wrong one.
      return matches && row.deactivated_at === null ? toUser(row) : null;
    },
    async count() {
      const row = await db
        .selectFrom('app_user')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async setPassword(userId, password) {
      const hash = await hashPassword(password);
      const result = await db
        .updateTable('app_user')
        .set({ password_hash: hash })
        .where('id', '=', userId)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw notFound('user', userId);
      await db.deleteFrom('session').where('user_id', '=', userId).execute();
    },
    async createSession(userId, ttlMs) {
      const token = randomBytes(32).toString('base64url');
      const createdAt = timestamp(ctx);
      const session: SessionRecord = {
        id: hashToken(token),
        userId,
        createdAt,
        expiresAt: new Date(Date.parse(createdAt) + ttlMs).toISOString(),
      };
      await guardWrite('session', userId, () =>
        db
          .insertInto('session')
          .values({ id: session.id, user_id: userId, expires_at: session.expiresAt, created_at: createdAt })
          .execute(),
      );
      return { token, session };
    },
    async getSession(token) {
      const id = hashToken(token);
      const [row] = await sessionOwner(id);
      if (row === undefined) return null;
      // ISO-8601 UTC text compares in time order.
      if (row.expires_at <= timestamp(ctx)) {
        await db.deleteFrom('session').where('id', '=', id).execute();
        return null;
      }
      const session = { id, userId: row.id, expiresAt: row.expires_at, createdAt: row.session_created_at };
      return { session, user: toUser(row) };
    },
    async deleteSession(token) {
      await db.deleteFrom('session').where('id', '=', hashToken(token)).execute();
    },
    async createApiToken(userId, name) {
      // The prefix lets secret scanners and people recognise a Candor token.
      const token = `candor_${randomBytes(32).toString('base64url')}`;
      const id = newId('tok');
      const createdAt = timestamp(ctx);
      await guardWrite('api token', id, () =>
        db
          .insertInto('api_token')
          .values({ id, user_id: userId, name, token_hash: hashToken(token), created_at: createdAt })
          .execute(),
      );
      return { token, record: { id, userId, name, createdAt, lastUsedAt: null } };
    },
    async findByToken(token) {
      const [row] = await tokenOwner(hashToken(token));
      if (row === undefined) return null;
      const now = timestamp(ctx);
      // Written at most once a minute: a busy integration must not turn every read into a write.
      const stale = row.last_used_at === null || Date.parse(now) - Date.parse(row.last_used_at) > 60_000;
      if (stale) {
        await db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', row.token_id).execute();
      }
      const lastUsedAt = stale ? now : row.last_used_at;
      const record = {
        id: row.token_id,
        userId: row.id,
        name: row.token_name,
        createdAt: row.token_created_at,
        lastUsedAt,
      };
      return { user: toUser(row), token: record };
    },
    async listByWorkspace(workspaceId, role) {
      let query = db
        .selectFrom('app_user as u')
        .select(USER_COLUMNS)
        .where('u.workspace_id', '=', workspaceId);
      if (role !== undefined) query = query.where('u.role', '=', role);
      const rows = await query.orderBy('u.name').orderBy('u.id').execute();
      return rows.map(toUser);
    },
    async getMany(workspaceId, ids) {
      const users = new Map<string, UserRecord>();
      for (const batch of chunks([...new Set(ids)])) {
        const rows = await db
          .selectFrom('app_user as u')
          .select(USER_COLUMNS)
          .where('u.workspace_id', '=', workspaceId)
          .where('u.id', 'in', batch)
          .execute();
        for (const row of rows) users.set(row.id, toUser(row));
      }
      return users;
    },
    async listApiTokens(userId) {
      const rows = await db
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
    },
    async update(workspaceId, userId, patch) {
      const current = await get(userId).catch(() => null);
      if (current === null || current.workspaceId !== workspaceId) throw notFound('user', userId);
      const set: { role?: UserRole; deactivated_at?: string | null } = {};
      if (patch.role !== undefined) set.role = patch.role;
      if (patch.active !== undefined && patch.active !== current.active) {
        set.deactivated_at = patch.active ? null : timestamp(ctx);
      }
      if (Object.keys(set).length > 0) {
        await db.updateTable('app_user').set(set).where('id', '=', userId).execute();
      }
      if (patch.active === false) await db.deleteFrom('session').where('user_id', '=', userId).execute();
      return get(userId);
    },
    async listWorkspaceApiTokens(workspaceId) {
      const rows = await workspaceTokens(workspaceId).orderBy('t.created_at').orderBy('t.id').execute();
      return rows.map(toWorkspaceToken);
    },
    async revokeWorkspaceApiToken(workspaceId, tokenId) {
      const row = await workspaceTokens(workspaceId).where('t.id', '=', tokenId).executeTakeFirst();
      if (row === undefined) return null;
      await db.deleteFrom('api_token').where('id', '=', tokenId).execute();
      return toWorkspaceToken(row);
    },
    async deleteApiToken(userId, tokenId) {
      const result = await db
        .deleteFrom('api_token')
        .where('id', '=', tokenId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

/** What a user record is read from: never the password hash, which only `verifyPassword` reads. */
const USER_COLUMNS = [
  'u.id',
  'u.workspace_id',
  'u.email',
  'u.name',
  'u.role',
  'u.created_at',
  'u.deactivated_at',
] as const;

type UserRow = Pick<
  Selectable<AccountTables['app_user']>,
  'id' | 'workspace_id' | 'email' | 'name' | 'role' | 'created_at' | 'deactivated_at'
>;

function toWorkspaceToken(row: {
  id: string;
  user_id: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
  user_name: string;
  user_email: string;
}): WorkspaceApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    userName: row.user_name,
    userEmail: row.user_email,
  };
}

function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    email: row.email,
    name: row.name,
    role: row.role,
    createdAt: row.created_at,
    active: row.deactivated_at === null,
  };
}
